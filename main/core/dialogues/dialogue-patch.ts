import type { Dialogue, DialogueNode } from '../../domain/dialogue';

/** What a dialogue's item row stores: everything but its id, name and nodes. */
export type DialogueHeader = Omit<Dialogue, 'id' | 'name' | 'nodes'>;

/** A change to header fields; `null` removes an optional field. */
export type HeaderPatch = Partial<Pick<DialogueHeader, 'variables' | 'startNodeId'>> & {
  npcId?: string | null;
  notes?: string | null;
  enums?: DialogueHeader['enums'] | null;
  saliency?: DialogueHeader['saliency'] | null;
};

/** One change to a dialogue; the same shape undoes it. */
export interface DialoguePatch {
  name?: string;
  header?: HeaderPatch;
  upsertNodes: DialogueNode[];
  deleteNodeIds: string[];
}

export function headerOf(dialogue: Dialogue): DialogueHeader {
  const { id: _id, name: _name, nodes: _nodes, ...header } = dialogue;
  return header;
}

export function mergeHeader(header: DialogueHeader, patch: HeaderPatch | undefined): DialogueHeader {
  const next: Record<string, unknown> = { ...header };
  for (const [key, value] of Object.entries(patch ?? {})) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next as DialogueHeader;
}

/** The patch that brings the dialogue back to how it was before `patch`. */
export function invert(patch: DialoguePatch, name: string, header: DialogueHeader, before: Map<string, DialogueNode>): DialoguePatch {
  const inverseHeader: HeaderPatch = {};
  for (const key of Object.keys(patch.header ?? {}) as (keyof HeaderPatch)[]) {
    const old = header[key as keyof DialogueHeader];
    (inverseHeader as Record<string, unknown>)[key] = old === undefined ? null : old;
  }
  const touched = [...patch.upsertNodes.map((n) => n.id), ...patch.deleteNodeIds];
  return {
    ...(patch.name !== undefined ? { name } : {}),
    header: inverseHeader,
    upsertNodes: touched.flatMap((id) => (before.has(id) ? [before.get(id)!] : [])),
    deleteNodeIds: patch.upsertNodes.filter((n) => !before.has(n.id)).map((n) => n.id),
  };
}

/** Applies a patch to a dialogue held in memory. */
export function applyPatch(dialogue: Dialogue, patch: DialoguePatch): Dialogue {
  const nodes = { ...dialogue.nodes };
  for (const id of patch.deleteNodeIds) delete nodes[id];
  for (const node of patch.upsertNodes) nodes[node.id] = node;
  const header = mergeHeader(headerOf(dialogue), patch.header);
  return { ...header, id: dialogue.id, name: patch.name ?? dialogue.name, nodes };
}
