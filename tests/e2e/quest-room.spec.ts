import type { Locator, Page } from '@playwright/test';
import type { ServeProcess } from '../helpers/serve-process';
import { callApi, expect, test } from './fixtures';

const LONG_TITLES = ['Ask around the market square for rumours of the anvil', 'Return to Brannoc Ironhand with the anvil'];

/** A quest with long stage titles, given by a blacksmith, asking for an item and rewarding it. */
async function seed(server: ServeProcess) {
  const project = await callApi(server, 'projects:create', { name: 'Emberfall' });
  await callApi(server, 'projects:open', { id: project.id });
  const npc = await callApi(server, 'npcs:create', { name: 'Brannoc', persona: { role: 'blacksmith' } });
  await callApi(server, 'npcs:create', { name: 'Brannoc', persona: { role: 'town guard' } });
  await callApi(server, 'world:items:save', { item: { id: 'anvil', name: 'The Lost Anvil', description: 'Heavy.', stackable: false } });
  const quest = await callApi(server, 'quests:create', { title: 'The Lost Anvil of the Old Forge Beneath the Mountain' });
  await callApi(server, 'quests:save', {
    id: quest.id,
    baseRevision: quest.revision,
    quest: {
      ...quest.quest,
      giverNpcId: npc.id,
      stages: [
        {
          ...quest.quest.stages[0],
          title: LONG_TITLES[0],
          objectives: [{ id: 'find', type: 'collect', itemId: 'anvil', count: 1, description: '', optional: false, hidden: false }],
          outcomes: [{ id: 'go', condition: '', result: 'stage', stageId: 'back' }],
        },
        { id: 'back', title: LONG_TITLES[1], journal: '', objectives: [], outcomes: [], hidden: false },
      ],
    },
  });
}

async function openQuest(page: Page) {
  await page
    .getByRole('navigation', { name: 'Sections' })
    .getByRole('button', { name: /^Quests/ })
    .click();
  await page.getByRole('navigation', { name: 'Quests list' }).getByRole('button').first().click();
  await expect(page.getByTestId('stage-node-back')).toBeVisible();
}

/** Whether an element's text is cut: clamped to fewer lines than it needs, or wider than its box. */
const isCut = (locator: Locator) => locator.evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);

/** The elements inside `root` (itself included) that scroll their content: more than one means a scroll inside a scroll. */
const scrollers = (root: Locator) =>
  root.evaluate((el) =>
    [el, ...el.querySelectorAll('*')]
      .filter((node) => {
        const { overflowY } = getComputedStyle(node);
        return (overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight + 1;
      })
      .map((node) => node.getAttribute('data-testid') ?? node.className),
  );

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${size.width}×${size.height} the quest editor scrolls as one page and shows stage and map titles whole`, async ({
    page,
    studio,
  }) => {
    await seed(studio.server);
    await page.setViewportSize(size);
    await studio.open(page);
    await openQuest(page);

    const flow = page.getByTestId('stage-flow');
    for (const [index, id] of ['start', 'back'].entries()) {
      const node = page.getByTestId(`stage-node-${id}`);
      await expect(node).toContainText(LONG_TITLES[index]);
      expect(await isCut(node.getByText(LONG_TITLES[index]))).toBe(false);
      // Drawn inside the flow's box, not off in a corner of a blank canvas.
      const [box, inner] = [await flow.boundingBox(), await node.boundingBox()];
      expect(inner!.x).toBeGreaterThanOrEqual(box!.x);
      expect(inner!.x + inner!.width).toBeLessThanOrEqual(box!.x + box!.width + 1);
    }
    expect(await isCut(page.locator('.react-flow__node-end'))).toBe(false);

    // The editor pane is the one scroll container: the stage form grows in it instead of scrolling inside it.
    const pane = page.getByTestId('stage-form').locator('xpath=ancestor::*[contains(@class, "editorPane")]');
    await page.getByTestId('stage-flow').getByText(LONG_TITLES[0]).click();
    expect((await scrollers(pane)).length).toBeLessThanOrEqual(1);

    await page.getByRole('tab', { name: 'Quest map' }).click();
    const card = page.getByTestId('quest-map').getByText('The Lost Anvil of the Old Forge Beneath the Mountain');
    await expect(card).toBeVisible();
    expect(await isCut(card)).toBe(false);
  });
}

test('the quest giver picker tells two NPCs of one name apart by role and avatar, and an item opens from its picker', async ({
  page,
  studio,
}) => {
  await seed(studio.server);
  await studio.open(page);
  await openQuest(page);

  await page.getByRole('combobox', { name: 'Quest giver', exact: true }).click();
  const options = page.getByRole('option');
  await expect(options).toHaveCount(2);
  await expect(options.filter({ hasText: 'blacksmith' })).toHaveCount(1);
  await expect(options.filter({ hasText: 'town guard' })).toHaveCount(1);
  await expect(options.first().locator('.mantine-Avatar-root')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Open the item' }).click();
  await expect(page.getByRole('tab', { name: 'Items & locations' })).toHaveAttribute('aria-selected', 'true');
  const form = page.getByRole('dialog', { name: 'Edit The Lost Anvil' });
  await expect(form.getByLabel('Description')).toHaveValue('Heavy.');
});

test('section lists fold to a rail and open again, the Dialogues list as every other', async ({ page, studio }) => {
  await seed(studio.server);
  await callApi(studio.server, 'dialogues:create', { name: 'Brannoc asks for help' });
  await studio.open(page);
  const sections = page.getByRole('navigation', { name: 'Sections' });

  await sections.getByRole('button', { name: /^Dialogues/ }).click();
  const list = page.getByRole('navigation', { name: 'Dialogues list' });
  await expect(list).toBeVisible();
  await page.getByRole('button', { name: 'Fold the list away' }).click();
  await expect(list).toBeHidden();
  const rail = page.getByRole('button', { name: 'Show the list' }).locator('xpath=ancestor::*[contains(@class, "listPane")]');
  expect((await rail.boundingBox())!.width).toBeLessThanOrEqual(48);

  // Folded in every section, and after a reload.
  await sections.getByRole('button', { name: /^NPCs/ }).click();
  await expect(page.getByRole('button', { name: 'Show the list' })).toBeVisible();
  await page.reload();
  await sections.getByRole('button', { name: /^Dialogues/ }).click();
  await page.getByRole('button', { name: 'Show the list' }).click();
  await expect(list).toBeVisible();
});
