import type { DialogueProblem } from './dialogue-problem';
import type { Dialogue, DialogueNode } from './dialogue-schema';
import { isLocalTarget, nodeOutputs } from './node-outputs';

/** Compressed adjacency lists (CSR): the targets of node i are `targets[offsets[i]..offsets[i+1])`. */
interface Adjacency {
  offsets: Int32Array;
  targets: Int32Array;
}

/** Marks every node reachable from `seeds` by an explicit queue, so 10,000-node chains cannot overflow the stack. */
function sweep(graph: Adjacency, seeds: Iterable<number>, count: number): Uint8Array {
  const seen = new Uint8Array(count);
  const queue = new Int32Array(count);
  let tail = 0;
  for (const seed of seeds) {
    if (!seen[seed]) {
      seen[seed] = 1;
      queue[tail++] = seed;
    }
  }
  for (let head = 0; head < tail; head++) {
    const node = queue[head];
    for (let e = graph.offsets[node]; e < graph.offsets[node + 1]; e++) {
      const next = graph.targets[e];
      if (!seen[next]) {
        seen[next] = 1;
        queue[tail++] = next;
      }
    }
  }
  return seen;
}

function reverse(graph: Adjacency, count: number): Adjacency {
  const offsets = new Int32Array(count + 1);
  for (const target of graph.targets) offsets[target + 1]++;
  for (let i = 0; i < count; i++) offsets[i + 1] += offsets[i];
  const fill = offsets.slice(0, count);
  const targets = new Int32Array(graph.targets.length);
  for (let node = 0; node < count; node++) {
    for (let e = graph.offsets[node]; e < graph.offsets[node + 1]; e++) targets[fill[graph.targets[e]]++] = node;
  }
  return { offsets, targets };
}

/** A node that can end the conversation or leave this graph by itself: an end, a return, a jump or detour elsewhere. */
function leavesGraph(node: DialogueNode): boolean {
  switch (node.kind) {
    case 'end':
    case 'return':
      return true;
    case 'jump':
      return !isLocalTarget(node);
    default:
      return false;
  }
}

/**
 * The rules about connections, all linear in nodes plus edges: the start exists, every
 * output names an existing node, every node can be reached from the start, and from every
 * reachable node some way out exists. A way out is an End, a return, a jump to another
 * dialogue or to the node an expression names, or an output left unconnected (reported on
 * its own, since the runtime ends there), so `no_path_to_end` means exactly "trapped in a
 * loop". A choice's `else` may stay unconnected without a warning. Where a jump or detour
 * names its target by an expression, every section counts as reachable, since sections are
 * what such jumps name.
 */
export function checkGraph(dialogue: Dialogue, report: (problem: DialogueProblem) => void): void {
  const ids = Object.keys(dialogue.nodes);
  const count = ids.length;
  const index = new Map<string, number>();
  for (let i = 0; i < count; i++) index.set(ids[i], i);

  const offsets = new Int32Array(count + 1);
  const edges: number[] = [];
  const exits: number[] = [];
  const sections: number[] = [];
  let computedTargets = false;
  for (let i = 0; i < count; i++) {
    const id = ids[i];
    const node = dialogue.nodes[id];
    let exit = leavesGraph(node);
    if (node.kind === 'section') sections.push(i);
    else if ((node.kind === 'jump' || node.kind === 'detour') && node.expression !== undefined) computedTargets = true;
    for (const output of nodeOutputs(node)) {
      const target = output.target === undefined ? undefined : index.get(output.target);
      if (output.target === undefined) {
        if (output.optional) continue;
        exit = true;
        report({
          severity: 'warning',
          code: 'missing_target',
          message: `${output.label} is not connected; the conversation ends there (in a detour, it returns)`,
          nodeId: id,
          field: output.field,
        });
      } else if (target === undefined) {
        exit = true;
        report({
          severity: 'error',
          code: 'dangling_target',
          message: `${output.label} leads to node "${output.target}", which does not exist`,
          nodeId: id,
          field: output.field,
        });
      } else edges.push(target);
    }
    if (exit) exits.push(i);
    offsets[i + 1] = edges.length;
  }
  const graph: Adjacency = { offsets, targets: Int32Array.from(edges) };

  const start = index.get(dialogue.startNodeId);
  if (start === undefined) {
    report({
      severity: 'error',
      code: 'missing_start',
      message: dialogue.startNodeId ? `Start node "${dialogue.startNodeId}" does not exist` : 'Dialogue has no start node',
      field: 'startNodeId',
    });
  }
  const reachable = start === undefined ? undefined : sweep(graph, computedTargets ? [start, ...sections] : [start], count);
  const canExit = sweep(reverse(graph, count), exits, count);
  for (let i = 0; i < count; i++) {
    if (reachable && !reachable[i]) {
      report({ severity: 'warning', code: 'unreachable_node', message: 'No path from the start reaches this node', nodeId: ids[i] });
    } else if (!canExit[i]) {
      report({
        severity: 'error',
        code: 'no_path_to_end',
        message: 'The conversation can never end from here: every path loops back',
        nodeId: ids[i],
      });
    }
  }
}
