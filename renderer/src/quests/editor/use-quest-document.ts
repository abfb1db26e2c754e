import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { QuestProblemView } from '../../../../preload/contract/quests';
import { api } from '../../api/client';
import { useDocumentSession } from '../../documents/use-document-session';
import { performQuestCommand, type QuestCommand } from './quest-commands';
import { questDocumentKind } from './quest-document-kind';

/** "Add stage", "Update objective": an undo step's label from its command. */
const labelOf = (command: QuestCommand) => command.type.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase());

/**
 * One quest being edited, on its document session: changed through commands (each an undo
 * step; keystrokes in one field with the same `group` merge), saved whole as the creator
 * pauses, and validated against the project after every save.
 */
export function useQuestDocument(id: string) {
  const session = useDocumentSession(`quest:${id}`, () => questDocumentKind(id));
  const quest = useStore(session, (s) => s.value);
  const revision = useStore(session, (s) => s.revision);
  const updatedAt = useStore(session, (s) => s.updatedAt);
  const loadError = useStore(session, (s) => s.loadError);
  const canUndo = useStore(session, (s) => s.past.length > 0);
  const canRedo = useStore(session, (s) => s.future.length > 0);
  const [problems, setProblems] = useState<QuestProblemView[]>([]);
  const { undo, redo } = session.getState();

  const validate = useCallback(() => {
    api.call('quests:validate', { id }).then(setProblems, () => undefined);
  }, [id]);
  useEffect(() => {
    if (updatedAt !== null) validate();
  }, [updatedAt, validate]);

  return {
    session,
    document: updatedAt === null ? null : { revision, updatedAt },
    loadError,
    problems,
    quest,
    run: (command: QuestCommand, group?: string) => session.getState().edit(labelOf(command), (current) => performQuestCommand(current, command), group),
    undo,
    redo,
    canUndo,
    canRedo,
    reload: () => session.getState().reload(),
  };
}

export type QuestEditing = ReturnType<typeof useQuestDocument>;
