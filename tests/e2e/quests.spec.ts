import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { newNode } from '../../main/domain/dialogue';
import { writeGguf } from '../fixtures/gguf-generator';
import type { ServeProcess } from '../helpers/serve-process';
import { callApi, expect, test } from './fixtures';

/** The project picker is covered by projects.spec.ts; these tests start inside an open project. */
async function openProject(server: ServeProcess, name: string) {
  const project = await callApi(server, 'projects:create', { name });
  await callApi(server, 'projects:open', { id: project.id });
}

const problems = (page: Page) => page.getByRole('region', { name: 'Validation' });
const stageNode = (page: Page, id: string) => page.getByTestId(`stage-node-${id}`);
const questList = (page: Page) => page.getByRole('navigation', { name: 'Quests list' });

async function waitSaved(page: Page) {
  await expect(page.getByRole('status', { name: 'Save state' })).toHaveAttribute('data-save-state', 'saved');
}

/** Picks an option of a Mantine select by its label. */
async function pick(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('create a quest with two stages and a branch, link it to a dialogue, map it, and add items', async ({ page, studio }) => {
  test.setTimeout(120_000);
  await openProject(studio.server, 'Wolves');
  await studio.open(page);
  const mara = await callApi(studio.server, 'npcs:create', { name: 'Mara' });
  await callApi(studio.server, 'world:locations:save', { location: { id: 'lodge', name: 'Hunters’ lodge', description: '', region: '' } });

  await page.getByRole('button', { name: 'Quests' }).click();
  await expect(page.getByText('No quests yet')).toBeVisible();
  await page.getByRole('button', { name: 'New quest' }).first().click();
  await page.getByLabel('Title').fill('The wolf problem');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByLabel('Quest title')).toHaveValue('The wolf problem');

  // The giver, and a talk objective in the start stage.
  await pick(page, 'Quest giver', 'Mara');
  await page.getByRole('button', { name: 'Add objective' }).click();
  await page.getByRole('menuitem', { name: 'Talk to NPC' }).click();
  await pick(page, 'NPC', 'Mara');

  // Two more stages: the start leads to stage 2 unless the player sided with the guard, then to stage 3.
  await page.getByRole('button', { name: 'Add stage' }).click();
  await expect(stageNode(page, 'stage_2')).toBeVisible();
  await page.getByRole('button', { name: 'Add stage' }).click();
  await expect(stageNode(page, 'stage_3')).toBeVisible();
  await page.getByRole('button', { name: 'Branch to stage' }).click();
  await pick(page, 'Next stage of outcome next_2', 'Stage 3');
  await page.getByTestId('outcome-next_2').getByRole('textbox', { name: 'When' }).fill('$sided_with_guard');
  await expect(page.locator('.react-flow__edge')).toHaveCount(4);
  await expect(page.locator('.react-flow__edge-text', { hasText: '$sided_with_guard' })).toBeVisible();
  await waitSaved(page);
  await expect(problems(page).getByTestId('quest-validation-clean')).toBeVisible();

  // A stage with a broken condition shows up in the panel, and undo takes it back.
  await page.getByTestId('outcome-next_2').getByRole('textbox', { name: 'When' }).fill('$sided_with_guard and');
  await waitSaved(page);
  await expect(problems(page)).toContainText('1 error');
  await page.getByRole('button', { name: 'Undo' }).click();
  await waitSaved(page);
  await expect(problems(page).getByTestId('quest-validation-clean')).toBeVisible();

  // A dialogue of Mara's starts the quest; the quest shows the link and jumps to the dialogue.
  const [quest] = await callApi(studio.server, 'quests:list', {});
  expect(quest).toMatchObject({ giverNpcId: mara.id, stageCount: 3 });
  const dialogue = await callApi(studio.server, 'dialogues:create', { name: 'Mara asks for help', npcId: mara.id });
  const accept = {
    ...newNode('action', 'accept'),
    actions: [
      { type: 'startQuest' as const, questId: quest.id },
      { type: 'completeObjective' as const, questId: quest.id, objectiveId: 'talk' },
    ],
    next: 'thanks',
  };
  await callApi(studio.server, 'dialogues:save', {
    id: dialogue.id,
    baseRevision: dialogue.revision,
    startNodeId: 'hello',
    deleteNodeIds: Object.keys(dialogue.dialogue.nodes),
    upsertNodes: [
      { ...newNode('line', 'hello'), speaker: 'Mara', text: 'Will you help with the wolves?', lineId: 'hello', next: 'accept' },
      accept,
      { ...newNode('line', 'thanks'), speaker: 'Mara', text: 'Thank you.', lineId: 'thanks', next: 'bye' },
      newNode('end', 'bye'),
    ],
  });
  await page.getByRole('tab', { name: 'Dialogue links' }).click();
  await expect(page.getByText('starts the quest')).toBeVisible();

  // The quest map: Mara gives the quest.
  await page.getByRole('tab', { name: 'Quest map' }).click();
  const map = page.getByTestId('quest-map');
  await expect(map.locator('.react-flow__node')).toHaveCount(2);
  await expect(map.locator('.react-flow__node', { hasText: 'Mara' })).toContainText('gives 1 quest');

  // Items from the World tab are offered to objectives and rewards.
  await page.getByRole('tab', { name: 'Items & locations' }).click();
  await page.getByRole('button', { name: 'Add item' }).click();
  await page.getByRole('dialog').getByLabel('Name').fill('Wolf pelt');
  await expect(page.getByRole('dialog').getByLabel('Id')).toHaveValue('wolf_pelt');
  await page.getByRole('dialog').getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByRole('table', { name: 'Items' })).toContainText('wolf_pelt');

  // Back to the quest; the dialogue link opens the dialogue with the node that starts the quest selected.
  await page.getByRole('tab', { name: 'Quests', exact: true }).click();
  await questList(page).getByText('The wolf problem').click();
  await page.getByRole('tab', { name: 'Dialogue links' }).click();
  await page.getByRole('button', { name: /Mara asks for help.*starts the quest/ }).click();
  await expect(page.getByRole('navigation', { name: 'Dialogues list' })).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="accept"]')).toHaveClass(/selected/);
  await expect(page.locator('.react-flow__node[data-id="hello"]')).not.toHaveClass(/selected/);

  // Playing the dialogue in Test chat starts the quest, and talking to Mara moves it to stage 2 by the quest's own outcome.
  await page.getByRole('button', { name: 'Test chat' }).click();
  await page.getByText('Playthrough', { exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Dialogue' })).toHaveValue('Mara asks for help');
  await page.getByRole('button', { name: 'Play from the start' }).click();
  await expect(page.getByTestId('current-step')).toContainText('Will you help with the wolves?');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByTestId('current-step')).toContainText('Thank you.');
  await expect(page.getByTestId('log-effect').filter({ hasText: 'Quest advanced: The wolf problem → Stage 2' })).toBeVisible();
});

