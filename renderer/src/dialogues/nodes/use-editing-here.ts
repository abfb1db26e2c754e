import { useEditor, useEditorStore } from '../editor-context';

/** Whether Enter on the canvas asked this node to open its main text for editing. */
export function useEditingHere(id: string) {
  const store = useEditorStore();
  const open = useEditor((s) => s.editing === id);
  return { open, onOpenChange: (next: boolean) => !next && store.getState().setEditing(null) };
}
