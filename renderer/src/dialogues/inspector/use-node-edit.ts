import type { DialogueNode } from '../../../../main/domain/dialogue';
import { useEditorStore } from '../editor-context';

/**
 * Edits from the inspector: each call replaces the node, and keystrokes in one field of
 * one node join a single undo step (see `COALESCE_MS`).
 */
export function useNodeEdit() {
  const store = useEditorStore();
  return (node: DialogueNode, field: string) => store.getState().run('updateNodes', { nodes: [node] }, { coalesce: `${node.id}:${field}` });
}

/** An id for a new option or branch, unique within its node. */
export function nextLocalId(prefix: string, taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((t) => t.id));
  for (let n = taken.length + 1; ; n++) if (!ids.has(`${prefix}${n}`)) return `${prefix}${n}`;
}
