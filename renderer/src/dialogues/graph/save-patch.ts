import type { DialogueChange } from '../../../../preload/contract/dialogues';
import type { Dialogue } from '../../../../main/domain/dialogue';
import { headerValue, type HeaderKey } from './dialogue-patch';

/** What changed since the last successful save: node ids and header fields. */
export interface PendingChanges {
  nodeIds: ReadonlySet<string>;
  header: ReadonlySet<HeaderKey>;
}

export const noChanges = (): PendingChanges => ({ nodeIds: new Set(), header: new Set() });

export const hasChanges = (pending: PendingChanges): boolean => pending.nodeIds.size > 0 || pending.header.size > 0;

export function mergeChanges(a: PendingChanges, b: PendingChanges): PendingChanges {
  return { nodeIds: new Set([...a.nodeIds, ...b.nodeIds]), header: new Set([...a.header, ...b.header]) };
}

/**
 * The `dialogues:save` input that takes the stored dialogue (`saved`) to `current`, built
 * from the ids and fields the commands since then touched: a node is sent only if it
 * changed, deleted only if the store has it, and a field only if its value differs. So a
 * node added and removed between two saves costs nothing, and undoing back to the saved
 * state sends an empty change.
 */
export function buildSaveChange(
  saved: Dialogue,
  current: Dialogue,
  pending: PendingChanges,
  id: string,
  baseRevision: number,
): DialogueChange | null {
  const change: DialogueChange = { id, baseRevision };
  const upsertNodes = [];
  const deleteNodeIds = [];
  for (const nodeId of pending.nodeIds) {
    const now = current.nodes[nodeId];
    const before = saved.nodes[nodeId];
    if (now && now !== before && JSON.stringify(now) !== JSON.stringify(before)) upsertNodes.push(now);
    else if (!now && before) deleteNodeIds.push(nodeId);
  }
  if (upsertNodes.length) change.upsertNodes = upsertNodes;
  if (deleteNodeIds.length) change.deleteNodeIds = deleteNodeIds;
  let changed = upsertNodes.length > 0 || deleteNodeIds.length > 0;
  for (const key of pending.header) {
    const value = headerValue(current, key);
    if (JSON.stringify(value) === JSON.stringify(headerValue(saved, key))) continue;
    (change as Record<string, unknown>)[key] = value;
    changed = true;
  }
  return changed ? change : null;
}