test('draft a quest from a premise with the tiny model and add it', async ({ page, studio }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'loreweaver-quest-model-'));
  try {
    // A draft is a few thousand tokens; the default tiny model's context is too small for it.
    const model = writeGguf(join(dir, 'tiny-8k.gguf'), { contextLength: 8192 });
    const { id } = await callApi(studio.server, 'models:import', { path: model.path });
    await callApi(studio.server, 'llm:load', { modelId: id, contextSize: 8192 });

    await openProject(studio.server, 'Drafts');
    await studio.open(page);
    await callApi(studio.server, 'npcs:create', { name: 'Mara' });
    await page.getByRole('button', { name: 'Quests' }).click();
    await page.getByRole('button', { name: 'Draft from premise' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Premise').fill('Wolves take the miller’s sheep and the hunters blame the guard');
    await dialog.getByRole('button', { name: 'Draft the quest' }).click();
    await expect(dialog.getByRole('button', { name: 'Add quest' })).toBeVisible({ timeout: 200_000 });
    await expect(dialog.getByTestId('quest-draft-preview')).toBeVisible();
    await dialog.getByLabel('Title').fill('The miller’s sheep');
    await dialog.getByRole('button', { name: 'Add quest' }).click();

    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(questList(page).getByRole('button')).toHaveCount(1);
    await expect(page.getByLabel('Quest title')).toHaveValue('The miller’s sheep');
    await expect(page.locator('[data-testid^="stage-node-"]').first()).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
