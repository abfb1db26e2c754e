import { describe, expect, it } from 'vitest';
import { newDialogue, newNode, type Dialogue, type DialogueNode } from '../../main/domain/dialogue';
import { runCommand } from '../../renderer/src/dialogues/graph/graph-commands';
import { applyPatch } from '../../renderer/src/dialogues/graph/dialogue-patch';
import { createFlowMapper } from '../../renderer/src/dialogues/graph/to-flow';

function sample(): Dialogue {
  const start = { ...newNode('line', 'start', { x: 0, y: 0 }), text: 'Hello.', next: 'ask' };
  const ask: DialogueNode = { ...newNode('choice', 'ask', { x: 0, y: 100 }), options: [{ id: 'a', text: 'Bye', target: 'bye' }] };
  return {
    ...newDialogue({ id: 'd', name: 'Smith' }),
    startNodeId: 'start',
    nodes: { start, ask, bye: newNode('end', 'bye', { x: 0, y: 200 }) },
  };
}

const run = <K extends Parameters<typeof runCommand>[1]>(d: Dialogue, name: K, args: Parameters<typeof runCommand<K>>[2]) =>
  applyPatch(d, runCommand(d, name, args)!.patch);

describe('dialogue flow mapper', () => {
  it('draws group candidates, the else and a detour as edges, and names the group type apart from xyflow’s own', () => {
    const before = sample();
    const pick: DialogueNode = { ...newNode('group', 'pick', { x: 0, y: 300 }), candidates: [{ id: 'c1', target: 'trip' }], else: 'bye' };
    const trip: DialogueNode = { ...newNode('detour', 'trip', { x: 0, y: 400 }), nodeId: 'start', next: 'bye' };
    const dialogue = { ...before, nodes: { ...before.nodes, pick, trip } };
    const mapper = createFlowMapper();
    expect(mapper.nodes(dialogue, new Set(), new Map()).map((n) => n.type)).toEqual(['line', 'choice', 'end', 'candidate-group', 'detour']);
    expect(mapper.edges(dialogue).map((e) => `${e.id}>${e.target}`)).toEqual([
      'start:next>ask',
      'ask:options[0].target>bye',
      'pick:candidates[0].target>trip',
      'pick:else>bye',
      'trip:nodeId>start',
      'trip:next>bye',
    ]);
  });

  it('hands xyflow the same edge array while the links stay the same, and a new one when they change', () => {
    const mapper = createFlowMapper();
    const before = sample();
    const edges = mapper.edges(before);
    expect(edges.map((e) => `${e.id}>${e.target}`)).toEqual(['start:next>ask', 'ask:options[0].target>bye']);
    const moved = run(before, 'moveNodes', { positions: { ask: { x: 40, y: 120 } } });
    expect(mapper.edges(moved)).toBe(edges);
    const edited = run(moved, 'updateNodes', { nodes: [{ ...(moved.nodes.start as DialogueNode & { kind: 'line' }), text: 'Hi.' }] });
    expect(mapper.edges(edited)).toBe(edges);
    const relinked = run(edited, 'connect', { nodeId: 'start', field: 'next', target: 'bye' });
    const after = mapper.edges(relinked);
    expect(after).not.toBe(edges);
    expect(after.map((e) => `${e.id}>${e.target}`)).toEqual(['start:next>bye', 'ask:options[0].target>bye']);
  });

  it('gives a replaced node the size xyflow measured, and reuses untouched node objects', () => {
    const mapper = createFlowMapper();
    const before = sample();
    const first = mapper.nodes(before, new Set(), new Map());
    expect(first.every((n) => n.measured === undefined)).toBe(true);
    mapper.measured('ask', { width: 248, height: 96 });
    const moved = run(before, 'moveNodes', { positions: { ask: { x: 40, y: 120 } } });
    const second = mapper.nodes(moved, new Set(['bye']), new Map());
    const byId = Object.fromEntries(second.map((n) => [n.id, n]));
    expect(byId.ask.measured).toEqual({ width: 248, height: 96 });
    expect(byId.ask.position).toEqual({ x: 40, y: 120 });
    expect(byId.start).toBe(first.find((n) => n.id === 'start'));
    expect(byId.bye.selected).toBe(true);
    const dragging = mapper.nodes(moved, new Set(['bye']), new Map([['start', { x: 9, y: 9 }]]));
    expect(dragging.find((n) => n.id === 'start')?.position).toEqual({ x: 9, y: 9 });
  });

  it('forgets the sizes of deleted nodes', () => {
    const mapper = createFlowMapper();
    const before = sample();
    for (const id of ['start', 'ask', 'bye']) mapper.measured(id, { width: 248, height: 90 });
    mapper.nodes(run(before, 'deleteNodes', { ids: ['bye'] }), new Set(), new Map());
    // The dialogue as it was, as an undo brings it back: the deleted node is measured afresh.
    const restored = Object.fromEntries(mapper.nodes(before, new Set(), new Map()).map((n) => [n.id, n.measured]));
    expect(restored).toEqual({ start: { width: 248, height: 90 }, ask: { width: 248, height: 90 }, bye: undefined });
  });
});
