import { describe, expect, it } from 'vitest';
import {
  newDialogue,
  newNode,
  type Dialogue,
  type DialogueNode,
  type EnumDeclaration,
  type VariableDeclaration,
} from '../../main/domain/dialogue';
import { applyPatch, invertPatch } from '../../renderer/src/dialogues/graph/dialogue-patch';
import { runCommand } from '../../renderer/src/dialogues/graph/graph-commands';
import { cloneNodes, firstFreeOutput, setOutputTarget } from '../../renderer/src/dialogues/graph/node-edits';
import { buildSaveChange } from '../../renderer/src/dialogues/graph/save-patch';
import { applyCompletion, completionsAt, type CompletionScope } from '../../renderer/src/dialogues/language/completion';
import { fieldProblem } from '../../renderer/src/dialogues/language/field-check';

const variables: VariableDeclaration[] = [
  { name: 'gold', type: 'number', default: 0 },
  { name: 'met_king', type: 'bool', default: false },
  { name: 'food', type: 'enum', enum: 'Food', default: 'Apple' },
  { name: 'rich', type: 'smart', expression: '$gold > 100' },
];
const enums: EnumDeclaration[] = [
  { name: 'Food', cases: [{ name: 'Apple' }, { name: 'Bread', value: 'bread' }] },
  {
    name: 'Mood',
    cases: [
      { name: 'Angry', value: 1 },
      { name: 'Calm', value: 2 },
    ],
  },
];
const scope: CompletionScope = { variables, enums };
/** The completions offered with the caret at the end of `text`. */
const at = (text: string, mode: 'expression' | 'template' = 'expression') => completionsAt(text, text.length, scope, mode);
const labels = (text: string, mode?: 'expression' | 'template') => at(text, mode)?.items.map((i) => `${i.label}:${i.detail}`);

describe('variable and enum-case completion', () => {
  it('offers every declared variable with its type after $, narrowed by what follows', () => {
    expect(labels('$')).toEqual(['$gold:number', '$met_king:bool', '$food:Food', '$rich:smart']);
    expect(labels('$gold > 3 and $m')).toEqual(['$met_king:bool']);
    expect(at('$zzz')).toBeNull();
  });

  it('replaces the word being typed and puts the caret after the insertion', () => {
    const text = 'not $me and true';
    const list = completionsAt(text, 7, scope, 'expression')!;
    expect(list).toMatchObject({ from: 4, to: 7 });
    expect(applyCompletion(text, list, list.items[0])).toEqual({ text: 'not $met_king and true', caret: 13 });
  });

  it('offers the cases of the named enum after Enum., and every case after a lone dot', () => {
    expect(labels('$food == Food.')).toEqual(['Food.Apple:Food', 'Food.Bread:Food = "bread"']);
    expect(labels('$food == Food.B')).toEqual(['Food.Bread:Food = "bread"']);
    expect(labels('$food == .')).toEqual(['Food.Apple:Food', 'Food.Bread:Food = "bread"', 'Mood.Angry:Mood = 1', 'Mood.Calm:Mood = 2']);
    const short = at('$food == .A')!;
    expect(applyCompletion('$food == .A', short, short.items[0]).text).toBe('$food == .Apple');
  });

  it('offers nothing after decimals or unknown enums', () => {
    expect(at('$gold > 1.')).toBeNull();
    expect(at('Drink.')).toBeNull();
  });

  it('in text, completes only inside an unescaped {…}', () => {
    expect(at('You have $', 'template')).toBeNull();
    expect(labels('You have {$g', 'template')).toEqual(['$gold:number']);
    expect(at('You have {$gold} and $', 'template')).toBeNull();
    expect(at('A brace \\{$', 'template')).toBeNull();
  });
});

describe('live checks of language fields', () => {
  const dialogue = { variables, enums };
  it('names the problem of a condition as it is typed, and nothing once it is sound', () => {
    expect(fieldProblem('condition', '$gold >= ', dialogue)).toMatch(/xpected/);
    expect(fieldProblem('condition', '$gold', dialogue)).toMatch(/true or false/);
    expect(fieldProblem('condition', '$silver > 1', dialogue)).toMatch(/\$silver is not declared/);
    expect(fieldProblem('condition', '$gold >= 10 and not $met_king', dialogue)).toBeUndefined();
  });

  it('checks expressions for syntax and types without requiring a bool', () => {
    expect(fieldProblem('expression', '$gold', dialogue)).toBeUndefined();
    expect(fieldProblem('expression', '$gold >', dialogue)).toBeDefined();
    expect(fieldProblem('expression', 'not $gold', dialogue)).toMatch(/bool/);
    expect(fieldProblem('expression', '$gold * "2"', dialogue)).toMatch(/number/);
  });

  it('checks an expression against the type its place needs, resolving a lone .Case from it', () => {
    expect(fieldProblem('expression', '$gold', dialogue, 'string')).toMatch(/needs to be a string/);
    expect(fieldProblem('expression', '.Bread', dialogue, 'enum:Food')).toBeUndefined();
    expect(fieldProblem('expression', '$rich', dialogue, 'bool')).toBeUndefined();
  });

  it('checks text: its interpolations, markup and format functions', () => {
    expect(fieldProblem('template', 'You carry {$gold} coins, [b]traveller[/b].', dialogue)).toBeUndefined();
    expect(fieldProblem('template', 'You carry {$silver}.', dialogue)).toMatch(/\$silver is not declared/);
    expect(fieldProblem('template', 'You carry {$gold', dialogue)).toBeDefined();
    expect(fieldProblem('template', '[plural value={$gold} one="a coin"/]', dialogue)).toMatch(/other/);
  });
});

