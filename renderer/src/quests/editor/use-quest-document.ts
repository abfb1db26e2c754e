import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QuestDocument, QuestProblemView } from '../../../../preload/contract/quests';
import type { Quest } from '../../../../main/domain/quest';
import { api, ApiError } from '../../api/client';
import { useUndoable } from '../../npcs/use-undoable';
import { useAutosave } from '../../sections/use-autosave';
import { useSession } from '../../stores/session-store';
import { performQuestCommand, type QuestCommand } from './quest-commands';

/**
 * One quest being edited: loaded from the studio, changed through commands (each an undo
 * step; keystrokes in one field with the same `group` merge), saved as the creator pauses,
 * refused when someone else saved in between, and validated against the project after
 * every save.
 */
export function useQuestDocument(id: string) {
  const [document, setDocument] = useState<QuestDocument | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [problems, setProblems] = useState<QuestProblemView[]>([]);
  const quest = useUndoable<Quest | null>(null);
  const [dirty, setDirty] = useState(false);
  const revision = useRef(0);
  const { reset } = quest;

  const validate = useCallback(() => {
    api.call('quests:validate', { id }).then(setProblems, () => undefined);
  }, [id]);

  const show = useCallback(
    (loaded: QuestDocument) => {
      revision.current = loaded.revision;
      setDocument(loaded);
      reset(loaded.quest);
      setDirty(false);
      validate();
    },
    [reset, validate],
  );

  useEffect(() => {
    api.call('quests:get', { id }).then(show, (e: Error) => setLoadError(e.message));
  }, [id, show]);

  const save = async (value: Quest | null) => {
    if (!value) return;
    setDirty(false);
    try {
      const saved = await useSession.getState().trackSave(api.call('quests:save', { id, quest: value, baseRevision: revision.current }));
      revision.current = saved.revision;
      setDocument(saved);
      validate();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') {
        notifications.show({
          color: 'orange',
          title: 'Changed somewhere else',
          message: 'This quest was saved from another window. Your edits are still here; reload to see theirs.',
        });
      } else notifications.show({ color: 'red', title: 'Could not save the quest', message: (error as Error).message });
      setDirty(true);
    }
  };

  useAutosave(quest.value, dirty, save);

  const changed = () => {
    setDirty(true);
    useSession.getState().markUnsaved();
  };

  const run = (command: QuestCommand, group?: string) => {
    quest.change((current) => current && performQuestCommand(current, command), group);
    changed();
  };

  return {
    document,
    loadError,
    problems,
    quest: quest.value,
    run,
    undo: () => (quest.undo(), changed()),
    redo: () => (quest.redo(), changed()),
    canUndo: quest.canUndo,
    canRedo: quest.canRedo,
    reload: () => api.call('quests:get', { id }).then(show),
  };
}

export type QuestEditing = ReturnType<typeof useQuestDocument>;
