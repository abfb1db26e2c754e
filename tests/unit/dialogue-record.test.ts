import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateDialogue } from '../../bench/dialogue-generator';
import { createRuntime, Dialogue, DialogueRecord, loadDialogue, newDialogue, newNode } from '../../main/domain/dialogue';
import { defineRecordType, loadRecord, RecordError } from '../../main/domain/records/versioned-record';

const identity = { id: 'd1', name: 'At the forge' };

const recordError = (run: () => unknown): RecordError => {
  try {
    run();
  } catch (error) {
    if (error instanceof RecordError) return error;
    throw error;
  }
  throw new Error('no RecordError');
};

describe('dialogue record', () => {
  it('opens a foundation-era item (notes only, no schemaVersion) as an empty dialogue', () => {
    expect(loadDialogue({ notes: 'Mirela sells blades' }, identity)).toEqual({
      schemaVersion: 2,
      id: 'd1',
      name: 'At the forge',
      notes: 'Mirela sells blades',
      variables: [],
      startNodeId: '',
      nodes: {},
    });
    expect(loadDialogue({}, identity)).toEqual(newDialogue(identity));
  });

  it('opens current dialogues unchanged, through JSON', () => {
    const big = generateDialogue(500);
    expect(loadDialogue(JSON.parse(JSON.stringify(big)), identity)).toEqual(big);
    expect(DialogueRecord.currentVersion).toBe(2);
  });

  it('opens a version-1 dialogue with its texts escaped, so they render as they did before templates', () => {
    const v1 = {
      ...newDialogue(identity),
      schemaVersion: 1,
      variables: [{ name: 'x', type: 'bool', default: true }],
      startNodeId: 'a',
      nodes: {
        a: { ...newNode('line', 'a'), speaker: 'M', text: 'Costs {5} [gold] \\ each', condition: '$x', next: 'b' },
        b: { ...newNode('choice', 'b'), options: [{ id: 'o', text: '[Leave] {now}', condition: '$gold > {', target: 'c' }] },
        c: { ...newNode('aiLine', 'c'), speaker: 'M', instruction: 'Say {bye}', fallbackText: 'Bye {then}', next: 'd' },
        d: { ...newNode('action', 'd'), actions: [{ type: 'command', name: 'say', args: ['{x}'] }] },
      },
    };
    const loaded = loadDialogue(JSON.parse(JSON.stringify(v1)), identity);
    expect(loaded.schemaVersion).toBe(2);
    expect(loaded.nodes.a).toMatchObject({ text: 'Costs \\{5\\} \\[gold\\] \\\\ each', condition: '$x' });
    expect(loaded.nodes.b).toMatchObject({ options: [{ text: '\\[Leave\\] \\{now\\}', condition: '$gold > {' }] });
    expect(loaded.nodes.c).toMatchObject({ instruction: 'Say {bye}', fallbackText: 'Bye \\{then\\}' });
    expect(loaded.nodes.d).toEqual(v1.nodes.d);
    const runtime = createRuntime(loaded, { seed: 1 });
    expect(runtime.step).toMatchObject({ type: 'line', text: 'Costs {5} [gold] \\ each' });
  });

  it('refuses a dialogue from a newer studio with a clear message', () => {
    const error = recordError(() => loadDialogue({ ...newDialogue(identity), schemaVersion: 7 }, identity));
    expect(error.code).toBe('record_too_new');
    expect(error.message).toContain('saved by a newer version of Loreweaver (format 7; this version reads up to 2)');
  });

  it('refuses invalid records, naming the field', () => {
    expect(recordError(() => loadDialogue('nope', identity)).code).toBe('record_invalid');
    expect(recordError(() => loadDialogue({ schemaVersion: -1 }, identity)).message).toContain('invalid schemaVersion');
    const badNode = { ...newDialogue(identity), nodes: { a: { ...newNode('line', 'a'), next: '' } } };
    const error = recordError(() => loadDialogue(badNode, identity));
    expect(error.message).toMatch(/nodes\.a\.next: Node id must not be empty/);
    const misfiled = { ...newDialogue(identity), nodes: { a: newNode('end', 'b') } };
    expect(recordError(() => loadDialogue(misfiled, identity)).message).toContain('Node stored under "a" has id "b"');
  });

  it('parses every node kind and action type', () => {
    const d = {
      ...newDialogue(identity, 'npc-1'),
      startNodeId: 'a',
      variables: [
        { name: 'gold', type: 'number', default: 1 },
        { name: 'met', type: 'bool', default: false, description: 'Met the king' },
        { name: 'mood', type: 'string', default: 'calm' },
      ],
      nodes: {
        a: { ...newNode('line', 'a', { x: 10, y: -5 }), speaker: 'M', text: 'Hi', emotion: 'happy', next: 'b' },
        b: { ...newNode('choice', 'b'), options: [{ id: 'o', text: 'Go', condition: '$gold > 0', target: 'c' }] },
        c: { ...newNode('branch', 'c'), branches: [{ id: 'x', condition: '$met', target: 'd' }], else: 'd' },
        d: {
          ...newNode('action', 'd'),
          actions: [
            { type: 'setVariable', variable: 'mood', operator: '=', value: 'glad' },
            { type: 'startQuest', questId: 'q' },
            { type: 'advanceQuest', questId: 'q', stage: 3 },
            { type: 'completeObjective', questId: 'q', objectiveId: 'o' },
            { type: 'completeQuest', questId: 'q' },
            { type: 'giveItem', itemId: 'coin', count: 5 },
            { type: 'command', name: 'shop.open', args: ['weapons', 2, true] },
          ],
          next: 'e',
        },
        e: { ...newNode('aiLine', 'e'), speaker: 'M', instruction: 'Say bye', fallbackText: 'Bye', next: 'f' },
        f: { ...newNode('jump', 'f'), dialogueId: 'other' },
        g: { ...newNode('end', 'g'), outcome: 'done' },
      },
    };
    expect(Dialogue.parse(d)).toEqual(d);
    const wrongDefault = { ...d, variables: [{ name: 'gold', type: 'number', default: 'many' }] };
    expect(Dialogue.safeParse(wrongDefault).success).toBe(false);
    expect(Dialogue.safeParse({ ...d, variables: [{ name: '1bad', type: 'bool', default: true }] }).success).toBe(false);
  });
});

describe('versioned records', () => {
  const Note = z.object({ schemaVersion: z.literal(2), title: z.string(), body: z.string(), owner: z.string() });
  const NoteRecord = defineRecordType<z.infer<typeof Note>, { owner: string }>('note', Note, [
    { version: 1, description: 'text becomes body', up: ({ text, ...rest }) => ({ ...rest, body: text }) },
    { version: 2, description: 'notes get an owner', up: (record, context) => ({ ...record, owner: context.owner }) },
  ]);

  it('runs only the migrations a record still needs, in order', () => {
    const expected = { schemaVersion: 2, title: 'T', body: 'B', owner: 'ana' };
    expect(loadRecord(NoteRecord, { title: 'T', text: 'B' }, { owner: 'ana' })).toEqual(expected);
    expect(loadRecord(NoteRecord, { schemaVersion: 1, title: 'T', body: 'B' }, { owner: 'ana' })).toEqual(expected);
    expect(loadRecord(NoteRecord, { ...expected, owner: 'bo' }, { owner: 'ana' })).toEqual({ ...expected, owner: 'bo' });
  });

  it('refuses to define a sequence with a gap', () => {
    expect(() => defineRecordType('note', Note, [{ version: 2, description: 'skips one', up: (r) => r }])).toThrow(
      /numbered 2, expected 1/,
    );
  });
});
