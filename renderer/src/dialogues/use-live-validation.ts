import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import { validateDialogue, type DialogueReferences } from '../../../main/domain/dialogue';
import type { EditorState } from './graph/editor-store';

const DELAY_MS = 150;

/**
 * Re-validates the dialogue shortly after each change (and when the project's dialogues,
 * quests or items change) with the same rules the backend and the exported runtimes use,
 * so the panel and node badges never disagree with export.
 */
export function useLiveValidation(store: StoreApi<EditorState>, refs: DialogueReferences): void {
  useEffect(() => {
    let timer: number | undefined;
    const run = () => store.getState().setProblems(validateDialogue(store.getState().dialogue, refs));
    run();
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.dialogue === previous.dialogue) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(run, DELAY_MS);
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [store, refs]);
}
