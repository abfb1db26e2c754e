import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import type { DialogueChange } from '../../../preload/contract/dialogues';
import type { Dialogue } from '../../../main/domain/dialogue';
import type { DocumentSession } from '../documents/document-session';
import type { EditorState } from './graph/editor-store';

/**
 * Joins the graph editor to the dialogue's document session: each command's result is
 * handed to the session (read when the save runs), what a refused save names is shown on
 * its nodes and in the validation panel, and `onSaved` runs after each stored save.
 */
export function useDialogueSession(
  store: StoreApi<EditorState>,
  session: DocumentSession<Dialogue, DialogueChange>,
  onSaved: () => void,
): void {
  useEffect(() => {
    const offEditor = store.subscribe((state, previous) => {
      if (state.dialogue !== previous.dialogue) session.getState().touch(() => store.getState().dialogue, 'graph');
    });
    store.getState().setRefused(session.getState().failure?.problems ?? []);
    const offSession = session.subscribe((state, previous) => {
      if (state.failure !== previous.failure) store.getState().setRefused(state.failure?.problems ?? []);
      if (state.savedAt !== previous.savedAt) onSaved();
    });
    return () => {
      offEditor();
      offSession();
    };
  }, [store, session, onSaved]);
}
