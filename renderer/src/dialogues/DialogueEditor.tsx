import { Alert, Center, Loader } from '@mantine/core';
import { ReactFlowProvider, useReactFlow, useStoreApi } from '@xyflow/react';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { Dialogue } from '../../../main/domain/dialogue';
import type { DialogueChange, DialogueSummary } from '../../../preload/contract/dialogues';
import type { NpcSummary } from '../../../preload/contract/npcs';
import type { DocumentSession } from '../documents/document-session';
import { SaveFailureAlert } from '../documents/SaveFailureAlert';
import { useDocumentSession } from '../documents/use-document-session';
import { useReveal } from '../search/reveal-store';
import { useLayout } from '../shell/layout-store';
import { AiPreviewModal } from './ai/AiPreviewModal';
import { CanvasContextMenu } from './CanvasContextMenu';
import { DialogueCanvas, READABLE_FIT, type ContextMenuRequest } from './DialogueCanvas';
import { EditorContext } from './editor-context';
import { editorActions } from './editor-actions';
import { EditorToolbar } from './EditorToolbar';
import { dialogueDocumentKind } from './graph/dialogue-document-kind';
import { createEditorStore, type EditorState } from './graph/editor-store';
import { Inspector } from './inspector/Inspector';
import { useDialogueReferences } from './references/reference-store';
import { useEditorShortcuts } from './use-editor-shortcuts';
import { useDialogueSession } from './use-dialogue-session';
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

/** Opens one dialogue on its document session and edits it; a reload from the backend starts a fresh editor. */
export function DialogueEditor(props: DialogueEditorProps) {
  const { id, onStore } = props;
  const session = useDocumentSession(`dialogue:${id}`, () => dialogueDocumentKind(id));
  const generation = useStore(session, (s) => s.generation);
  const error = useStore(session, (s) => s.loadError);
  const store = useMemo(() => {
    const dialogue = generation ? session.getState().value : null;
    return dialogue ? createEditorStore(dialogue, id) : null;
  }, [session, generation, id]);

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
        <EditorLayout {...props} store={store} session={session} />
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}

function EditorLayout({
  store,
  npcs,
  dialogues,
  onSaved,
  session,
}: DialogueEditorProps & { store: StoreApi<EditorState>; session: DocumentSession<Dialogue, DialogueChange> }) {
  const flow = useReactFlow();
  const flowStore = useStoreApi();
  const root = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const [menu, setMenu] = useState<ContextMenuRequest | null>(null);
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
  useDialogueSession(store, session, onSaved);

  return (
    <div ref={root} className={classes.editor} tabIndex={-1} aria-label="Dialogue editor">
      <EditorToolbar actions={actions} searchRef={search} fitView={handlers.fitView} />
      <SaveFailureAlert session={session} noun="dialogue" />
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