/** start (group: two candidates and else) with a detour and a section to link to. */
function grouped(): Dialogue {
  const d = newDialogue({ id: 'd1', name: 'Storylets' });
  const pick: DialogueNode = {
    ...newNode('group', 'pick', { x: 0, y: 0 }),
    candidates: [{ id: 'c1', condition: '$gold > 1', once: true }, { id: 'c2' }],
  };
  const trip = newNode('detour', 'trip', { x: 0, y: 100 });
  const inn = newNode('section', 'inn', { x: 0, y: 200 });
  return { ...d, startNodeId: 'pick', nodes: { pick, trip, inn } };
}

describe('editing the new node kinds', () => {
  it('links and unlinks group candidates, the else, and a detour’s target and return', () => {
    let node = setOutputTarget(grouped().nodes.pick, 'candidates[1].target', 'inn');
    expect(node).toMatchObject({
      candidates: [
        { id: 'c1', condition: '$gold > 1', once: true },
        { id: 'c2', target: 'inn' },
      ],
    });
    node = setOutputTarget(node, 'else', 'trip');
    expect(firstFreeOutput(node)).toBe('candidates[0].target');
    expect(setOutputTarget(node, 'candidates[1].target', undefined)).toMatchObject({
      candidates: [{ id: 'c1' }, { id: 'c2' }],
      else: 'trip',
    });
    const trip = setOutputTarget(setOutputTarget(grouped().nodes.trip, 'nodeId', 'inn'), 'next', 'pick');
    expect(trip).toMatchObject({ kind: 'detour', nodeId: 'inn', next: 'pick' });
  });

  it('adds each new kind from the palette as one undoable step', () => {
    const before = grouped();
    for (const kind of ['section', 'group', 'detour', 'return'] as const) {
      const entry = runCommand(before, 'addNode', {
        kind,
        id: `new_${kind}`,
        position: { x: 1, y: 1 },
        connectFrom: { nodeId: 'inn', field: 'next' },
      })!;
      expect(entry.label).toBe(`Add ${kind}`);
      const after = applyPatch(before, entry.patch);
      expect(after.nodes[`new_${kind}`].kind).toBe(kind);
      expect(after.nodes.inn).toMatchObject({ next: `new_${kind}` });
      expect(applyPatch(after, entry.inverse)).toEqual(before);
    }
  });

  it('copies candidates with their links following the copies', () => {
    const linked = { ...grouped().nodes.pick, candidates: [{ id: 'c1', target: 'trip' }], else: 'gone' } as DialogueNode;
    const [copy, tripCopy] = cloneNodes(
      [linked, grouped().nodes.trip],
      () => false,
      { x: 10, y: 0 },
      () => false,
    );
    expect(copy).toMatchObject({ kind: 'group', candidates: [{ id: 'c1', target: tripCopy.id }] });
    expect(copy).not.toHaveProperty('else');
  });
});

describe('enums and the saliency rule in the dialogue settings', () => {
  it('are header edits that undo exactly and are saved, an emptied enum list as none', () => {
    const before = grouped();
    const entry = runCommand(before, 'setHeader', { fields: { enums, saliency: 'first' } })!;
    const after = applyPatch(before, entry.patch);
    expect(after).toMatchObject({ enums, saliency: 'first' });
    expect(applyPatch(after, invertPatch(before, entry.patch))).toStrictEqual(before);
    expect(buildSaveChange(before, after, 'd1', 3)?.change).toMatchObject({ enums, saliency: 'first' });
    const cleared = applyPatch(after, { header: { enums: [] } });
    expect(cleared).not.toHaveProperty('enums');
    expect(buildSaveChange(after, cleared, 'd1', 4)?.change).toEqual({ id: 'd1', baseRevision: 4, enums: [] });
  });
});
