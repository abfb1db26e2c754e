import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGguf } from '../fixtures/gguf-generator';
import { connect, find, node, nodeById, problems, select, typeInline, waitSaved } from './dialogue-editor-helpers';
import { createProject, expect, loadTinyModel, test } from './fixtures';

test('build a dialogue tree by mouse and keyboard, validate, undo, reload, and accept an AI line', async ({ page, studio }) => {
  test.setTimeout(120_000);
  const modelDir = mkdtempSync(join(tmpdir(), 'loreweaver-dialogue-model-'));
  const modelPath = writeGguf(join(modelDir, 'tiny.gguf')).path;
  try {
    await studio.open(page);
    await createProject(page, 'Forge');
    await page.getByRole('button', { name: 'Dialogues' }).click();
    await expect(page.getByText('No dialogues yet')).toBeVisible();
    await page.getByRole('button', { name: 'New dialogue' }).first().click();
    await page.getByLabel('Name').fill('The smithy');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(nodeById(page, 'start')).toBeVisible();

    // A number variable for the condition, from the dialogue's settings.
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.getByLabel('Variable name').fill('gold');
    await page.getByRole('combobox', { name: 'Variable type' }).click();
    await page.getByRole('option', { name: 'number' }).click();
    await page.getByLabel('Default of gold').fill('10');

    // Keyboard: write the start line, replace the end with a choice (C) of two options.
    await select(nodeById(page, 'start'));
    await typeInline(page, 'Welcome to the forge.');
    await expect(nodeById(page, 'start')).toContainText('Welcome to the forge.');
    await select(nodeById(page, 'end'));
    await page.keyboard.press('Delete');
    await expect(nodeById(page, 'end')).toHaveCount(0);
    await select(nodeById(page, 'start'));
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Add option' }).click();
    await page.getByRole('button', { name: 'Add option' }).click();
    await page.getByLabel('Option 1 text').fill('I want a blade.');
    await page.getByLabel('Option 2 text').fill('Goodbye.');
    const choice = node(page, 'I want a blade.');

    // A condition on option 1 (B), checked as it is typed.
    await select(choice);
    await page.keyboard.press('b');
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByLabel('If', { exact: true }).fill('$gold >= ');
    await expect(page.getByText(/Expected|expected/).first()).toBeVisible();
    await page.getByLabel('If', { exact: true }).fill('$gold >= 10');
    const branch = node(page, '$gold >= 10');

    // Then a line (L) and an end (E); the else gets its own line (L).
    await select(branch);
    await page.keyboard.press('l');
    await typeInline(page, 'Fine steel, as promised.');
    await page.keyboard.press('e');
    await find(page, '$gold >= 10');
    await select(branch);
    await page.keyboard.press('l');
    await typeInline(page, 'Come back with more gold.');

    // Mouse: make room (fold the section list, hide the inspector), arrange and fit the graph (at a readable zoom),
    // link the poor line to the end; option 2 stays dangling until linked too.
    await page.getByRole('button', { name: 'Fold the section list to icons' }).click();
    await page.getByRole('button', { name: 'Hide the inspector' }).click();
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.getByRole('button', { name: 'Zoom to fit' }).click();
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    const end = page.locator('.react-flow__node-end');
    await connect(page, node(page, 'Come back with more gold.'), 'next', end);
    await expect(problems(page)).toContainText('Option 2 is not connected');
    await connect(page, choice, 'options[1].target', end);
    await expect(problems(page).getByTestId('validation-clean')).toBeVisible();

    // Undo brings the dangling option back; redo clears it again.
    await select(choice);
    await page.keyboard.press('Control+z');
    await expect(problems(page)).toContainText('Option 2 is not connected');
    await page.keyboard.press('Control+Shift+z');
    await expect(problems(page).getByTestId('validation-clean')).toBeVisible();
    await waitSaved(page);

    await loadTinyModel(studio.server, modelPath);
    await page.reload();
    await page.getByRole('navigation', { name: 'Dialogues list' }).getByText('The smithy').click();
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    await expect(problems(page).getByTestId('validation-clean')).toBeVisible();
    await expect(node(page, 'Fine steel, as promised.')).toBeVisible();
    await page.getByRole('button', { name: 'Show the inspector' }).click();

    // AI: rewrite a line with the tiny model, preview it, accept it as one undo step.
    await find(page, 'Fine steel');
    await page.getByRole('button', { name: 'Rewrite in the NPC’s voice' }).click();
    const preview = page.getByTestId('ai-preview');
    await expect(preview).toHaveAttribute('data-phase', 'ready', { timeout: 60_000 });
    const proposed = (await preview.getByRole('listitem').first().textContent())!.trim();
    await preview.getByRole('button', { name: 'Accept' }).click();
    await expect(preview).toHaveCount(0);
    await expect(page.getByLabel('Text', { exact: true })).toHaveValue(proposed);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByLabel('Text', { exact: true })).toHaveValue('Fine steel, as promised.');
  } finally {
    rmSync(modelDir, { recursive: true, force: true });
  }
});
