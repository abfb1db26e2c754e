import type { ProjectContent } from '../main/domain/pack';
import { newNpcPersona } from '../main/domain/npc';
import { newPoem } from '../main/domain/poetry';
import { newScriptData } from '../main/domain/script/script-record';
import { newStory } from '../main/domain/story';
import { forgeQuest, generateDialogue } from './dialogue-generator';
import { generateQuests } from './quest-generator';

export const NODES_PER_DIALOGUE = 100;

const WORDS = ['ember', 'harbor', 'lantern', 'marsh', 'oath', 'raven', 'salt', 'thistle', 'vault', 'willow', 'forge', 'crown'];
const prose = (seed: number, sentences: number) =>
  Array.from({ length: sentences }, (_, i) => `The ${WORDS[(seed + i) % WORDS.length]} of the north was quiet that night.`).join(' ');

/**
 * A project of about `size` items shaped like a long-running world: a tenth NPCs with
 * lorebooks, seven tenths dialogue nodes (dialogues of 100 nodes), a tenth quests and a
 * tenth stories, poems and scripts, plus a few hundred items and locations.
 */
export function scaleProject(size: number): ProjectContent {
  const npcCount = Math.round(size / 10);
  const questCount = Math.round(size / 10);
  const documentCount = Math.round(size / 10);
  const dialogueCount = Math.max(1, Math.round((size * 0.7) / NODES_PER_DIALOGUE));

  const npcs = Array.from({ length: npcCount }, (_, i) => ({
    ...newNpcPersona({ id: `npc-${i}`, name: `Villager ${i}` }),
    role: 'villager',
    description: prose(i, 3),
    personality: 'Curious and talkative.',
    lorebook: {
      extensions: {},
      entries: Array.from({ length: 3 }, (_, e) => ({
        keys: [WORDS[(i + e) % WORDS.length]],
        content: `Lore ${e} of villager ${i}.`,
        enabled: true,
        insertionOrder: e,
        extensions: {},
      })),
    },
  }));
  const template = generateDialogue(NODES_PER_DIALOGUE);
  const dialogues = Array.from({ length: dialogueCount }, (_, d) => ({
    ...template,
    id: `dialogue-${d}`,
    name: `Dialogue ${d}`,
    npcId: `npc-${d % Math.max(1, npcCount)}`,
  }));
  const items = Array.from({ length: 200 }, (_, i) => ({ id: `item_${i}`, name: `Item ${i}`, description: '', stackable: true }));
  const locations = Array.from({ length: 50 }, (_, i) => ({ id: `place_${i}`, name: `Place ${i}`, description: '', region: '' }));
  const world = { npcIds: npcs.map((n) => n.id), itemIds: items.map((i) => i.id), locationIds: locations.map((l) => l.id) };
  const quests = [forgeQuest(NODES_PER_DIALOGUE), ...generateQuests(questCount - 1, world)];
  const stories = Array.from({ length: Math.round(documentCount * 0.4) }, (_, i) => ({
    id: `story-${i}`,
    name: `Chronicle ${i}`,
    data: { ...newStory(), markdown: `# Chronicle ${i}\n\n${prose(i, 40)}\n` },
  }));
  const poems = Array.from({ length: Math.round(documentCount * 0.3) }, (_, i) => ({
    id: `poem-${i}`,
    name: `Song ${i}`,
    data: { ...newPoem(), text: prose(i, 4).replaceAll('. ', '.\n') },
  }));
  const scripts = Array.from({ length: documentCount - stories.length - poems.length }, (_, i) => ({
    id: `script-${i}`,
    name: `door_${i}.luau`,
    data: {
      ...newScriptData('luau', 'doors'),
      code: `local Door = {}\nfunction Door.open(n: number)\n  return n + ${i}\nend\nreturn Door\n`,
    },
  }));
  return { npcs, dialogues, quests, items, locations, stories, poems, scripts };
}

/** How many items `scaleProject` made, counting every dialogue node as one. */
export function countItems(project: ProjectContent): number {
  const nodes = project.dialogues.reduce((sum, d) => sum + Object.keys(d.nodes).length, 0);
  return project.npcs.length + nodes + project.quests.length + project.stories.length + project.poems.length + project.scripts.length;
}
