import { DIALOGUE_SCHEMA_VERSION, type Dialogue, type DialogueNode } from '../main/domain/dialogue';

const SCENE_SIZE = 10;

/**
 * A large, valid dialogue that uses the deeper language on every scene: a section, a once
 * line with a condition and a template (interpolation, markup, plural), a group of
 * candidates with arithmetic, enum and smart-variable conditions, a choice with a once
 * option and interpolated text, actions with set expressions and a command text, a detour
 * into a shared section that returns, and a jump by expression to the next scene. For the
 * validation benchmark: the richer language must validate inside the same budget.
 */
export function generateRichDialogue(nodeCount: number): Dialogue {
  const scenes = Math.max(1, Math.floor(nodeCount / SCENE_SIZE));
  const nodes: Record<string, DialogueNode> = {};
  const add = (node: DialogueNode) => (nodes[node.id] = node);
  const at = (scene: number, slot: number) => ({ x: slot * 260, y: scene * 180 });

  for (let s = 0; s < scenes; s++) {
    const id = (name: string) => `s${s}_${name}`;
    const nextScene = `s${s + 1}_sec`;
    add({ id: id('sec'), kind: 'section', position: at(s, 0), title: `Scene ${s}`, next: id('intro') });
    add({
      id: id('intro'),
      kind: 'line',
      position: at(s, 1),
      speaker: 'Mirela',
      text: `Scene {$scene}: you have [b]{$gold * 2 - 1}[/b] [plural value={$gold} one="% coin" other="% coins"/].`,
      lineId: `rich.${s}.intro`,
      condition: '$mood == .Calm or $gold % 2 == 0',
      once: true,
      next: id('pick'),
    });
    add({
      id: id('pick'),
      kind: 'group',
      position: at(s, 2),
      candidates: [
        { id: 'rich', condition: `$gold * 2 > ${s % 40} and $rich`, target: id('pay') },
        { id: 'again', condition: `visited_count("${id('sec')}") < 3 and not visited("${id('tale')}")`, once: true, target: id('ask') },
        { id: 'plain', target: id('ask') },
      ],
      else: id('ask'),
    });
    add({
      id: id('ask'),
      kind: 'choice',
      position: at(s, 3),
      options: [
        { id: 'buy', text: 'Buy it for {$price + 1} gold.', condition: '$gold >= $price + 1', once: true, target: id('pay') },
        { id: 'talk', text: 'Tell me a tale, [i]{$name}[/i].', target: id('tell') },
        { id: 'leave', text: 'Goodbye.', target: id('bye') },
      ],
      else: id('bye'),
    });
    add({
      id: id('pay'),
      kind: 'action',
      position: at(s, 4),
      actions: [
        { type: 'setVariable', variable: 'gold', operator: '-=', value: 0, expression: '$price + 1' },
        { type: 'setVariable', variable: 'mood', operator: '=', value: '', expression: '.Angry' },
        { type: 'commandText', text: `play_sound "forge {$scene}" ${s}` },
        { type: 'call', expression: 'assert($gold >= 0, "gold went negative")' },
      ],
      next: id('tell'),
    });
    add({ id: id('tell'), kind: 'detour', position: at(s, 5), nodeId: 'tale_sec', next: id('tale') });
    add({
      id: id('tale'),
      kind: 'line',
      position: at(s, 6),
      speaker: 'Mirela',
      text: '[select value={$name} Mirela="That is me." other="Who?"/]',
      lineId: `rich.${s}.tale`,
      next: id('on'),
    });
    add({
      id: id('on'),
      kind: 'action',
      position: at(s, 7),
      actions: [{ type: 'setVariable', variable: 'scene', operator: '+=', value: 0, expression: '1' }],
      next: id('hop'),
    });
    const to = s + 1 < scenes ? { expression: `"${nextScene}"` } : { nodeId: 'finale' };
    add({ id: id('hop'), kind: 'jump', position: at(s, 8), ...to });
    add({ id: id('bye'), kind: 'end', position: at(s, 9), outcome: 'left' });
  }
  add({ id: 'tale_sec', kind: 'section', position: at(scenes, 0), title: 'Tale', next: 'tale_line' });
  add({
    id: 'tale_line',
    kind: 'line',
    position: at(scenes, 1),
    speaker: 'Mirela',
    text: 'Once, in the [ordinal value={$scene} one="%st" two="%nd" few="%rd" other="%th"/] winter…',
    lineId: 'rich.tale',
    next: 'tale_back',
  });
  add({ id: 'tale_back', kind: 'return', position: at(scenes, 2) });
  add({ id: 'finale', kind: 'end', position: at(scenes, 3), outcome: 'done' });

  return {
    schemaVersion: DIALOGUE_SCHEMA_VERSION,
    id: 'generated-rich',
    name: `Generated, rich language (${Object.keys(nodes).length} nodes)`,
    enums: [{ name: 'Mood', cases: [{ name: 'Calm' }, { name: 'Angry' }] }],
    variables: [
      { name: 'gold', type: 'number', default: 20 },
      { name: 'price', type: 'number', default: 4 },
      { name: 'scene', type: 'number', default: 1 },
      { name: 'name', type: 'string', default: 'Mirela' },
      { name: 'mood', type: 'enum', enum: 'Mood', default: 'Calm' },
      { name: 'rich', type: 'smart', expression: '$gold > 100' },
    ],
    startNodeId: 's0_sec',
    nodes,
  };
}
