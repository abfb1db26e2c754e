import { createRandom } from '../../main/domain/dialogue/seeded-random';
import { escapeText } from '../../main/domain/dialogue/text';
import type { Dialogue, DialogueAction, DialogueNode } from '../../main/domain/dialogue';

/** Pieces of text that mean something to Twee, SugarCube, Harlowe, Yarn Spinner, HTML or a spreadsheet. */
export const HOSTILE = [
  '::Injected',
  '\n:: Injected [tag]\n<<run alert(1)>>',
  '*/ <<run alert(2)>> /*',
  '<<set $gold to 999>>',
  '<<run alert(3)>>',
  '[[evil->Injected]]',
  ']]',
  '[[',
  '{',
  '}',
  '{$gold}',
  '#line:stolen',
  '#',
  '>>',
  '<<',
  '$gold',
  '_tmp',
  "''bold''",
  '"""',
  '//',
  '\n===\n',
  '\n---\n',
  '\n-> option',
  'title: Injected',
  'Name: said',
  '\\',
  '&amp;',
  '&#60;',
  '<b>',
  '<!--',
  '-->',
  '(set: $x to 1)',
  '|',
  '->',
  '<-',
  '\r',
  '\u2028',
  'é 🎭',
  ':',
  '=SUM(A1:A9)',
  '+1',
  '-1',
  '@cmd',
  '\t',
  '"',
  "'",
];

/** A random dialogue that uses every node kind, with hostile text in every field a creator types. */
export function hostileDialogue(seed: number): Dialogue {
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const text = (words = 4) =>
    Array.from({ length: 1 + Math.floor(random() * words) }, () =>
      random() < 0.5 ? pick(HOSTILE) : pick(['word', 'the', 'Mira', 'gold']),
    ).join(pick([' ', '', '\n']));
  /** Text without line breaks, for values compared inside conditions. */
  /** Hostile text in a template field, escaped so it is shown exactly as generated. */
  const prose = (words = 4) => escapeText(text(words));
  const value = () => text(3).replace(/[\r\n\u2028]/g, ' ');
  const literal = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const count = 8 + Math.floor(random() * 10);
  const ids = Array.from({ length: count }, (_, i) => `n${i}${pick(['', ' sp', '::x', '[a]', '\nb', '->c', '"q"', 'é'])}`);
  const target = () => (random() < 0.9 ? pick(ids) : undefined);
  const kinds = ['line', 'aiLine', 'choice', 'branch', 'action', 'jump', 'end'] as const;
  const position = { x: 0, y: 0 };
  const node = (id: string, index: number): DialogueNode => {
    const kind = index < kinds.length ? kinds[index] : pick(kinds);
    const next = target();
    switch (kind) {
      case 'line':
        return {
          id,
          position,
          kind,
          speaker: random() < 0.8 ? text(2) : '',
          text: prose(),
          lineId: `line.${index}`,
          emotion: pick(['', 'glad']) || undefined,
          ...(next ? { next } : {}),
        };
      case 'aiLine':
        return {
          id,
          position,
          kind,
          speaker: text(2),
          instruction: text(),
          fallbackText: prose(),
          lineId: `ai.${index}`,
          ...(next ? { next } : {}),
        };
      case 'choice':
        return {
          id,
          position,
          kind,
          options: Array.from({ length: 1 + Math.floor(random() * 3) }, (_, o) => ({
            id: `o${o + 1}`,
            text: prose(),
            ...(random() < 0.3 ? { condition: `$mood != ${literal(value())}` } : {}),
            ...(target() ? { target: pick(ids) } : {}),
          })),
        };
      case 'branch':
        return {
          id,
          position,
          kind,
          branches: [{ id: 'b1', condition: `$mood == ${literal(value())}`, target: pick(ids) }],
          else: pick(ids),
        };
      case 'action': {
        const actions: DialogueAction[] = [
          { type: 'setVariable', variable: 'mood', operator: '=', value: value() },
          { type: 'setVariable', variable: 'gold', operator: '+=', value: 5 },
          { type: 'command', name: 'play_sound', args: [text(2), 3, true] },
          { type: 'startQuest', questId: text(1) || 'q' },
          { type: 'advanceQuest', questId: 'q1', stage: 2 },
          { type: 'completeObjective', questId: 'q1', objectiveId: text(1) || 'o' },
          { type: 'completeQuest', questId: 'q1' },
          { type: 'giveItem', itemId: text(1) || 'i', count: 2 },
        ];
        return { id, position, kind, actions, ...(next ? { next } : {}) };
      }
      case 'jump':
        return random() < 0.5
          ? { id, position, kind, nodeId: pick(ids) }
          : { id, position, kind, dialogueId: text(1) || 'other', nodeId: text(1) || 'n' };
      case 'end':
        return { id, position, kind, ...(random() < 0.7 ? { outcome: value().slice(0, 128) } : {}) };
    }
  };
  return {
    schemaVersion: 2,
    id: `hostile-${seed}`,
    name: text(2),
    variables: [
      { name: 'mood', type: 'string', default: value().slice(0, 1000) },
      { name: 'gold', type: 'number', default: 0 },
    ],
    startNodeId: ids[0],
    nodes: Object.fromEntries(ids.map((id, i) => [id, node(id, i)])),
  };
}
