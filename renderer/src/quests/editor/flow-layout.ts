import type { Edge, Node } from '@xyflow/react';
import type { Quest } from '../../../../main/domain/quest';

export interface StageNodeData extends Record<string, unknown> {
  title: string;
  stageId: string;
  objectives: number;
  start: boolean;
  selected: boolean;
  problems: number;
}
export interface EndNodeData extends Record<string, unknown> {
  result: 'complete' | 'fail';
}
export type FlowNode = Node<StageNodeData, 'stage'> | Node<EndNodeData, 'end'>;

/** A stage card: up to three lines of title (longer ones end in an ellipsis, the whole title in its tooltip), then its badges. */
export const STAGE_SIZE = { width: 240, height: 100 };
export const END_SIZE = { width: 130, height: 40 };
export const COMPLETE_ID = '@complete';
export const FAIL_ID = '@fail';

/**
 * The quest as a flow: one node per stage, a "Completed" and a "Failed" node when some
 * outcome ends the quest, and an edge per outcome labelled with its condition. Laid out
 * left to right by dagre (imported on first use, like the dialogue editor's layout); `height`
 * is the laid-out graph's, margins included.
 */
export async function questFlow(
  quest: Quest,
  selectedStageId: string | undefined,
  problemsByStage: ReadonlyMap<string, number>,
): Promise<{ nodes: FlowNode[]; edges: Edge[]; height: number }> {
  const { graphlib, layout } = await import('@dagrejs/dagre');
  const graph = new graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 30, ranksep: 80, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  const stageIds = new Set(quest.stages.map((s) => s.id));
  const edges: Edge[] = [];
  const ends = new Set<string>();
  for (const stage of quest.stages) {
    graph.setNode(stage.id, { ...STAGE_SIZE });
    const exits = stage.outcomes.length ? stage.outcomes : [{ id: 'done', condition: '', result: 'complete' as const }];
    exits.forEach((outcome, i) => {
      const target = outcome.result === 'stage' ? outcome.stageId : outcome.result === 'complete' ? COMPLETE_ID : FAIL_ID;
      if (!target || (outcome.result === 'stage' && !stageIds.has(target))) return;
      if (outcome.result !== 'stage') ends.add(target);
      const condition = outcome.condition.trim();
      edges.push({
        id: `${stage.id}:${outcome.id}:${i}`,
        source: stage.id,
        target,
        label: condition || undefined,
        animated: outcome.result === 'fail',
        style: outcome.result === 'fail' ? { stroke: 'var(--mantine-color-red-6)' } : undefined,
      });
    });
  }
  for (const end of ends) graph.setNode(end, { ...END_SIZE });
  for (const edge of edges) graph.setEdge(edge.source, edge.target);
  layout(graph);
  const at = (id: string) => {
    const { x, y, width, height } = graph.node(id);
    return { x: Math.round(x - width / 2), y: Math.round(y - height / 2) };
  };
  const nodes: FlowNode[] = quest.stages.map((stage) => ({
    id: stage.id,
    type: 'stage',
    position: at(stage.id),
    data: {
      title: stage.title || stage.id,
      stageId: stage.id,
      objectives: stage.objectives.length,
      start: stage.id === quest.startStageId,
      selected: stage.id === selectedStageId,
      problems: problemsByStage.get(stage.id) ?? 0,
    },
  }));
  for (const end of ends)
    nodes.push({ id: end, type: 'end', position: at(end), data: { result: end === COMPLETE_ID ? 'complete' : 'fail' } });
  return { nodes, edges, height: graph.graph().height ?? 0 };
}
