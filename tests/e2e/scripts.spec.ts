import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeGguf } from '../fixtures/gguf-generator';
import { callApi, createProject, expect, loadTinyModel, test } from './fixtures';

/** Requests for Monaco's code: its API chunk, the script editor chunk and its workers. */
const MONACO_CHUNK = /\/assets\/(editor\.api|ScriptEditor|editor\.worker|ts\.worker|json\.worker)-[\w-]+\.js$/;

async function newScript(page: Page, name: string, language: string, folder = '') {
  await page.getByRole('button', { name: 'New script' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New script' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByText(language, { exact: true }).click();
  if (folder) await dialog.getByLabel('Folder').fill(folder);
  await dialog.getByRole('button', { name: 'Create' }).click();
  // The first script fetches and starts Monaco (a few MB), which takes a while on a busy machine.
  await expect(page.getByLabel('Script name')).toHaveValue(name, { timeout: 60_000 });
  await expect(page.locator('.monaco-editor .view-lines')).toBeVisible();
}

/** Types into Monaco at the end of the file. */
async function typeCode(page: Page, text: string) {
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

async function waitSaved(page: Page) {
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveAttribute('data-save-state', 'saved');
}

async function searchAndOpen(page: Page, text: string, hitName: string) {
  const input = page.getByPlaceholder('Search the project or run a command…');
  // The palette closes with an animation after the previous search; Ctrl+K then opens it again.
  await expect(input).toHaveCount(0);
  await page.keyboard.press('Control+K');
  await input.fill(text);
  await page.locator('.mantine-Spotlight-action', { hasText: hitName }).first().click();
}

test('scripts: Monaco loads with the first script, Luau completes inline, TypeScript is checked, search lands in the editor, history compares and restores', async ({
  page,
  studio,
}) => {
  test.setTimeout(300_000);
  const modelDir = mkdtempSync(join(tmpdir(), 'loreweaver-scripts-model-'));
  const modelPath = writeGguf(join(modelDir, 'tiny.gguf')).path;
  const monacoRequests: string[] = [];
  page.on('request', (request) => {
    if (MONACO_CHUNK.test(new URL(request.url()).pathname)) monacoRequests.push(request.url());
  });
  try {
    await studio.open(page);
    await createProject(page, 'Harbour');
    const npc = await callApi(studio.server, 'npcs:create', {
      name: 'Mirela Quayside',
    });
    await callApi(studio.server, 'npcs:save', {
      id: npc.id,
      baseRevision: npc.revision,
      persona: { ...npc.persona, description: 'Ferries travellers across the grey harbour.' },
    });
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Scripts' }).click();
    await expect(page.getByText('No scripts yet')).toBeVisible();
    // The section is open but no script is: Monaco has not been fetched.
    expect(monacoRequests).toEqual([]);

    await newScript(page, 'Patrol', 'Luau', 'NPCs/Guards');
    expect(monacoRequests.some((r) => /editor\.api-/.test(r))).toBe(true);
    await expect(
      page.getByRole('navigation', { name: 'Scripts list' }).getByRole('button', { name: 'Folder NPCs/Guards', exact: true }),
    ).toBeVisible();
    // Luau keywords are highlighted by the Luau grammar (a keyword token class on `continue`).
    await typeCode(page, 'local lanterns = 3\nfor i = 1, lanterns do\n\tif i == 2 then continue end\nend\n');
    await expect(page.locator('.monaco-editor .view-line span', { hasText: /^continue$/ })).toHaveClass(/mtk\d+/);
    await waitSaved(page);

    // Inline completion from the tiny model: ghost text appears, Tab accepts it.
    await loadTinyModel(studio.server, modelPath);
    await expect(page.getByRole('button', { name: 'AI' })).toBeEnabled({ timeout: 20_000 });
    await typeCode(page, 'local greeting = ');
    const ghost = page.locator('.monaco-editor .ghost-text, .monaco-editor .ghost-text-decoration').first();
    await expect(ghost).toBeVisible({ timeout: 60_000 });
    await page.keyboard.press('Tab');
    await expect(ghost).toHaveCount(0);
    await waitSaved(page);
    const [patrol] = await callApi(studio.server, 'scripts:list', {});
    await expect
      .poll(async () => (await callApi(studio.server, 'content:get', { id: patrol.id })).data.code)
      .toMatch(/local greeting = \S/);
    await callApi(studio.server, 'llm:unload', {});

    // A TypeScript script gets diagnostics from the TypeScript worker.
    await newScript(page, 'Hud', 'TypeScript');
    await typeCode(page, 'const lanternCount: number = "three";\n');
    await expect(page.getByTestId('problem-count')).toHaveText(/^[1-9]/, { timeout: 90_000 });
    await expect(page.getByRole('list', { name: 'Problems list' })).toContainText("is not assignable to type 'number'");
    // Leaving the script right after typing still saves what was typed.
    await typeCode(page, '// typed just before leaving\n');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'NPCs' }).click();
    const hud = (await callApi(studio.server, 'scripts:list', {})).find((s) => s.name === 'Hud')!;
    await expect
      .poll(async () => (await callApi(studio.server, 'content:get', { id: hud.id })).data.code)
      .toContain('typed just before leaving');

    // Project search lands in the right editor: an NPC, then a word inside a script, selected and highlighted.
    await searchAndOpen(page, 'Quayside', 'Mirela Quayside');
    await expect(page.getByLabel('NPC name')).toHaveValue('Mirela Quayside');
    // Other kinds compare revisions as a line diff.
    await page.getByRole('button', { name: 'History' }).click();
    const npcHistory = page.getByRole('dialog', { name: 'History' });
    await npcHistory.getByRole('button', { name: /Created/ }).click();
    await expect(npcHistory.getByTestId('text-diff').locator('[data-op="add"]', { hasText: 'Ferries travellers' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(npcHistory).toHaveCount(0);
    // A dialogue line: the dialogue opens with that node selected.
    const dialogue = await callApi(studio.server, 'dialogues:create', { name: 'Ferry crossing' });
    const startId = dialogue.dialogue.startNodeId;
    const start = { ...dialogue.dialogue.nodes[startId], text: 'The ferryman hums a shanty.' };
    await callApi(studio.server, 'dialogues:save', { id: dialogue.id, baseRevision: dialogue.revision, upsertNodes: [start] });
    await searchAndOpen(page, 'shanty', 'Ferry crossing');
    await expect(page.locator(`.react-flow__node[data-id="${startId}"]`)).toHaveClass(/selected/, { timeout: 30_000 });
    await searchAndOpen(page, 'lanterns', 'Patrol');
    await expect(page.getByLabel('Script name')).toHaveValue('Patrol');
    await expect(page.locator('.monaco-editor .search-hit').first()).toBeVisible();
    // The search view (Ctrl+Shift+F, also from inside the code editor) groups results by kind.
    await page.keyboard.press('Control+Shift+F');
    const view = page.getByRole('dialog', { name: 'Search project' });
    await view.getByLabel('Search project').fill('lanternCount');
    await expect(view.getByLabel('Search results')).toContainText('Scripts');
    await view.getByRole('button', { name: /Hud/ }).click();
    await expect(page.getByLabel('Script name')).toHaveValue('Hud');
    await expect(page.locator('.monaco-editor .search-hit').first()).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Scripts list' })
      .getByRole('button', { name: /Patrol/ })
      .first()
      .click();
    await expect(page.getByLabel('Script name')).toHaveValue('Patrol');

    // History: compare the first revision (empty) with the current code, then restore it.
    await page.getByRole('button', { name: 'History' }).click();
    const drawer = page.getByRole('dialog', { name: 'History' });
    await drawer.getByRole('button', { name: /Created/ }).click();
    await expect(drawer.getByTestId('script-diff').locator('.monaco-diff-editor')).toBeVisible();
    await expect(drawer.getByTestId('script-diff')).toContainText('lanterns');
    await drawer.getByRole('button', { name: 'Restore revision 1' }).click();
    await expect(page.locator('.monaco-editor .view-lines').first()).not.toContainText('lanterns');
    await expect.poll(async () => (await callApi(studio.server, 'content:get', { id: patrol.id })).data.code).toBe('');
  } finally {
    rmSync(modelDir, { recursive: true, force: true });
  }
});
