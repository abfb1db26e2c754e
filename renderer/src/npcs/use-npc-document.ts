import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NpcDocument } from '../../../preload/contract/npcs';
import type { NpcPersona } from '../../../main/domain/npc';
import { api, ApiError } from '../api/client';
import { useAutosave } from '../sections/use-autosave';
import { useSession } from '../stores/session-store';
import { useUndoable } from './use-undoable';

export type EditPersona = (change: Partial<NpcPersona> | ((persona: NpcPersona) => Partial<NpcPersona>), group?: string) => void;

/**
 * One NPC being edited: loaded from the studio, changed through `edit` (each change an
 * undo step), saved as the creator pauses, refused when someone else saved in between.
 */
export function useNpcDocument(id: string) {
  const [document, setDocument] = useState<NpcDocument | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const persona = useUndoable<NpcPersona | null>(null);
  const [dirty, setDirty] = useState(false);
  const revision = useRef(0);
  const { reset } = persona;

  const show = useCallback(
    (loaded: NpcDocument) => {
      revision.current = loaded.revision;
      setDocument(loaded);
      reset(loaded.persona);
      setDirty(false);
    },
    [reset],
  );

  useEffect(() => {
    api.call('npcs:get', { id }).then(show, (e: Error) => setLoadError(e.message));
  }, [id, show]);

  const save = async (value: NpcPersona | null) => {
    if (!value) return;
    setDirty(false);
    try {
      const saved = await useSession.getState().trackSave(api.call('npcs:save', { id, persona: value, baseRevision: revision.current }));
      revision.current = saved.revision;
      setDocument(saved);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') {
        notifications.show({
          color: 'orange',
          title: 'Changed somewhere else',
          message: 'This NPC was saved from another window. Your text is still here; reload to see theirs.',
        });
      }
      setDirty(true);
    }
  };

  useAutosave(persona.value, dirty, save);

  const changed = () => {
    setDirty(true);
    useSession.getState().markUnsaved();
  };

  const edit: EditPersona = (change, group) => {
    persona.change((current) => current && { ...current, ...(typeof change === 'function' ? change(current) : change) }, group);
    changed();
  };

  return {
    document,
    loadError,
    persona: persona.value,
    edit,
    undo: () => (persona.undo(), changed()),
    redo: () => (persona.redo(), changed()),
    canUndo: persona.canUndo,
    canRedo: persona.canRedo,
    /** Saves now what autosave would save soon, so an export sees the latest text. */
    flush: () => (dirty ? save(persona.value) : Promise.resolve()),
    /** Shows the NPC as stored now, after a restore from the history. */
    reload: () =>
      api.call('npcs:get', { id }).then((loaded) => {
        show(loaded);
        return loaded;
      }),
  };
}
