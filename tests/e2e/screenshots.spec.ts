import { mkdirSync } from 'node:fs';
import { newNode, type DialogueNode } from '../../main/domain/dialogue';
import type { ServeProcess } from '../helpers/serve-process';
import { callApi, expect, setDialogueNodes, test } from './fixtures';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ['light', 'dark'] as const;
const SECTIONS = ['NPCs', 'Dialogues', 'Quests', 'Stories', 'Poems', 'Scripts', 'Test chat', 'Export', 'Models'] as const;
const LISTED: readonly string[] = ['NPCs', 'Dialogues', 'Quests', 'Stories', 'Poems', 'Scripts'];
const OUT = 'test-results/screenshots';

/** A project with one of everything, long names included, so clipping shows. */
async function seed(server: ServeProcess) {
  const project = await callApi(server, 'projects:create', { name: 'Emberfall Chronicles' });
  await callApi(server, 'projects:open', { id: project.id });
  const npc = await callApi(server, 'npcs:create', {
    name: 'Brannoc Ironhand of the Emberfall Forge',
    persona: { role: 'blacksmith', personality: 'Gruff, proud, secretly kind.' },
  });
  await callApi(server, 'world:items:save', { item: { id: 'anvil', name: 'The Lost Anvil', description: '', stackable: false } });
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
          title: 'Ask around the market square for rumours',
          outcomes: [{ id: 'go', condition: '', result: 'stage', stageId: 'back' }],
        },
        { id: 'back', title: 'Return to Brannoc with the anvil', journal: '', objectives: [], outcomes: [], hidden: false },
      ],
    },
  });
  const dialogue = await callApi(server, 'dialogues:create', { name: 'Brannoc asks for help', npcId: npc.id });
  const nodes: DialogueNode[] = [
    { ...newNode('line', 'hello', { x: 0, y: 0 }), speaker: npc.persona.name, text: 'My anvil is gone. Will you find it?', next: 'ask' },
    {
      ...newNode('choice', 'ask', { x: 0, y: 180 }),
      options: [
        { id: 'yes', text: 'I will find it.', target: 'accept' },
        { id: 'no', text: 'Not today.', target: 'bye' },
      ],
    },
    { ...newNode('action', 'accept', { x: -200, y: 380 }), actions: [{ type: 'startQuest' as const, questId: quest.id }], next: 'bye' },
    { ...newNode('end', 'bye', { x: 200, y: 560 }) },
  ];
  await setDialogueNodes(server, dialogue, 'hello', nodes);
  await callApi(server, 'content:create', { kind: 'story', name: 'The founding of Emberfall' });
  await callApi(server, 'content:create', { kind: 'poem', name: 'Song of the forge' });
  await callApi(server, 'content:create', { kind: 'script', name: 'BrannocShop' });
}

test('every section at 1280×720 and 1920×1080, light and dark, saved as screenshots', async ({ page, studio }) => {
  test.setTimeout(240_000);
  mkdirSync(OUT, { recursive: true });
  await seed(studio.server);
  await studio.open(page);
  // The studio follows the system theme and the window size as they change, so one page serves every combination.
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const section of SECTIONS) {
        await page
          .getByRole('navigation', { name: 'Sections' })
          .getByRole('button', { name: new RegExp(`^${section}`) })
          .click();
        if (LISTED.includes(section)) {
          // The seeded item opens in its editor.
          await page
            .getByRole('navigation', { name: `${section} list` })
            .getByRole('button')
            .first()
            .click();
        }
        if (section === 'Dialogues') await expect(page.locator('.react-flow__node')).toHaveCount(4);
        if (section === 'Quests') await expect(page.getByTestId('stage-node-back')).toBeVisible();
        await expect(page.getByRole('main')).toBeVisible();
        const name = (what: string) => `${OUT}/${what.replace(/\s+/g, '-').toLowerCase()}-${size.width}x${size.height}-${theme}.png`;
        await page.screenshot({ path: name(section) });
        if (section === 'Quests') {
          await page.getByRole('tab', { name: 'Quest map' }).click();
          await expect(page.getByTestId('quest-map').locator('.react-flow__node')).toHaveCount(2);
          await page.screenshot({ path: name('Quest map') });
        }
      }
    }
  }
});
