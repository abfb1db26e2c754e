import type { Studio } from '../../main/core/studio';
import type { MethodInput, MethodName, MethodOutput } from '../../preload/api';
import { callOk } from './studio';

type Call = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/** An NPC, an item and a dialogue that validates cleanly, added to the open project: what the export tests ship. */
export async function seedExportContent(call: Call) {
  const npc = await call('npcs:create', { name: 'Mirela', persona: { role: 'blacksmith', personality: 'Gruff but kind.' } });
  await call('world:items:save', { item: { id: 'blade', name: 'Blade', description: 'A sharp blade.', stackable: false } });
  const created = await call('dialogues:create', { name: 'The smith', npcId: npc.id });
  const at = { x: 0, y: 0 };
  await call('dialogues:save', {
    id: created.id,
    baseRevision: created.revision,
    variables: [{ name: 'gold', type: 'number', default: 12 }],
    startNodeId: 'start',
    upsertNodes: [
      {
        id: 'start',
        position: at,
        kind: 'line',
        speaker: 'Mirela',
        text: 'Welcome to my forge.',
        lineId: 'smith_welcome',
        emotion: 'warm',
        next: 'ask',
      },
      {
        id: 'ask',
        position: { x: 0, y: 150 },
        kind: 'choice',
        options: [
          { id: 'buy', text: 'I want a blade.', condition: '$gold >= 10', target: 'pay' },
          { id: 'bye', text: 'Goodbye.', target: 'end' },
        ],
      },
      { id: 'pay', position: { x: 0, y: 300 }, kind: 'action', actions: [{ type: 'giveItem', itemId: 'blade', count: 1 }], next: 'thanks' },
      {
        id: 'thanks',
        position: { x: 0, y: 450 },
        kind: 'line',
        speaker: 'Mirela',
        text: 'Mind the edge.',
        lineId: 'smith_thanks',
        next: 'end',
      },
      { id: 'end', position: { x: 0, y: 600 }, kind: 'end', outcome: 'done' },
    ],
  });
  return { npc, dialogueId: created.id };
}

/** A new open project holding the export content. */
export async function makeExportProject(studio: Studio, name = 'Emberfall') {
  const project = await callOk(studio, 'projects:create', { name });
  await callOk(studio, 'projects:open', { id: project.id });
  const seeded = await seedExportContent((method, input) => callOk(studio, method, input));
  return { project, ...seeded };
}
