import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGguf } from '../fixtures/gguf-generator';
import { startRangeServer } from '../helpers/range-server';
import { createProject, expect, test } from './fixtures';

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

    await page.getByRole('tab', { name: 'Playground' }).click();
    await page.getByLabel('Max tokens').fill('16');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByTestId('playground-stats')).toContainText('tokens/s');
    await expect(page.getByLabel('Playground output')).not.toHaveText('');

    await page.getByLabel('Max tokens').fill('4096');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByLabel('Playground output')).toHaveAttribute('aria-busy', 'true');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(page.getByTestId('playground-stats')).toContainText('stopped by cancelled');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
