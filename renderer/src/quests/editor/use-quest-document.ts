import { useCallback, useEffect, useState } from 'react';
import type { QuestProblemView } from '../../../../preload/contract/quests';
import { api } from '../../api/client';
import { useDocumentSession, useDocumentView } from '../../documents/use-document-session';
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
  const { value: quest, ...view } = useDocumentView(session);
  const updatedAt = view.document?.updatedAt ?? null;
  const [problems, setProblems] = useState<QuestProblemView[]>([]);

  const validate = useCallback(() => {
    api.call('quests:validate', { id }).then(setProblems, () => undefined);
  }, [id]);
  useEffect(() => {
    if (updatedAt !== null) validate();
  }, [updatedAt, validate]);

  return {
    session,
    ...view,
    problems,
    quest,
    run: (command: QuestCommand, group?: string) =>
      session.getState().edit(labelOf(command), (current) => performQuestCommand(current, command), group),
    reload: () => session.getState().reload(),
  };
}

export type QuestEditing = ReturnType<typeof useQuestDocument>;
