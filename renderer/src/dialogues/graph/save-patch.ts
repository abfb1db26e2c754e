import type { DialogueChange } from '../../../../preload/contract/dialogues';
import type { Dialogue, DialogueNode } from '../../../../main/domain/dialogue';
import { applyPatch, HEADER_KEYS, headerValue, type DialoguePatch, type HeaderFields, type HeaderKey } from './dialogue-patch';

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** What the editor holds back from a save: nodes and header fields the server refused, unchanged since. */
export interface HeldBack {
  nodeIds: ReadonlySet<string>;
  header: ReadonlySet<HeaderKey>;
}

export const nothingHeld = (): HeldBack => ({ nodeIds: new Set(), header: new Set() });

/**
 * The `dialogues:save` input that takes the stored dialogue (`saved`) to `current`, and the
 * dialogue the backend holds once it is stored. Commands replace only the nodes they touch,
 * so a node is compared by reference first and sent only if it really differs; a field only
 * if its value differs. What `held` names is left out (and stays as stored), so one refused
 * node does not stop the rest from saving. Null when nothing is owed.
 */
export function buildSaveChange(
  saved: Dialogue,
  current: Dialogue,
  id: string,
  baseRevision: number,
  held: HeldBack = nothingHeld(),
): { change: DialogueChange; stored: Dialogue } | null {
  const upsertNodes: DialogueNode[] = [];
  const deleteNodeIds: string[] = [];
  let partial = false;
  for (const [nodeId, node] of Object.entries(current.nodes)) {
    const before = saved.nodes[nodeId];
    if (node === before || same(node, before)) continue;
    if (held.nodeIds.has(nodeId)) partial = true;
    else upsertNodes.push(node);
  }
  for (const nodeId of Object.keys(saved.nodes)) {
    if (!current.nodes[nodeId] && !held.nodeIds.has(nodeId)) deleteNodeIds.push(nodeId);
  }
  const header: HeaderFields = {};
  for (const key of HEADER_KEYS) {
    const value = headerValue(current, key);
    if (same(value, headerValue(saved, key))) continue;
    if (held.header.has(key)) partial = true;
    else (header as Record<string, unknown>)[key] = value;
  }
  const patch: DialoguePatch = { header, upsertNodes, deleteNodeIds };
  if (!upsertNodes.length && !deleteNodeIds.length && !Object.keys(header).length) return null;
  const change: DialogueChange = { id, baseRevision, ...header };
  if (upsertNodes.length) change.upsertNodes = upsertNodes;
  if (deleteNodeIds.length) change.deleteNodeIds = deleteNodeIds;
  return { change, stored: partial ? applyPatch(saved, patch) : current };
}
