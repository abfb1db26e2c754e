import { Position, type Edge, type Node } from '@xyflow/react';
import type { QuestSummary } from '../../../../preload/contract/quests';

export interface MapNodeData extends Record<string, unknown> {
  label: string;
  kind: 'npc' | 'quest';
  /** A quest's level and difficulty; an NPC's number of quests. */
  detail: string;
  difficulty?: QuestSummary['difficulty'];
}
export type MapNode = Node<MapNodeData, 'npc' | 'quest'>;

/** A card: three lines of title (longer ones end in an ellipsis, the whole title in its tooltip) over one of detail. */
export const CARD_SIZE = { width: 240, height: 96 };
export const COLUMN_WIDTH = CARD_SIZE.width + 60;
export const ROW_HEIGHT = CARD_SIZE.height + 20;
/**
 * Every card's size and handles before xyflow measures it. xyflow draws every node whose
 * handles it has not measured yet, visible or not, so without them a 2,000-quest map would
 * mount every card once (seconds of work) before trimming to the few in view. The handles
 * sit where MapCard's default 6 px handles do: mid-height on the left and right edges.
 */
const CARD = {
  initialWidth: CARD_SIZE.width,
  initialHeight: CARD_SIZE.height,
  measured: { ...CARD_SIZE },
  handles: [
    { type: 'target', position: Position.Left, x: -3, y: CARD_SIZE.height / 2 - 3, width: 6, height: 6 },
    { type: 'source', position: Position.Right, x: CARD_SIZE.width - 3, y: CARD_SIZE.height / 2 - 3, width: 6, height: 6 },
  ],
} as const satisfies Partial<MapNode>;

/**
 * The project's quest map as columns: quest givers first, then quests by how deep they sit in
 * the chains of prerequisites and unlocks (a quest is one column right of everything it
 * needs or is unlocked by). Linear in quests and links, with no graph layout library, so a
 * 2,000-quest project lays out instantly; quests in a prerequisite cycle go one column past
 * the rest, where validation also points at them. Without `giverEdges` (large maps, where
 * thousands of long giver lines would hide everything else and cost the drawing) each quest
 * card names its giver instead.
 */
export function layoutQuestMap(
  quests: readonly QuestSummary[],
  npcNames: ReadonlyMap<string, string>,
  { giverEdges }: { giverEdges: boolean },
): { nodes: MapNode[]; edges: Edge[] } {
  const byId = new Map(quests.map((q) => [q.id, q]));
  const before = new Map<string, string[]>(quests.map((q) => [q.id, []]));
  const edges: Edge[] = [];
  for (const quest of quests) {
    for (const required of quest.prerequisiteIds) {
      if (!byId.has(required)) continue;
      before.get(quest.id)!.push(required);
      edges.push({ id: `req:${required}:${quest.id}`, source: required, target: quest.id });
    }
    for (const unlocked of quest.unlockIds) {
      if (!byId.has(unlocked)) continue;
      before.get(unlocked)!.push(quest.id);
      edges.push({
        id: `unl:${quest.id}:${unlocked}`,
        source: quest.id,
        target: unlocked,
        style: { strokeDasharray: '6 4' },
      });
    }
  }

  // Kahn's algorithm over "must come before"; what is left over sits in a cycle.
  const after = new Map<string, string[]>(quests.map((q) => [q.id, []]));
  const waiting = new Map<string, number>();
  for (const [id, earlier] of before) {
    waiting.set(id, earlier.length);
    for (const e of earlier) after.get(e)!.push(id);
  }
  const depth = new Map<string, number>();
  const queue = quests.filter((q) => waiting.get(q.id) === 0).map((q) => q.id);
  for (const id of queue) depth.set(id, 1);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    for (const next of after.get(id)!) {
      depth.set(next, Math.max(depth.get(next) ?? 1, depth.get(id)! + 1));
      const left = waiting.get(next)! - 1;
      waiting.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  const deepest = Math.max(1, ...depth.values());
  for (const quest of quests) if (!depth.has(quest.id)) depth.set(quest.id, deepest + 1);

  const givers = [...new Set(quests.flatMap((q) => (q.giverNpcId && npcNames.has(q.giverNpcId) ? [q.giverNpcId] : [])))].sort((a, b) =>
    npcNames.get(a)!.localeCompare(npcNames.get(b)!),
  );
  const giverRank = new Map(givers.map((id, i) => [id, i]));
  const columns = new Map<number, QuestSummary[]>();
  for (const quest of quests) {
    const column = depth.get(quest.id)!;
    if (!columns.has(column)) columns.set(column, []);
    columns.get(column)!.push(quest);
  }
  const nodes: MapNode[] = [];
  const givenCount = new Map<string, number>();
  for (const [column, list] of columns) {
    list.sort(
      (a, b) => (giverRank.get(a.giverNpcId ?? '') ?? 1e9) - (giverRank.get(b.giverNpcId ?? '') ?? 1e9) || a.title.localeCompare(b.title),
    );
    list.forEach((quest, row) => {
      const giver = quest.giverNpcId ? npcNames.get(quest.giverNpcId) : undefined;
      nodes.push({
        id: quest.id,
        type: 'quest',
        position: { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT },
        ...CARD,
        data: {
          label: quest.title,
          kind: 'quest',
          detail: `Lv ${quest.level} · ${quest.difficulty}${!giverEdges && giver ? ` · from ${giver}` : ''}`,
          difficulty: quest.difficulty,
        },
      });
      if (quest.giverNpcId && giverRank.has(quest.giverNpcId))
        givenCount.set(quest.giverNpcId, (givenCount.get(quest.giverNpcId) ?? 0) + 1);
      if (giverEdges && quest.giverNpcId && giverRank.has(quest.giverNpcId)) {
        edges.push({
          id: `gives:${quest.giverNpcId}:${quest.id}`,
          source: `npc:${quest.giverNpcId}`,
          target: quest.id,
          className: 'gives',
        });
      }
    });
  }
  givers.forEach((id, row) => {
    const count = givenCount.get(id) ?? 0;
    nodes.push({
      id: `npc:${id}`,
      type: 'npc',
      position: { x: 0, y: row * ROW_HEIGHT },
      ...CARD,
      data: { label: npcNames.get(id)!, kind: 'npc', detail: `gives ${count} quest${count === 1 ? '' : 's'}` },
    });
  });
  return { nodes, edges };
}
