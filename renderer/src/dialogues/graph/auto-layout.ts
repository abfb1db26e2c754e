import { nodeOutputs, type Dialogue } from '../../../../main/domain/dialogue';
import type { Point } from './graph-commands';

export interface Size {
  width: number;
  height: number;
}

const FALLBACK: Size = { width: 260, height: 120 };

/**
 * Positions for every node, laid out left to right by dagre along the links. dagre is
 * imported here, on first use, so it is not part of the editor's opening download.
 */
export async function layoutDialogue(dialogue: Dialogue, sizeOf: (id: string) => Size | undefined): Promise<Record<string, Point>> {
  const { graphlib, layout } = await import('@dagrejs/dagre');
  const graph = new graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 36, ranksep: 90, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of Object.values(dialogue.nodes)) graph.setNode(node.id, { ...(sizeOf(node.id) ?? FALLBACK) });
  for (const node of Object.values(dialogue.nodes)) {
    for (const { target } of nodeOutputs(node)) if (target && dialogue.nodes[target]) graph.setEdge(node.id, target);
  }
  layout(graph);
  const positions: Record<string, Point> = {};
  for (const id of graph.nodes()) {
    const { x, y, width, height } = graph.node(id);
    // dagre gives centres; xyflow places nodes by their top-left corner.
    positions[id] = { x: Math.round(x - width / 2), y: Math.round(y - height / 2) };
  }
  return positions;
}
