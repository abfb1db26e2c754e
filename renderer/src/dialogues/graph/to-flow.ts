import type { Edge, Node } from '@xyflow/react';
import { nodeOutputs, type Dialogue, type DialogueNode } from '../../../../main/domain/dialogue';

type Size = { width: number; height: number };

export type FlowNodeData = { node: DialogueNode; isStart: boolean };
export type FlowNode = Node<FlowNodeData, DialogueNode['kind']>;

/** Nodes are 248 px wide; most lines are about this tall. */
const INITIAL_SIZE: Size = { width: 248, height: 120 };

/** The handle every node takes links on. */
export const INPUT_HANDLE = 'in';

/**
 * Maps the dialogue onto xyflow's nodes and edges. Results are cached per dialogue node
 * object: an edit replaces only the nodes it touches, so on a 1,000-node graph one edit
 * hands xyflow 999 identical objects and their memoized components do not re-render.
 */
export function createFlowMapper() {
  const nodeCache = new WeakMap<DialogueNode, { selected: boolean; isStart: boolean; size: Size | undefined; flow: FlowNode }>();
  const edgeCache = new WeakMap<DialogueNode, { edges: Edge[]; nodes: Dialogue['nodes'] }>();

  const toNode = (node: DialogueNode, selected: boolean, isStart: boolean, size: Size | undefined): FlowNode => {
    const cached = nodeCache.get(node);
    if (cached && cached.selected === selected && cached.isStart === isStart && cached.size === size) return cached.flow;
    const flow: FlowNode = {
      id: node.id,
      type: node.kind,
      position: node.position,
      data: { node, isStart },
      selected,
      measured: size,
      // A size before measuring lets xyflow skip drawing off-screen nodes on a big graph's first paint.
      initialWidth: INITIAL_SIZE.width,
      initialHeight: INITIAL_SIZE.height,
    };
    nodeCache.set(node, { selected, isStart, size, flow });
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
     * `measured` carries the sizes xyflow reported back: a replaced node object keeps its
     * size, so xyflow does not hide it for a fresh measurement on every edit.
     */
    nodes(
      dialogue: Dialogue,
      selection: ReadonlySet<string>,
      livePositions: ReadonlyMap<string, { x: number; y: number }>,
      measured: ReadonlyMap<string, Size>,
    ): FlowNode[] {
      return Object.values(dialogue.nodes).map((node) => {
        const flow = toNode(node, selection.has(node.id), node.id === dialogue.startNodeId, measured.get(node.id));
        const live = livePositions.get(node.id);
        return live ? { ...flow, position: live } : flow;
      });
    },
    edges(dialogue: Dialogue): Edge[] {
      return Object.values(dialogue.nodes).flatMap((node) => edgesOf(node, dialogue.nodes));
    },
  };
}
