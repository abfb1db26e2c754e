import type { Locator, Page } from '@playwright/test';
import { newNode, type DialogueNode } from '../../main/domain/dialogue';
import { callApi, createProject, expect, loadTinyModel, test } from './fixtures';

const saveState = (page: Page) => page.getByRole('status', { name: 'Save state' });
const state = (page: Page, value: 'saved' | 'saving' | 'failed' | 'offline') =>
  expect(saveState(page)).toHaveAttribute('data-save-state', value);
const textbox = (scope: Page | Locator, name: string) => scope.getByRole('textbox', { name, exact: true });

/** After a reload, opens the NPC again from the list. */
const reopenNpc = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: 'NPCs list' })
    .getByRole('button', { name: new RegExp(name) })
    .click();

/** Creates an NPC from the NPCs section and waits until its editor shows it. */
async function newNpc(page: Page, name: string) {
  await page.getByRole('button', { name: 'New NPC' }).first().click();
  await page.getByRole('dialog').getByLabel('Name').fill(name);
  await page.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await expect(textbox(page, 'NPC name')).toHaveValue(name);
}

async function storedNpc(server: Parameters<typeof callApi>[0], name: string) {
  const [summary] = (await callApi(server, 'npcs:list', {})).filter((npc) => npc.name === name);
  return (await callApi(server, 'npcs:get', { id: summary.id })).persona;
}

test('a save the server refuses names its node, keeps the edit, lets the rest save, and saves once fixed', async ({ page, studio }) => {
  await studio.open(page);
  await createProject(page, 'Refusals');
  const { id, revision } = await callApi(studio.server, 'dialogues:create', { name: 'Quest giver' });
  const give = {
    ...newNode('action', 'give', { x: 0, y: 240 }),
    actions: [{ type: 'command', name: 'open_gate', args: [] }],
  } as DialogueNode;
  await callApi(studio.server, 'dialogues:save', { id, baseRevision: revision, upsertNodes: [give] });
  const stored = async () => (await callApi(studio.server, 'dialogues:get', { id })).dialogue;

  await page.getByRole('button', { name: 'Dialogues' }).click();
  await page.getByRole('navigation', { name: 'Dialogues list' }).getByText('Quest giver').click();
  const giveNode = page.locator('.react-flow__node[data-id="give"]');
  await giveNode.click({ position: { x: 70, y: 14 } });
  await page.getByLabel('Command', { exact: true }).fill('');

  await state(page, 'failed');
  await expect(saveState(page)).toContainText('Not saved');
  const validation = page.getByRole('region', { name: 'Validation' });
  await expect(validation).toContainText('Not saved');
  await expect(validation).toContainText('give');
  await expect(page.getByLabel('Command', { exact: true })).toHaveValue('');

  // Another node still saves while the refused one waits.
  await page.locator('.react-flow__node[data-id="start"]').click({ position: { x: 70, y: 14 } });
  await textbox(page, 'Text').fill('The wolves took my sheep.');
  await expect.poll(async () => (await stored()).nodes.start).toMatchObject({ text: 'The wolves took my sheep.' });
  await state(page, 'failed');

  await giveNode.click({ position: { x: 70, y: 14 } });
  await page.getByLabel('Command', { exact: true }).fill('open_door');
  await state(page, 'saved');
  await expect(validation).not.toContainText('Not saved');
  expect((await stored()).nodes.give).toMatchObject({ actions: [{ type: 'command', name: 'open_door' }] });
});

test('the server restarts mid-typing: the tab says Offline, reconnects, reopens the project, keeps every keystroke and drops the old model', async ({
  page,
  studio,
}) => {
  test.setTimeout(120_000);
  await studio.open(page);
  await createProject(page, 'Restarts');
  await loadTinyModel(studio.server);
  await expect(page.getByTestId('model-state')).not.toHaveText('No model loaded');
  await newNpc(page, 'Mirela');
  const personality = textbox(page, 'Personality');
  await personality.pressSequentially('Gruff');

  await studio.server.stop();
  await personality.pressSequentially(', proud');
  await state(page, 'offline');
  await studio.restart();
  await personality.pressSequentially(', secretly kind.');

  await state(page, 'saved');
  await expect(page.getByTestId('model-state')).toHaveText('No model loaded');
  expect((await storedNpc(studio.server, 'Mirela')).personality).toBe('Gruff, proud, secretly kind.');
  await page.reload();
  await reopenNpc(page, 'Mirela');
  await expect(textbox(page, 'Personality')).toHaveValue('Gruff, proud, secretly kind.');
});

test('closing the tab with unsaved text asks first; staying keeps the text, which saves when the studio is back', async ({
  page,
  studio,
}) => {
  await studio.open(page);
  await createProject(page, 'Leaving');
  await newNpc(page, 'Orin');
  await studio.server.stop();
  await textbox(page, 'Role').pressSequentially('Ferryman of the grey river');
  await state(page, 'offline');

  const asked = page.waitForEvent('dialog');
  // Runs the page's beforeunload as a reload or a closing window does; staying keeps the page open.
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await expect(textbox(page, 'Role')).toHaveValue('Ferryman of the grey river');

  await studio.restart();
  await state(page, 'saved');
  page.on('dialog', (unexpected) => void unexpected.dismiss().then(() => expect(unexpected.type()).toBe('no dialog once saved')));
  await page.reload();
  await reopenNpc(page, 'Orin');
  await expect(textbox(page, 'Role')).toHaveValue('Ferryman of the grey river');
  expect((await storedNpc(studio.server, 'Orin')).role).toBe('Ferryman of the grey river');
});
