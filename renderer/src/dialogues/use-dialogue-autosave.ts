import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import type { StoreApi } from 'zustand';
import { api, ApiError } from '../api/client';
import { useSession } from '../stores/session-store';
import type { EditorState } from './graph/editor-store';
import { hasChanges } from './graph/save-patch';

const DELAY_MS = 600;

/**
 * Sends what the editor's commands changed through `dialogues:save` once edits pause,
 * on top of the revision it last saw; flushes when the editor closes or the page hides.
 * A refusal because someone else saved stops autosave and says so; the work stays on screen.
 */
export function useDialogueAutosave(store: StoreApi<EditorState>, onSaved?: () => void): void {
  useEffect(() => {
    let timer: number | undefined;
    const save = async () => {
      window.clearTimeout(timer);
      const attempt = store.getState().beginSave();
      if (!attempt) return;
      try {
        const saved = await useSession.getState().trackSave(api.call('dialogues:save', attempt.change));
        attempt.done(saved.revision);
        onSaved?.();
      } catch (error) {
        const conflict = error instanceof ApiError && error.code === 'conflict';
        attempt.failed(conflict);
        if (conflict) {
          notifications.show({
            color: 'orange',
            title: 'This dialogue was changed somewhere else',
            message: 'Your edits are still on screen but are not saved. Reload the dialogue to continue from the saved version.',
            autoClose: false,
          });
        }
      }
      if (hasChanges(store.getState().pending) && !store.getState().conflict) schedule();
    };
    const schedule = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void save(), DELAY_MS);
    };
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.pending === previous.pending || !hasChanges(state.pending)) return;
      useSession.getState().markUnsaved();
      schedule();
    });
    const onHide = () => document.visibilityState === 'hidden' && void save();
    document.addEventListener('visibilitychange', onHide);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onHide);
      void save();
    };
  }, [store, onSaved]);
}
