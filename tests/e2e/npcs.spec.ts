import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { importCard } from '../../main/domain/cards';
import { writeGguf } from '../fixtures/gguf-generator';
import { keepersLorebook } from '../helpers/large-lorebook';
import { callApi as call, createProject, expect, test } from './fixtures';

const CARDS = join(import.meta.dirname, '../fixtures/cards');

const saved = (page: Page) => expect(page.getByRole('status', { name: 'Save state' })).toHaveAttribute('data-save-state', 'saved');
/** A text field by its label; labels alone also match the AI buttons named after the field. */
const field = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });
const tags = (scope: Page | Locator, name: string) => scope.getByRole('combobox', { name, exact: true });
const npcList = (page: Page) => page.getByRole('navigation', { name: 'NPCs list' });

test('create an NPC, fill its persona and lorebook, reload and find it all', async ({ page, studio }) => {
  await studio.open(page);
  await createProject(page, 'Personas');
  await page.getByRole('button', { name: 'New NPC' }).first().click();
  await page.getByRole('dialog').getByLabel('Name').fill('Mirela');
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();

  await expect(field(page, 'NPC name')).toHaveValue('Mirela');
  await field(page, 'Role').fill('Blacksmith of Emberfall');
  await tags(page, 'Tags').fill('smith');
  await tags(page, 'Tags').press('Enter');
  await field(page, 'Personality').fill('Gruff, proud, secretly kind.');
  await page.getByRole('tab', { name: 'Story' }).click();
  await page.getByRole('button', { name: 'Add goal' }).click();
  await field(page, 'Goal 1').fill('Forge a blade of moonsteel');
  await page.getByRole('tab', { name: /Lorebook/ }).click();
  await page.getByRole('button', { name: 'Add a lorebook' }).click();
  const entry = page.getByRole('group', { name: 'Lore entry 1' });
  await tags(entry, 'Keys').fill('moonsteel');
  await tags(entry, 'Keys').press('Enter');
  await field(entry, 'Content').fill('Moonsteel is mined under the old quarry.');
  await field(page, 'Scan depth').fill('4');
  await page.getByRole('button', { name: 'Add entry' }).click();
  const regexEntry = page.getByRole('group', { name: 'Lore entry 2' });
  await regexEntry.getByRole('checkbox', { name: 'Regex keys' }).check();
  await tags(regexEntry, 'Keys').fill('/(\\w+) \\1/i');
  await tags(regexEntry, 'Keys').press('Enter');
  await expect(regexEntry.getByText(/backreferences and lookaheads are not supported/)).toBeVisible();
  await field(regexEntry, 'Title').fill('Echoes');
  await saved(page);

  await page.reload();
  await npcList(page)
    .getByRole('button', { name: /Mirela/ })
    .click();
  await expect(npcList(page)).toContainText('Blacksmith of Emberfall');
  await expect(field(page, 'Role')).toHaveValue('Blacksmith of Emberfall');
  await expect(field(page, 'Personality')).toHaveValue('Gruff, proud, secretly kind.');
  await expect(page.getByText('smith', { exact: true }).first()).toBeVisible();
  await page.getByRole('tab', { name: 'Story' }).click();
  await expect(field(page, 'Goal 1')).toHaveValue('Forge a blade of moonsteel');
  await page.getByRole('tab', { name: 'Lorebook (2)' }).click();
  // Entries open collapsed: a row with the title and keys, and the key error on the row.
  const echoes = page.getByRole('group', { name: 'Lore entry 2' });
  await expect(echoes.getByRole('button', { expanded: false })).toContainText('Echoes');
  await expect(echoes.getByTestId('lore-key-error')).toContainText('A key never matches: /(\\w+) \\1/i');
  await expect(field(page.getByRole('group', { name: 'Lore entry 1' }), 'Content')).toBeHidden();
  await page
    .getByRole('group', { name: 'Lore entry 1' })
    .getByRole('button', { name: /moonsteel/ })
    .click();
  await expect(field(page.getByRole('group', { name: 'Lore entry 1' }), 'Content')).toHaveValue('Moonsteel is mined under the old quarry.');
  await expect(field(page, 'Scan depth')).toHaveValue('4');

  await page.getByLabel('Delete Mirela').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No NPCs yet')).toBeVisible();
});

