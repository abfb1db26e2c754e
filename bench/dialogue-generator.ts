import { DIALOGUE_SCHEMA_VERSION, type Dialogue, type DialogueNode } from '../main/domain/dialogue';
import { newQuest, type Quest } from '../main/domain/quest';

const SCENE_SIZE = 10;

/**
 * A large, valid dialogue shaped like authored content: scenes of lines, a choice with
 * conditions, actions, a condition branch, an AI line, a local jump and an end, each scene
 * leading to the next. Used by the validation benchmark and the scale test.
 */
export function generateDialogue(nodeCount: number): Dialogue {
  const scenes = Math.max(1, Math.floor(nodeCount / SCENE_SIZE));
  const nodes: Record<string, DialogueNode> = {};
  const add = (node: DialogueNode) => (nodes[node.id] = node);
  const at = (scene: number, slot: number) => ({ x: slot * 260, y: scene * 180 });

  for (let s = 0; s < scenes; s++) {
    const id = (name: string) => `s${s}_${name}`;
    const nextScene = s + 1 < scenes ? `s${s + 1}_intro` : 'finale';
    const line = (name: string, slot: number, text: string, next: string): DialogueNode => ({
      id: id(name),
      kind: 'line',
      position: at(s, slot),
      speaker: 'Mirela',
      text,
      lineId: `line.${s}.${name}`,
      next,
    });
    add(line('intro', 0, `Scene ${s}: the forge is hot today.`, id('ask')));
    add({
      id: id('ask'),
      kind: 'choice',
      position: at(s, 1),
      options: [
        { id: 'buy', text: 'I want to buy a blade.', condition: `$gold >= ${s % 50}`, target: id('pay') },
        { id: 'king', text: 'Tell me about the king.', condition: 'not $met_king and active("q_forge")', target: id('king') },
        { id: 'leave', text: 'Goodbye.', target: id('bye') },
      ],
    });
    add({
      id: id('pay'),
      kind: 'action',
      position: at(s, 2),
      actions: [
        { type: 'setVariable', variable: 'gold', operator: '-=', value: 1 },
        { type: 'completeObjective', questId: 'q_forge', objectiveId: `scene_${s}` },
      ],
      next: id('judge'),
    });
    add({
      id: id('judge'),
      kind: 'branch',
      position: at(s, 3),
      branches: [{ id: 'trusted', condition: `$trust > 3 and visited("${id('intro')}")`, target: id('warm') }],
      else: id('cold'),
    });
    add(line('king', 4, 'The king? He has not paid me in a year.', id('muse')));
    add({
      id: id('muse'),
      kind: 'aiLine',
      position: at(s, 5),
      speaker: 'Mirela',
      instruction: 'Grumble about the king without naming him.',
      fallbackText: 'Kings come and go. Debts stay.',
      lineId: `line.${s}.muse`,
      next: id('judge'),
    });
    add(line('warm', 6, 'For you, the good steel.', nextScene));
    add(line('cold', 7, 'Take it or leave it.', id('hop')));
    add({ id: id('hop'), kind: 'jump', position: at(s, 8), nodeId: nextScene });
    add({ id: id('bye'), kind: 'end', position: at(s, 9), outcome: 'left' });
  }
  add({ id: 'finale', kind: 'end', position: at(scenes, 0), outcome: 'done' });

  return {
    schemaVersion: DIALOGUE_SCHEMA_VERSION,
    id: 'generated',
    name: `Generated (${Object.keys(nodes).length} nodes)`,
    variables: [
      { name: 'gold', type: 'number', default: 20 },
      { name: 'trust', type: 'number', default: 0 },
      { name: 'met_king', type: 'bool', default: false },
    ],
    startNodeId: 's0_intro',
    nodes,
  };
}

/** The quest the generated dialogue of `nodeCount` nodes advances: `q_forge`, with one objective per scene (`scene_N`). */
export function forgeQuest(nodeCount: number): Quest {
  const quest = newQuest({ id: 'q_forge', name: 'The forge' });
  const scenes = Math.max(1, Math.floor(nodeCount / SCENE_SIZE));
  const objectives = Array.from({ length: scenes }, (_, s) => ({
    id: `scene_${s}`,
    type: 'custom' as const,
    event: `scene_${s}`,
    count: 1,
    description: `Scene ${s}`,
    optional: true,
    hidden: false,
  }));
  return {
    ...quest,
    stages: [{ ...quest.stages[0], objectives: [...objectives, { ...objectives[0], id: 'done', event: 'done', optional: false }] }],
  };
}
