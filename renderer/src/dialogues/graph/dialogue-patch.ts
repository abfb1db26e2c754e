import type { Dialogue, DialogueNode, EnumDeclaration, Saliency, VariableDeclaration } from '../../../../main/domain/dialogue';

/** The dialogue fields outside the node graph that an edit can change. */
export interface HeaderFields {
  name?: string;
  /** null unlinks the dialogue from its NPC (the contract's spelling of "absent"). */
  npcId?: string | null;
  notes?: string;
  variables?: VariableDeclaration[];
  /** An empty list is stored as absent. */
  enums?: EnumDeclaration[];
  /** `best`, the default, is stored as absent. */
  saliency?: Saliency;
  startNodeId?: string;
}
export type HeaderKey = keyof HeaderFields;

/**
 * What one edit does, stated as end values rather than operations: the header fields it
 * sets, the nodes it adds or replaces whole, and the nodes it removes. Being absolute, a
 * patch can be applied again (redo), inverted against the state it was made on (undo),
 * composed with the next one (coalesced typing) and sent as-is to `dialogues:save`.
 */
export interface DialoguePatch {
  header?: HeaderFields;
  upsertNodes?: DialogueNode[];
  deleteNodeIds?: string[];
}

export const HEADER_KEYS: readonly HeaderKey[] = ['name', 'npcId', 'notes', 'variables', 'enums', 'saliency', 'startNodeId'];

export const isEmptyPatch = (patch: DialoguePatch): boolean =>
  !patch.upsertNodes?.length && !patch.deleteNodeIds?.length && Object.keys(patch.header ?? {}).length === 0;

/** The header value as a patch states it, so a field can be put back exactly. */
export function headerValue(dialogue: Dialogue, key: HeaderKey): HeaderFields[HeaderKey] {
  switch (key) {
    case 'npcId':
      return dialogue.npcId ?? null;
    case 'notes':
      return dialogue.notes ?? '';
    case 'enums':
      return dialogue.enums ?? [];
    case 'saliency':
      return dialogue.saliency ?? 'best';
    default:
      return dialogue[key];
  }
}

function applyHeader(dialogue: Dialogue, header: HeaderFields): Dialogue {
  const next: Dialogue = { ...dialogue };
  for (const key of HEADER_KEYS) {
    if (!(key in header)) continue;
    const value = header[key];
    if (key === 'npcId' || key === 'notes') {
      // An unlinked NPC and empty notes are stored as absent fields.
      if (value === null || value === undefined || value === '') delete next[key];
      else next[key] = value as string;
    } else if (key === 'enums') {
      if ((value as EnumDeclaration[]).length === 0) delete next.enums;
      else next.enums = value as EnumDeclaration[];
    } else if (key === 'saliency') {
      // `best` is what an absent rule means, so it is stored as absent.
      if (value === 'best') delete next.saliency;
      else next.saliency = value as Saliency;
    } else {
      (next as Record<string, unknown>)[key] = value;
    }
  }
  return next;
}

/** The dialogue after the patch; the input is not changed, and untouched nodes keep their identity. */
export function applyPatch(dialogue: Dialogue, patch: DialoguePatch): Dialogue {
  const next = patch.header ? applyHeader(dialogue, patch.header) : { ...dialogue };
  if (patch.upsertNodes?.length || patch.deleteNodeIds?.length) {
    const nodes = { ...dialogue.nodes };
    for (const id of patch.deleteNodeIds ?? []) delete nodes[id];
    for (const node of patch.upsertNodes ?? []) nodes[node.id] = node;
    next.nodes = nodes;
  }
  return next;
}

/** The patch that takes the patched dialogue back to `before`. */
export function invertPatch(before: Dialogue, patch: DialoguePatch): DialoguePatch {
  const inverse: DialoguePatch = {};
  if (patch.header) {
    inverse.header = {};
    for (const key of Object.keys(patch.header) as HeaderKey[]) {
      (inverse.header as Record<string, unknown>)[key] = headerValue(before, key);
    }
  }
  const restore: DialogueNode[] = [];
  const remove: string[] = [];
  for (const id of touchedNodeIds(patch)) {
    const old = before.nodes[id];
    if (old) restore.push(old);
    else remove.push(id);
  }
  if (restore.length) inverse.upsertNodes = restore;
  if (remove.length) inverse.deleteNodeIds = remove;
  return inverse;
}

/** Node ids a patch adds, replaces or removes, each once. */
export function touchedNodeIds(patch: DialoguePatch): Set<string> {
  return new Set([...(patch.deleteNodeIds ?? []), ...(patch.upsertNodes ?? []).map((n) => n.id)]);
}

/** One patch with the effect of `first` then `second`. */
export function composePatches(first: DialoguePatch, second: DialoguePatch): DialoguePatch {
  const nodes = new Map<string, DialogueNode | null>();
  for (const p of [first, second]) {
    for (const id of p.deleteNodeIds ?? []) nodes.set(id, null);
    for (const node of p.upsertNodes ?? []) nodes.set(node.id, node);
  }
  const upsertNodes = [...nodes.values()].filter((n): n is DialogueNode => n !== null);
  const deleteNodeIds = [...nodes].filter(([, n]) => n === null).map(([id]) => id);
  const header = first.header || second.header ? { ...first.header, ...second.header } : undefined;
  return {
    ...(header ? { header } : {}),
    ...(upsertNodes.length ? { upsertNodes } : {}),
    ...(deleteNodeIds.length ? { deleteNodeIds } : {}),
  };
}