test('import a PNG card, see its greeting, export it as a card again', async ({ page, studio }) => {
  await studio.open(page);
  await createProject(page, 'Cards');
  const chooser = page.waitForEvent('filechooser');
  await page
    .getByRole('button', { name: /^Import/ })
    .first()
    .click();
  await (await chooser).setFiles(join(CARDS, 'mirela.v3.png'));

  await expect(npcList(page).getByRole('button', { name: /Mirela/ })).toBeVisible();
  await expect(field(page, 'NPC name')).toHaveValue('Mirela');
  await page.getByRole('tab', { name: 'Greetings' }).click();
  await expect(field(page, 'First message')).toHaveValue("Door's open.");

  await page.getByRole('button', { name: 'Export card' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Card V3 (PNG)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Mirela.v3.png');
  const exported = importCard(new Uint8Array(readFileSync(await file.path())), 'exported');
  expect(exported).toMatchObject({ spec: 'v3', format: 'png', persona: { name: 'Mirela', firstMessage: "Door's open." } });

  // The same card again: the studio asks before adding a second Mirela.
  const importAgain = async () => {
    const again = page.waitForEvent('filechooser');
    await page
      .getByRole('button', { name: /^Import/ })
      .first()
      .click();
    await (await again).setFiles(join(CARDS, 'mirela.v3.png'));
    return page.getByRole('dialog', { name: 'Mirela is already in the project' });
  };
  const npcRows = npcList(page).getByRole('button', { name: /Mirela/ });
  await (await importAgain()).getByRole('button', { name: 'Keep both' }).click();
  await expect(npcList(page).getByRole('button', { name: /Mirela \(2\)/ })).toBeVisible();
  await expect(field(page, 'NPC name')).toHaveValue('Mirela (2)');
  await (await importAgain()).getByRole('button', { name: 'Update Mirela' }).click();
  await expect(page.getByText('Mirela now has the card')).toBeVisible();
  await expect(field(page, 'NPC name')).toHaveValue('Mirela');
  const asked = await importAgain();
  await asked.getByRole('button', { name: 'Cancel' }).click();
  await expect(asked).toHaveCount(0);
  await expect(npcRows).toHaveCount(2);
});

test('a world info file is refused with a pointer to lorebook import', async ({ page, studio }) => {
  await studio.open(page);
  await createProject(page, 'Lore');
  const chooser = page.waitForEvent('filechooser');
  await page
    .getByRole('button', { name: /^Import/ })
    .first()
    .click();
  await (await chooser).setFiles(join(CARDS, 'tavern.worldinfo.json'));
  await expect(page.getByRole('alert').getByText("import it into an NPC's lorebook instead")).toBeVisible();
  await expect(page.getByText('No NPCs yet')).toBeVisible();
});

test('draft an NPC from an idea with the model, accept it, rewrite a field in character', async ({ page, studio }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'loreweaver-npc-model-'));
  try {
    // The default tiny model's 512-token context is too small for a whole persona.
    const model = writeGguf(join(dir, 'tiny-8k.gguf'), { contextLength: 8192 });
    const { id } = await call(studio.server, 'models:import', { path: model.path });
    await call(studio.server, 'llm:load', { modelId: id, contextSize: 8192 });

    await studio.open(page);
    await createProject(page, 'Ideas');
    await page.getByRole('button', { name: 'Create from idea' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Idea').fill('A retired pirate who keeps a lighthouse');
    await dialog.getByRole('button', { name: 'Draft the NPC' }).click();
    await expect(dialog.getByRole('button', { name: 'Create NPC' })).toBeVisible({ timeout: 150_000 });

    const draft = dialog.getByRole('group', { name: 'Draft NPC' });
    for (const label of ['Name', 'Role', 'Description', 'Personality', 'First message', 'Example dialogue']) {
      await expect(field(draft, label)).toBeVisible();
    }
    await field(draft, 'Name').fill('Captain Ilse');
    const description = await field(draft, 'Description').inputValue();
    await dialog.getByRole('button', { name: 'Create NPC' }).click();

    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(npcList(page).getByRole('button')).toHaveCount(1);
    await expect(field(page, 'NPC name')).toHaveValue('Captain Ilse');
    await expect(field(page, 'Description')).toHaveValue(description);

    await field(page, 'Description').fill('A weathered woman with a spyglass.');
    await page.getByRole('button', { name: 'Rewrite description in character' }).click();
    const preview = page.getByLabel('Rewrite preview');
    await expect(preview).toHaveAttribute('aria-busy', 'false', { timeout: 60_000 });
    const accept = page.getByRole('button', { name: 'Accept' });
    if (await accept.isEnabled()) {
      const rewritten = (await preview.innerText()).trim();
      await accept.click();
      await expect(field(page, 'Description')).toHaveValue(rewritten);
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect(field(page, 'Description')).toHaveValue('A weathered woman with a spyglass.');
    }
    await saved(page);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an NPC with a 10,000-entry lorebook: find an entry by its text, edit it, and it is saved', async ({ page, studio }) => {
  await studio.open(page);
  await createProject(page, 'Archive');
  const { id } = await call(studio.server, 'npcs:create', { name: 'Archivist', persona: { lorebook: keepersLorebook(10_000) } });
  await npcList(page)
    .getByRole('button', { name: /Archivist/ })
    .click();
  await page.getByRole('tab', { name: 'Lorebook (10,000)' }).click();
  await expect(page.getByText('10,000 entries')).toBeVisible();
  // Only the rows in view are drawn, and the pane scrolls to the last of them.
  const first = page.getByRole('group', { name: 'Lore entry 1', exact: true });
  await expect(first).toBeVisible();
  expect(await page.getByRole('group', { name: /^Lore entry \d+$/ }).count()).toBeLessThan(60);
  await first.evaluate((row) => {
    let pane = row.parentElement;
    while (pane && getComputedStyle(pane).overflowY !== 'auto') pane = pane.parentElement;
    pane?.scrollTo({ top: pane.scrollHeight });
  });
  await expect(page.getByRole('group', { name: 'Lore entry 10000' })).toBeInViewport();

  await page.getByRole('textbox', { name: 'Find lore entries' }).fill('entry 7777:');
  await expect(page.getByText('1 of 10,000 entries')).toBeVisible();
  const found = page.getByRole('group', { name: 'Lore entry 7778' });
  await found.getByRole('button', { name: /lighthouse7777/ }).click();
  await field(found, 'Content').fill('The keeper saw a second light.');
  await saved(page);

  const stored = await call(studio.server, 'npcs:get', { id });
  expect(stored.persona.lorebook?.entries[7777].content).toBe('The keeper saw a second light.');
  expect(stored.persona.lorebook?.entries).toHaveLength(10_000);
  await page.getByRole('button', { name: 'Clear the search' }).click();
  await expect(page.getByText('10,000 entries')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('lorebook-10000.png') });
});
