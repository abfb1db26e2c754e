import type { Page } from '@playwright/test';
import { newNode, type DialogueNode } from '../../main/domain/dialogue';
import type { ServeProcess } from '../helpers/serve-process';
import { callApi, expect, setDialogueNodes, test } from './fixtures';

const nodeById = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const problems = (page: Page) => page.getByRole('region', { name: 'Validation' });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

/** Two NPCs called Brannoc, a quest with two stages, an item, a dialogue whose action names a quest that does not exist, and one it jumps to. */
async function seed(server: ServeProcess) {
  const project = await callApi(server, 'projects:create', { name: 'Anvil' });
  await callApi(server, 'projects:open', { id: project.id });
  const smith = await callApi(server, 'npcs:create', { name: 'Brannoc', persona: { role: 'smith' } });
  await callApi(server, 'npcs:create', { name: 'Brannoc', persona: { role: 'guard' } });
  await callApi(server, 'world:items:save', { item: { id: 'anvil', name: 'Old anvil', description: '', stackable: false } });
  const quest = await callApi(server, 'quests:create', { title: 'The Lost Anvil' });
  await callApi(server, 'quests:save', {
    id: quest.id,
    baseRevision: quest.revision,
    quest: {
      ...quest.quest,
      stages: [
        { ...quest.quest.stages[0], title: 'Search the mine', outcomes: [{ id: 'on', condition: '', result: 'stage', stageId: 'back' }] },
        { id: 'back', title: 'Return to Brannoc', journal: '', objectives: [], outcomes: [], hidden: false },
      ],
    },
  });
  const mine = await callApi(server, 'dialogues:create', { name: 'The mine' });
  await setDialogueNodes(server, mine, 'dark', [
    { ...newNode('line', 'dark', { x: 0, y: 0 }), speaker: 'Brannoc', text: 'Dark down here.' },
  ]);
  const dialogue = await callApi(server, 'dialogues:create', { name: 'The anvil', npcId: smith.id });
  const nodes: DialogueNode[] = [
    { ...newNode('line', 'hello', { x: 0, y: 0 }), speaker: 'Brannoc', text: 'My anvil is gone.', next: 'give' },
    { ...newNode('action', 'give', { x: 0, y: 200 }), actions: [{ type: 'startQuest' as const, questId: 'quest' }], next: 'bye' },
    { ...newNode('end', 'bye', { x: 0, y: 400 }) },
    { ...newNode('jump', 'away', { x: 400, y: 400 }), dialogueId: mine.id },
  ];
  await setDialogueNodes(server, dialogue, 'hello', nodes);
}

test('references are picked by name, missing ones are errors, and the canvas gets the room', async ({ page, studio }) => {
  test.setTimeout(120_000);
  await seed(studio.server);
  await page.setViewportSize({ width: 1280, height: 720 });
  await studio.open(page);
  await page.getByRole('button', { name: /^Dialogues/ }).click();
  await page
    .getByRole('navigation', { name: 'Dialogues list' })
    .getByRole('button', { name: /The anvil/ })
    .first()
    .click();

  // The quest the action names does not exist: an error, shown by name in the picker.
  await expect(problems(page)).toContainText('Quest "quest" does not exist in this project');
  await nodeById(page, 'give').click({ position: { x: 70, y: 14 } });
  const questPicker = inspector(page).getByRole('combobox', { name: 'Quest' });
  await expect(questPicker).toHaveValue('Missing quest “quest”');
  await questPicker.click();
  await page.getByRole('option', { name: 'The Lost Anvil' }).click();
  await expect(nodeById(page, 'give')).toContainText('Start quest The Lost Anvil');
  await expect(problems(page)).not.toContainText('does not exist');
  await expect(inspector(page).getByRole('combobox', { name: 'Next' })).toHaveValue('End · bye');

  // Advancing names the stage by its title.
  await inspector(page).getByRole('combobox', { name: 'Action 1 type' }).click();
  await page.getByRole('option', { name: 'Advance quest' }).click();
  await inspector(page).getByRole('combobox', { name: 'To stage' }).click();
  await page.getByRole('option', { name: '2. Return to Brannoc' }).click();
  await expect(nodeById(page, 'give')).toContainText('Advance The Lost Anvil to Return to Brannoc');

  // Find a node finds actions by the quest's name.
  await page.getByRole('combobox', { name: 'Find a node' }).fill('return to brannoc');
  await expect(page.getByRole('option', { name: /Action · Advance The Lost Anvil/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // The line's Next picker lists what nodes say, and the two Brannocs are told apart by role.
  await nodeById(page, 'hello').click({ position: { x: 70, y: 14 } });
  await expect(inspector(page).getByRole('combobox', { name: 'Next' })).toHaveValue(/^Action · Advance The Lost Anvil/);
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await inspector(page).getByRole('combobox', { name: 'NPC' }).click();
  await expect(page.getByRole('option', { name: /Brannoc.*smith/ })).toBeVisible();
  await expect(page.getByRole('option', { name: /Brannoc.*guard/ })).toBeVisible();
  await page.keyboard.press('Escape');

  // "Add node" links the new line from the selected node and keeps it in view; its speaker is the dialogue's NPC.
  await nodeById(page, 'bye').click({ position: { x: 40, y: 14 } });
  await page.getByRole('button', { name: 'Add node' }).click();
  await page.getByRole('menuitem', { name: /Line/ }).click();
  const added = page.locator('.react-flow__node.selected');
  await expect(added).toHaveCount(1);
  await expect(added).toBeInViewport();
  await expect(inspector(page).getByRole('combobox', { name: 'Speaker' })).toHaveValue('Brannoc');

  // The inspector and the section list fold away, and stay folded after a reload.
  await page.getByRole('button', { name: 'Hide the inspector' }).click();
  await expect(inspector(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Fold the section list to icons' }).click();
  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Dialogues' }).click();
  await page.getByRole('navigation', { name: 'Dialogues list' }).getByRole('button').first().click();
  await expect(page.getByRole('button', { name: 'Show the inspector' })).toBeVisible();
  await expect(inspector(page)).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Dialogues' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await page.getByRole('button', { name: 'Show the inspector' }).click();
  await expect(inspector(page)).toBeVisible();

  // A give-item action names the item and opens it on the Items & locations tab.
  await nodeById(page, 'give').click({ position: { x: 70, y: 14 } });
  await inspector(page).getByRole('combobox', { name: 'Action 1 type' }).click();
  await page.getByRole('option', { name: 'Give item' }).click();
  await expect(inspector(page).getByRole('combobox', { name: 'Item' })).toHaveValue('Old anvil');
  await inspector(page).getByRole('button', { name: 'Open the item' }).click();
  await expect(page.getByRole('tab', { name: 'Items & locations' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('dialog', { name: 'Edit Old anvil' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Back in the dialogue, a jump into another dialogue picks its node by what it says.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Dialogues' }).click();
  await problems(page).getByText('away', { exact: true }).click();
  const otherNode = inspector(page).getByRole('combobox', { name: 'Node in that dialogue' });
  await otherNode.click();
  await page.getByRole('option', { name: 'Line · Brannoc Dark down here.' }).click();
  await expect(otherNode).toHaveValue('Line · Brannoc Dark down here.');
});
