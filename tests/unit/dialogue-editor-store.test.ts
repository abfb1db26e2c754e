import { describe, expect, it } from 'vitest';
import { newDialogue, newNode, type Dialogue } from '../../main/domain/dialogue';
import { createEditorStore } from '../../renderer/src/dialogues/graph/editor-store';
import { buildSaveChange } from '../../renderer/src/dialogues/graph/save-patch';
import { COALESCE_MS } from '../../renderer/src/dialogues/graph/undo-history';

function twoLines(): Dialogue {
  const a = { ...newNode('line', 'a', { x: 0, y: 0 }), text: 'Hi', next: 'b' };
  const b = { ...newNode('line', 'b', { x: 0, y: 100 }), text: 'Bye' };
  return { ...newDialogue({ id: 'd1', name: 'Two' }), startNodeId: 'a', nodes: { a, b } };
}

/** A store on a fake clock, so coalescing is tested without waiting. */
function editor(dialogue = twoLines()) {
  let clock = 0;
  const store = createEditorStore(dialogue, 'd1', () => clock);
  return { store, tick: (ms: number) => (clock += ms) };
}

describe('dialogue editor store', () => {
  it('makes each command one undo step and redoes it', () => {
    const { store } = editor();
    const s = store.getState();
    s.run('addNode', { kind: 'end', id: 'e', position: { x: 0, y: 200 }, connectFrom: { nodeId: 'b', field: 'next' } }, { select: ['e'] });
    s.run('moveNodes', { positions: { a: { x: 50, y: 0 } } });
    expect(store.getState().selection).toEqual(['e']);
    expect(store.getState().history.past.map((e) => e.label)).toEqual(['Add end', 'Move node']);

    s.undo();
    expect(store.getState().dialogue.nodes.a.position).toEqual({ x: 0, y: 0 });
    s.undo();
    expect(store.getState().dialogue.nodes.e).toBeUndefined();
    expect(store.getState().selection).toEqual([]);
    expect(store.getState().undo()).toBe(false);
    s.redo();
    s.redo();
    expect(store.getState().dialogue.nodes.b).toMatchObject({ next: 'e' });
    expect(store.getState().redo()).toBe(false);
  });

  it('joins keystrokes in one field into one undo step, but not across fields or pauses', () => {
    const { store, tick } = editor();
    const type = (text: string, key = 'a:text') => {
      const node = store.getState().dialogue.nodes.a;
      store.getState().run('updateNodes', { nodes: [{ ...node, text } as typeof node] }, { coalesce: key });
      tick(100);
    };
    type('H');
    type('He');
    type('Hey');
    expect(store.getState().history.past).toHaveLength(1);
    tick(COALESCE_MS);
    type('Hey!');
    type('Mira', 'a:speaker');
    expect(store.getState().history.past).toHaveLength(3);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().dialogue.nodes.a).toMatchObject({ text: 'Hey' });
    store.getState().undo();
    expect(store.getState().dialogue.nodes.a).toMatchObject({ text: 'Hi' });
  });

  it('saves only the nodes and fields that differ from the stored dialogue, holding back what was refused', () => {
    const { store } = editor();
    const saved = store.getState().dialogue;
    const s = store.getState();
    s.run('addNode', { kind: 'end', id: 'tmp', position: { x: 0, y: 0 } });
    s.run('deleteNodes', { ids: ['tmp'] });
    s.run('moveNodes', { positions: { b: { x: 9, y: 9 } } });
    s.run('setHeader', { fields: { name: 'Renamed' } });
    const current = store.getState().dialogue;
    expect(buildSaveChange(saved, current, 'd1', 3)).toEqual({
      change: { id: 'd1', baseRevision: 3, name: 'Renamed', upsertNodes: [current.nodes.b] },
      stored: current,
    });

    const held = buildSaveChange(saved, current, 'd1', 3, { nodeIds: new Set(['b']), header: new Set() })!;
    expect(held.change).toEqual({ id: 'd1', baseRevision: 3, name: 'Renamed' });
    expect(held.stored.nodes.b).toBe(saved.nodes.b);
    expect(held.stored.name).toBe('Renamed');

    s.undo();
    s.undo();
    expect(buildSaveChange(saved, store.getState().dialogue, 'd1', 3)).toBeNull();
  });

  it('groups validation problems by node and focuses nodes by selecting them', () => {
    const { store } = editor();
    store.getState().setProblems([
      { severity: 'error', code: 'empty_text', message: 'x', nodeId: 'a' },
      { severity: 'error', code: 'missing_start', message: 'y' },
    ]);
    expect(store.getState().problemsByNode.get('a')).toHaveLength(1);
    store.getState().focusNodes(['b']);
    expect(store.getState().selection).toEqual(['b']);
    expect(store.getState().focus.seq).toBe(1);
  });
});
