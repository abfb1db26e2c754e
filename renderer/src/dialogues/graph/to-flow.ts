import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { nodeOutputs, type Dialogue, type DialogueNode } from '../../../../main/domain/dialogue';

type Size = { width: number; height: number };

export type FlowNodeData = { node: DialogueNode; isStart: boolean };
export type FlowNode = Node<FlowNodeData, string>;

/** The node's type on the canvas: its kind, except that xyflow styles its own `group` type as a frame, so groups take another name. */
export const flowType = (kind: DialogueNode['kind']): string => (kind === 'group' ? 'candidate-group' : kind);

/** Nodes are 248 px wide; most lines are about this tall. */
const INITIAL_SIZE: Size = { width: 248, height: 120 };

/** The handle every node takes links on. */
export const INPUT_HANDLE = 'in';

/** Above this many nodes a dialogue opens at its start rather than fitted whole, where nothing would be legible. */
export const FIT_ALL_LIMIT = 150;

/** Handles are 11 px squares centred on the card's edge (nodes.module.css); output rows are at least 30 px tall. */
const HANDLE = 11;
const OUTPUT_ROW = 30;

/**
 * Where a node's handles sit before xyflow has measured it: the input 17 px down the left
 * edge, the outputs stacked at the bottom of the right edge. xyflow draws every node whose
 * handles it has not measured, in view or not, so without these a 1,000-node graph mounts
 * every card on its first paint; with them only the cards in view are drawn, and each is
 * measured (replacing the estimate) when it is. Only big dialogues that open at their start
 * node get them, and never that node: the opening view fits the nodes xyflow has measured,
 * which must include the start node (big dialogues) or every node (the rest).
 */
function estimatedHandles(node: DialogueNode): NodeHandle[] {
  const outputs = nodeOutputs(node);
  const half = HANDLE / 2;
  return [
    { id: INPUT_HANDLE, type: 'target', position: Position.Left, x: -half, y: 17 - half, width: HANDLE, height: HANDLE },
    ...outputs.map((output, i): NodeHandle => ({
      id: output.field,
      type: 'source',
      position: Position.Right,
      x: INITIAL_SIZE.width - 1 - half,
      y: INITIAL_SIZE.height - (outputs.length - i) * OUTPUT_ROW + OUTPUT_ROW / 2 - half,
      width: HANDLE,
      height: HANDLE,
    })),
  ];
}

/**
 * Maps the dialogue onto xyflow's nodes and edges. Results are cached per dialogue node
 * object: an edit replaces only the nodes it touches, so on a 1,000-node graph one edit
 * hands xyflow 999 identical objects and their memoized components do not re-render.
 */
export function createFlowMapper() {
  const nodeCache = new WeakMap<
    DialogueNode,
    { selected: boolean; isStart: boolean; size: Size | undefined; estimate: boolean; flow: FlowNode }
  >();
  const edgeCache = new WeakMap<DialogueNode, { edges: Edge[]; nodes: Dialogue['nodes'] }>();
  const sizes = new Map<string, Size>();
  let lastEdges: Edge[] = [];

  const toNode = (node: DialogueNode, selected: boolean, isStart: boolean, size: Size | undefined, estimate: boolean): FlowNode => {
    const cached = nodeCache.get(node);
    if (cached && cached.selected === selected && cached.isStart === isStart && cached.size === size && cached.estimate === estimate)
      return cached.flow;
    const flow: FlowNode = {
      id: node.id,
      type: flowType(node.kind),
      position: node.position,
      data: { node, isStart },
      selected,
      measured: size,
      // A size before measuring lets xyflow skip drawing off-screen nodes on a big graph's first paint.
      initialWidth: INITIAL_SIZE.width,
      initialHeight: INITIAL_SIZE.height,
      // Only until it is measured: a measured node keeps the handle positions xyflow read from the page.
      ...(estimate && !isStart && !size ? { handles: estimatedHandles(node) } : {}),
    };
    nodeCache.set(node, { selected, isStart, size, estimate, flow });
    return flow;
  };

  const edgesOf = (node: DialogueNode, nodes: Dialogue['nodes']): Edge[] => {
    const cached = edgeCache.get(node);
    // Edges depend on which targets exist, so a cached list is reused only for the same node map.
    if (cached && cached.nodes === nodes) return cached.edges;
    const edges: Edge[] = [];
    for (const output of nodeOutputs(node)) {
      if (output.target === undefined || !nodes[output.target]) continue;
      edges.push({
        id: `${node.id}:${output.field}`,
        source: node.id,
        sourceHandle: output.field,
        target: output.target,
        targetHandle: INPUT_HANDLE,
      });
    }
    edgeCache.set(node, { edges, nodes });
    return edges;
  };

  return {
    /**
     * Records a size xyflow measured. It is handed back with the next nodes (a replaced node
     * object keeps its size, so xyflow does not hide it for a fresh measurement on every
     * edit) but asks for no render of its own: xyflow already holds the measurement, and a
     * render per node panned into view would make it re-adopt the whole graph mid-gesture.
     */
    measured(id: string, size: Size): void {
      const old = sizes.get(id);
      if (old?.width !== size.width || old.height !== size.height) sizes.set(id, size);
    },
    nodes(dialogue: Dialogue, selection: ReadonlySet<string>, livePositions: ReadonlyMap<string, { x: number; y: number }>): FlowNode[] {
      const all = Object.values(dialogue.nodes);
      // Deleted nodes' sizes go once they outnumber the graph's (an undo measures a restored node again).
      if (sizes.size > all.length) for (const id of sizes.keys()) if (!dialogue.nodes[id]) sizes.delete(id);
      const estimate = all.length > FIT_ALL_LIMIT && dialogue.nodes[dialogue.startNodeId] !== undefined;
      return all.map((node) => {
        const flow = toNode(node, selection.has(node.id), node.id === dialogue.startNodeId, sizes.get(node.id), estimate);
        const live = livePositions.get(node.id);
        return live ? { ...flow, position: live } : flow;
      });
    },
    /** The same array while the links are the same (a move, a text edit), which spares xyflow rebuilding its connection lookup. */
    edges(dialogue: Dialogue): Edge[] {
      const next = Object.values(dialogue.nodes).flatMap((node) => edgesOf(node, dialogue.nodes));
      const same = next.length === lastEdges.length && next.every((e, i) => e.id === lastEdges[i].id && e.target === lastEdges[i].target);
      if (!same) lastEdges = next;
      return lastEdges;
    },
  };
}
