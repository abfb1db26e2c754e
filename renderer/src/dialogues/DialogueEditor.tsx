import { Alert, Button, Center, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ReactFlowProvider, useReactFlow, useStoreApi } from '@xyflow/react';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StoreApi } from 'zustand';
import type { NpcSummary } from '../../../preload/contract/npcs';
import type { DialogueSummary } from '../../../preload/contract/dialogues';
import { api } from '../api/client';
import { useReveal } from '../search/reveal-store';
import { AiPreviewModal } from './ai/AiPreviewModal';
import { CanvasContextMenu } from './CanvasContextMenu';
import { useLayout } from '../shell/layout-store';
import { DialogueCanvas, READABLE_FIT, type ContextMenuRequest } from './DialogueCanvas';
import { EditorContext, useEditor } from './editor-context';
import { editorActions } from './editor-actions';
import { EditorToolbar } from './EditorToolbar';
import { createEditorStore, type EditorState } from './graph/editor-store';
import { Inspector } from './inspector/Inspector';
import { useDialogueReferences } from './references/reference-store';
import { useDialogueAutosave } from './use-dialogue-autosave';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { useLiveValidation } from './use-live-validation';
import { ValidationPanel } from './ValidationPanel';
import classes from './dialogue-editor.module.css';

interface DialogueEditorProps {
  id: string;
  npcs: readonly NpcSummary[];
  dialogues: readonly DialogueSummary[];
  /** Called after each save, so the list can show new names and counts. */
  onSaved(): void;
  /** Hands the open editor to the list, whose rename goes through the editor's undo. */
  onStore(store: StoreApi<EditorState> | null): void;
}

/** Opens one dialogue from the backend and edits it; remounted (by key) for another dialogue. */
export function DialogueEditor(props: DialogueEditorProps) {
  const [store, setStore] = useState<StoreApi<EditorState> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { id, onStore } = props;

  const load = useCallback(() => {
    api.call('dialogues:get', { id }).then(
      (doc) => setStore(createEditorStore(doc.dialogue, doc.id, doc.revision)),
      (e: Error) => setError(e.message),
    );
  }, [id]);

  useEffect(load, [load]);
  useEffect(() => {
    onStore(store);
    return () => onStore(null);
  }, [store, onStore]);
  // A search hit on one of this dialogue's nodes (opened now, or while the dialogue was already open) focuses that node.
  const revealSeq = useReveal((s) => (s.target?.kind === 'dialogue' && s.target.id === id ? s.target.seq : null));
  useEffect(() => {
    if (!store || revealSeq === null) return;
    const nodeId = useReveal.getState().take('dialogue', id)?.nodeId;
    if (nodeId && store.getState().dialogue.nodes[nodeId]) store.getState().focusNodes([nodeId]);
  }, [store, revealSeq, id]);

  if (error) {
    return (
      <Alert m="lg" color="red" icon={<IconAlertTriangle size={16} />} title="Could not open this dialogue">
        {error}
      </Alert>
    );
  }
  if (!store) {
    return (
      <Center h="100%">
        <Loader size="sm" aria-label="Opening dialogue" />
      </Center>
    );
  }
  return (
    <EditorContext.Provider value={store}>
      <ReactFlowProvider>
        <EditorLayout {...props} store={store} onReload={load} />
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}

function EditorLayout({
  store,
  npcs,
  dialogues,
  onSaved,
  onReload,
}: DialogueEditorProps & { store: StoreApi<EditorState>; onReload(): void }) {
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const root = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const [menu, setMenu] = useState<ContextMenuRequest | null>(null);
  const conflict = useEditor((s) => s.conflict);
  const inspectorCollapsed = useLayout((s) => s.inspectorCollapsed);

  const actions = useMemo(
    () =>
      editorActions(store, {
        center: () => {
          const box = flowStore.getState().domNode?.getBoundingClientRect();
          return box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
        },
        sizeOf: (nodeId) => {
          const measured = flow.getNode(nodeId)?.measured;
          return measured?.width && measured.height ? { width: measured.width, height: measured.height } : undefined;
        },
        speaker: () => npcs.find((npc) => npc.id === store.getState().dialogue.npcId)?.name ?? '',
      }),
    [store, flow, flowStore, npcs],
  );
  const handlers = useMemo(
    () => ({ fitView: () => void flow.fitView({ ...READABLE_FIT, duration: 250 }), focusSearch: () => search.current?.focus() }),
    [flow],
  );
  const dialogueIds = useMemo(() => dialogues.map((d) => d.id), [dialogues]);
  const refs = useDialogueReferences(dialogueIds);

  useEditorShortcuts(root, store, actions, handlers);
  useLiveValidation(store, refs);
  useDialogueAutosave(store, onSaved);

  return (
    <div ref={root} className={classes.editor} tabIndex={-1} aria-label="Dialogue editor">
      <EditorToolbar actions={actions} searchRef={search} fitView={handlers.fitView} />
      {conflict && (
        <Alert color="orange" radius={0} py={6} icon={<IconAlertTriangle size={16} />} title="Saved somewhere else">
          Your recent edits are not saved because this dialogue changed elsewhere.{' '}
          <Button
            size="compact-xs"
            variant="light"
            color="orange"
            onClick={() => {
              notifications.clean();
              onReload();
            }}
          >
            Reload the saved version
          </Button>
        </Alert>
      )}
      <div className={classes.body}>
        <div className={classes.canvasColumn}>
          <DialogueCanvas onContextMenu={setMenu} />
          {menu && <CanvasContextMenu request={menu} actions={actions} onClose={() => setMenu(null)} />}
          <ValidationPanel />
        </div>
        {!inspectorCollapsed && <Inspector actions={actions} npcs={npcs} dialogues={dialogues} />}
      </div>
      <AiPreviewModal />
    </div>
  );
}
