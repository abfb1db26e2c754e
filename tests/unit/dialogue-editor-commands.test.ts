import { describe, expect, it } from 'vitest';
import { newDialogue, newNode, type Dialogue, type DialogueNode } from '../../main/domain/dialogue';
import { applyPatch, composePatches, invertPatch } from '../../renderer/src/dialogues/graph/dialogue-patch';
import { runCommand } from '../../renderer/src/dialogues/graph/graph-commands';
import { cloneNodes, setOutputTarget } from '../../renderer/src/dialogues/graph/node-edits';

/** start (line) → ask (choice: two options) → bye (end), plus an unconnected note line. */
function sample(): Dialogue {
  const d = newDialogue({ id: 'd1', name: 'Smith' });
  const start = { ...newNode('line', 'start', { x: 0, y: 0 }), speaker: 'Mira', text: 'Hello.', next: 'ask' };
  const ask: DialogueNode = {
    ...newNode('choice', 'ask', { x: 0, y: 100 }),
    options: [
      { id: 'a', text: 'Buy', target: 'bye' },
      { id: 'b', text: 'Leave', target: 'bye' },
    ],
  };
  const bye = newNode('end', 'bye', { x: 0, y: 200 });
  return { ...d, startNodeId: 'start', nodes: { start, ask, bye } };
}

/** Runs a command and checks its inverse takes the dialogue back exactly. */
function roundTrip<K extends Parameters<typeof runCommand>[1]>(before: Dialogue, name: K, args: Parameters<typeof runCommand<K>>[2]) {
  const entry = runCommand(before, name, args);
  expect(entry).not.toBeNull();
  const after = applyPatch(before, entry!.patch);
  expect(applyPatch(after, entry!.inverse)).toEqual(before);
  expect(applyPatch(applyPatch(after, entry!.inverse), entry!.patch)).toEqual(after);
  return { entry: entry!, after };
}

describe('dialogue editor commands', () => {
  it('adds a node, links it from an output and makes it the start of an empty dialogue', () => {
    const empty = newDialogue({ id: 'd', name: 'Empty' });
    const { after: first, entry } = roundTrip(empty, 'addNode', { kind: 'line', id: 'l1', position: { x: 5, y: 6 } });
    expect(entry.label).toBe('Add line');
    expect(first.startNodeId).toBe('l1');
    const { after } = roundTrip(first, 'addNode', {
      kind: 'end',
      id: 'e1',
      position: { x: 0, y: 0 },
      connectFrom: { nodeId: 'l1', field: 'next' },
    });
    expect(after.nodes.l1).toMatchObject({ next: 'e1' });
    expect(after.startNodeId).toBe('l1');
  });

  it('deletes nodes, clears links into them and the start, and undo restores all of it', () => {
    const { after, entry } = roundTrip(sample(), 'deleteNodes', { ids: ['bye', 'start'] });
    expect(Object.keys(after.nodes)).toEqual(['ask']);
    expect(after.startNodeId).toBe('');
    const ask = after.nodes.ask;
    expect(ask.kind === 'choice' && ask.options.map((o) => o.target)).toEqual([undefined, undefined]);
    expect(entry.patch.deleteNodeIds?.sort()).toEqual(['bye', 'start']);
  });

  it('connects and disconnects outputs by field, including indexed ones', () => {
    const { after } = roundTrip(sample(), 'connect', { nodeId: 'ask', field: 'options[1].target', target: 'start' });
    const ask = after.nodes.ask;
    expect(ask.kind === 'choice' && ask.options[1].target).toBe('start');
    const { after: cut } = roundTrip(after, 'disconnect', { nodeId: 'start', field: 'next' });
    expect('next' in cut.nodes.start).toBe(false);
  });

  it('leaves no undo step for edits that change nothing', () => {
    const d = sample();
    expect(runCommand(d, 'connect', { nodeId: 'start', field: 'next', target: 'ask' })).toBeNull();
    expect(runCommand(d, 'connect', { nodeId: 'start', field: 'next', target: 'missing' })).toBeNull();
    expect(runCommand(d, 'moveNodes', { positions: { start: { x: 0, y: 0 } } })).toBeNull();
    expect(runCommand(d, 'deleteNodes', { ids: ['nope'] })).toBeNull();
    expect(runCommand(d, 'updateNodes', { nodes: [d.nodes.start] })).toBeNull();
  });

  it('moves nodes and edits header fields, restoring an absent npc and notes on undo', () => {
    roundTrip(sample(), 'moveNodes', { positions: { start: { x: 40, y: 50 }, ask: { x: 1, y: 2 } } });
    const { after } = roundTrip(sample(), 'setHeader', { fields: { npcId: 'npc_1', notes: 'n', name: 'Forge' } });
    expect(after).toMatchObject({ npcId: 'npc_1', notes: 'n', name: 'Forge' });
    const unlinked = applyPatch(after, { header: { npcId: null } });
    expect('npcId' in unlinked).toBe(false);
  });

  it('inserts cloned nodes under fresh ids with internal links remapped and new line ids', () => {
    const d = sample();
    const copies = cloneNodes(
      [d.nodes.start, d.nodes.ask],
      (id) => id in d.nodes,
      { x: 10, y: 10 },
      () => false,
    );
    const [line, choice] = copies;
    expect(line.id).not.toBe('start');
    expect(line.kind === 'line' && line.next).toBe(choice.id);
    expect(line.kind === 'line' && line.lineId).toBe(line.id);
    expect(choice.kind === 'choice' && choice.options.map((o) => o.target)).toEqual([undefined, undefined]);
    expect(line.position).toEqual({ x: 10, y: 10 });
    const { after } = roundTrip(d, 'insertNodes', { nodes: copies, label: 'Paste' });
    expect(Object.keys(after.nodes)).toHaveLength(5);
  });

  it('composes patches so the last word on a node or field wins', () => {
    const d = sample();
    const a = runCommand(d, 'moveNodes', { positions: { start: { x: 1, y: 1 } } })!;
    const mid = applyPatch(d, a.patch);
    const b = runCommand(mid, 'deleteNodes', { ids: ['start'] })!;
    const end = applyPatch(mid, b.patch);
    expect(applyPatch(d, composePatches(a.patch, b.patch))).toEqual(end);
    expect(applyPatch(end, composePatches(b.inverse, a.inverse))).toEqual(d);
    expect(invertPatch(d, {})).toEqual({});
  });

  it('sets output targets only on outputs the node has', () => {
    const end = newNode('end', 'e');
    expect(setOutputTarget(end, 'next', 'x')).toBe(end);
  });
});
