import { describe, expect, it } from 'vitest';
import { newNode, type DialogueNode } from '../../main/domain/dialogue';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

async function openStudio() {
  const studio = makeStudio(tempDir());
  const project = await callOk(studio, 'projects:create', { name: 'Talk' });
  await callOk(studio, 'projects:open', { id: project.id });
  return { studio, project };
}

const line = (id: string, text: string, next?: string): DialogueNode =>
  ({ ...newNode('line', id), text, speaker: 'Mirela', ...(next ? { next } : {}) }) as DialogueNode;

describe('dialogue storage', () => {
  it('creates a dialogue with a start line leading to an end', async () => {
    const { studio } = await openStudio();
    const created = await callOk(studio, 'dialogues:create', { name: 'Greeting' });
    expect(created.dialogue.startNodeId).toBe('start');
    expect(Object.keys(created.dialogue.nodes).sort()).toEqual(['end', 'start']);
    expect(await callOk(studio, 'dialogues:list', {})).toMatchObject([{ id: created.id, name: 'Greeting', nodeCount: 2, npcId: null }]);
  });

  it('saves only what changed and reads it back, refusing stale revisions', async () => {
    const { studio } = await openStudio();
    const { id, revision } = await callOk(studio, 'dialogues:create', { name: 'Smithy' });
    const saved = await callOk(studio, 'dialogues:save', {
      id,
      baseRevision: revision,
      upsertNodes: [line('start', 'Welcome to my forge.', 'ask'), line('ask', 'Need a blade?', 'end')],
      variables: [{ name: 'gold', type: 'number', default: 5 }],
    });
    expect(saved.revision).toBe(revision + 1);
    const loaded = await callOk(studio, 'dialogues:get', { id });
    expect(loaded.dialogue.nodes.ask).toMatchObject({ text: 'Need a blade?', next: 'end' });
    expect(loaded.dialogue.variables).toEqual([{ name: 'gold', type: 'number', default: 5 }]);

    const stale = await studio.call('dialogues:save', { id, baseRevision: revision, deleteNodeIds: ['ask'] });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await callOk(studio, 'dialogues:get', { id })).dialogue.nodes.ask).toBeDefined();
  });

  it('writes, checks, copies and restores thousands of nodes through connections of their own, searchable and refused when stale', async () => {
    const { studio } = await openStudio();
    const { id, revision } = await callOk(studio, 'dialogues:create', { name: 'Saga' });
    const nodes = Array.from({ length: 2000 }, (_, i) => line(`n${i}`, `Verse ${i} of the long saga.`, i + 1 < 2000 ? `n${i + 1}` : 'end'));
    nodes[1500] = line('n1500', 'A verse that leads nowhere.', 'nowhere');
    const change = { id, baseRevision: revision, startNodeId: 'n0', deleteNodeIds: ['start'], upsertNodes: nodes };
    const saved = await callOk(studio, 'dialogues:save', change);
    expect(saved.revision).toBe(revision + 1);
    const loaded = await callOk(studio, 'dialogues:get', { id });
    expect(Object.keys(loaded.dialogue.nodes)).toHaveLength(2001);
    expect(loaded.dialogue.nodes.n1999).toMatchObject({ text: 'Verse 1999 of the long saga.', next: 'end' });
    expect(await callOk(studio, 'search:query', { text: 'Verse 1234' })).toEqual([expect.objectContaining({ id, nodeId: 'n1234' })]);
    const problems = await callOk(studio, 'dialogues:validate', { id });
    expect(problems).toContainEqual(expect.objectContaining({ code: 'dangling_target', nodeId: 'n1500' }));
    expect(problems.filter((problem) => problem.severity === 'error')).toHaveLength(1);

    expect(await studio.call('dialogues:save', change)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const copy = await callOk(studio, 'dialogues:duplicate', { id, name: 'Saga again' });
    expect(copy).toMatchObject({ revision: 1, dialogue: { name: 'Saga again', startNodeId: 'n0' } });
    expect(Object.keys(copy.dialogue.nodes)).toHaveLength(2001);
    const restored = await callOk(studio, 'dialogues:restore', { id, revision });
    expect(Object.keys(restored.dialogue.nodes).sort()).toEqual(['end', 'start']);
  });

  it('restores an earlier revision by undoing later changes, as a new revision', async () => {
    const { studio } = await openStudio();
    const { id, revision: r1 } = await callOk(studio, 'dialogues:create', { name: 'Before' });
    const r2 = (await callOk(studio, 'dialogues:save', { id, baseRevision: r1, upsertNodes: [line('start', 'First', 'end')] })).revision;
    const r3 = (
      await callOk(studio, 'dialogues:save', {
        id,
        baseRevision: r2,
        name: 'After',
        deleteNodeIds: ['end'],
        upsertNodes: [line('x', 'New')],
        notes: 'draft',
      })
    ).revision;
    expect(r3).toBe(3);
    const restored = await callOk(studio, 'dialogues:restore', { id, revision: 1 });
    expect(restored.revision).toBe(4);
    expect(restored.dialogue.name).toBe('Before');
    expect(restored.dialogue.notes).toBeUndefined();
    expect(Object.keys(restored.dialogue.nodes).sort()).toEqual(['end', 'start']);
    expect(restored.dialogue.nodes.start).toMatchObject({ text: '' });
    expect((await callOk(studio, 'content:history', { id })).map((r) => r.op)).toEqual(['restore', 'save', 'save', 'create']);
  });

  it('finds node text through project search and names the node', async () => {
    const { studio } = await openStudio();
    const { id, revision } = await callOk(studio, 'dialogues:create', { name: 'Harbour' });
    await callOk(studio, 'dialogues:save', {
      id,
      baseRevision: revision,
      upsertNodes: [line('start', 'The lighthouse lantern was stolen!', 'end')],
    });
    expect(await callOk(studio, 'search:query', { text: 'lantern' })).toEqual([
      expect.objectContaining({ id, kind: 'dialogue', name: 'Harbour', nodeId: 'start' }),
    ]);
    await callOk(studio, 'dialogues:save', { id, baseRevision: revision + 1, upsertNodes: [line('start', 'Calm seas today.', 'end')] });
    expect(await callOk(studio, 'search:query', { text: 'lantern' })).toEqual([]);
    await callOk(studio, 'dialogues:delete', { id });
    expect(await callOk(studio, 'search:query', { text: 'seas' })).toEqual([]);
    expect(await callOk(studio, 'dialogues:list', {})).toEqual([]);
  });

  it('validates the saved graph and locates problems', async () => {
    const { studio } = await openStudio();
    const { id, revision } = await callOk(studio, 'dialogues:create', { name: 'Broken' });
    await callOk(studio, 'dialogues:save', { id, baseRevision: revision, upsertNodes: [line('start', 'Hello', 'nowhere')] });
    const problems = await callOk(studio, 'dialogues:validate', { id });
    expect(problems).toContainEqual(expect.objectContaining({ code: 'dangling_target', nodeId: 'start' }));
  });

  it('duplicates a dialogue and keeps whole-item methods away from it', async () => {
    const { studio } = await openStudio();
    const { id } = await callOk(studio, 'dialogues:create', { name: 'Original' });
    const copy = await callOk(studio, 'dialogues:duplicate', { id });
    expect(copy.dialogue.name).toBe('Original copy');
    expect(Object.keys(copy.dialogue.nodes).sort()).toEqual(['end', 'start']);
    expect(await studio.call('content:save', { id, data: {} })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await studio.call('content:restore', { id, revision: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('opens a dialogue saved as a plain notes item as an empty graph', async () => {
    const { studio } = await openStudio();
    const item = await callOk(studio, 'content:create', { kind: 'npc', name: 'Not a dialogue' });
    expect(await studio.call('dialogues:get', { id: item.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const dialogue = await callOk(studio, 'content:create', { kind: 'dialogue', name: 'Made generically' });
    expect((await callOk(studio, 'dialogues:get', { id: dialogue.id })).dialogue.startNodeId).toBe('start');
  });

  it('refuses a save that names a node twice', async () => {
    const { studio } = await openStudio();
    const { id, revision } = await callOk(studio, 'dialogues:create', { name: 'Twice' });
    const result = await studio.call('dialogues:save', { id, baseRevision: revision, upsertNodes: [line('a', 'x'), line('a', 'y')] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
