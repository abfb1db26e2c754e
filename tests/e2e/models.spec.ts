import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGguf } from '../fixtures/gguf-generator';
import { engineProcess } from '../helpers/process-memory';
import { startRangeServer } from '../helpers/range-server';
import { callApi, createProject, expect, test } from './fixtures';

test('download a model with a progress bar, load it, generate and stop', async ({ page, studio }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'loreweaver-model-'));
  writeGguf(join(dir, 'tiny.gguf'));
  // Slow enough that the progress bar is seen moving.
  const server = await startRangeServer(
    { '/models/tiny-chat.gguf': readFileSync(join(dir, 'tiny.gguf')) },
    { chunkBytes: 32 * 1024, delayMs: 60 },
  );
  try {
    await studio.open(page);
    await createProject(page, 'Models');
    await page.getByRole('button', { name: 'Models' }).click();
    await page.getByRole('tab', { name: 'Get models' }).click();
    await expect(page.getByText('Recommended')).toBeVisible();

    await page.getByLabel('Address of a GGUF model to download').fill(server.url('/models/tiny-chat.gguf'));
    await page.getByRole('button', { name: 'Download from this address' }).click();
    const download = page.getByRole('listitem', { name: 'Download tiny-chat.gguf' });
    await expect(download.getByRole('progressbar')).toBeVisible();
    await expect(download).toHaveAttribute('data-phase', 'completed', { timeout: 60_000 });
    await expect(download).toContainText('added as tiny-chat.gguf');

    await page.getByRole('tab', { name: /Installed/ }).click();
    const model = page.getByRole('listitem', { name: /tiny/i });
    await model.getByRole('button', { name: 'Load' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Load' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0, { timeout: 60_000 });
    await expect(model.getByText('loaded')).toBeVisible();
    await expect(page.getByTestId('model-state')).not.toHaveText('No model loaded');
    // The loaded model offers to unload, not to load again.
    await expect(model.getByRole('button', { name: 'Load', exact: true })).toHaveCount(0);
    await model.getByRole('button', { name: 'Unload' }).click();
    await expect(page.getByTestId('model-state')).toHaveText('No model loaded');
    await expect(model.getByText('loaded')).toHaveCount(0);
    await model.getByRole('button', { name: 'Load' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Load' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0, { timeout: 60_000 });
    await expect(model.getByRole('button', { name: 'Unload' })).toBeVisible();

    await page.getByRole('tab', { name: 'Playground' }).click();
    await page.getByLabel('Max tokens').fill('16');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByTestId('playground-stats')).toContainText('tokens/s');
    await expect(page.getByLabel('Playground output')).not.toHaveText('');

    await page.getByLabel('Max tokens').fill('4096');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByLabel('Playground output')).toHaveAttribute('aria-busy', 'true');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(page.getByTestId('playground-stats')).toContainText(/· stopped$/);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a model that would abort llama.cpp is marked unusable; an engine crash is reported and the next load works', async ({
  page,
  studio,
}) => {
  test.setTimeout(120_000);
  // Dropped into the models folder by hand: a vocabulary with a repeated token string, which makes llama.cpp abort while loading.
  const modelsDir = join(studio.server.dataDir, '.loreweaver', 'models');
  mkdirSync(modelsDir, { recursive: true });
  writeGguf(join(modelsDir, 'broken-vocab.gguf'), { defect: 'duplicate-tokens', name: 'broken-vocab' });
  await callApi(studio.server, 'models:import', { path: writeGguf(join(studio.server.dataDir, 'tiny.gguf')).path, mode: 'copy' });

  await studio.open(page);
  await createProject(page, 'Crash');
  await page.getByRole('button', { name: 'Models' }).click();
  const broken = page.getByRole('listitem', { name: 'broken-vocab' });
  await expect(broken.getByRole('button', { name: 'Load' })).toBeDisabled();
  await broken.getByText('unusable').hover();
  await expect(page.getByRole('tooltip')).toContainText('lists the token "Ġon" twice, which makes llama.cpp abort');

  const dialog = page.getByRole('dialog');
  const model = page.getByRole('listitem', { name: 'loreweaver-tiny' });
  const load = async () => {
    await page.getByRole('tab', { name: /Installed/ }).click();
    await model.getByRole('button', { name: 'Load' }).click();
    await dialog.getByRole('button', { name: 'Load' }).click();
    await expect(dialog).toHaveCount(0, { timeout: 60_000 });
    await expect(model.getByText('loaded')).toBeVisible();
  };
  await load();

  // The engine process dies in the middle of a generation (as on a native crash or the OOM killer).
  await page.getByRole('tab', { name: 'Playground' }).click();
  await page.getByLabel('Max tokens').fill('4096');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByLabel('Playground output')).toHaveAttribute('aria-busy', 'true');
  process.kill(engineProcess(Number(studio.server.process.pid)).pid, 'SIGKILL');

  const crash = page.getByRole('alert').filter({ hasText: 'The engine crashed and was restarted' });
  await expect(crash).toContainText('SIGKILL', { timeout: 30_000 });
  await expect(page.getByTestId('model-state')).toHaveText('No model loaded');

  await load();
  await expect(crash).toHaveCount(0);
  await page.getByRole('tab', { name: 'Playground' }).click();
  await page.getByLabel('Max tokens').fill('8');
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByTestId('playground-stats')).toContainText('tokens/s');
  await expect(page.getByLabel('Playground output')).not.toHaveText('');
});
