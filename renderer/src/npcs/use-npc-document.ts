import type { NpcPersona } from '../../../main/domain/npc';
import { useDocumentSession, useDocumentView } from '../documents/use-document-session';
import { npcDocumentKind } from './npc-document-kind';

export type EditPersona = (change: Partial<NpcPersona> | ((persona: NpcPersona) => Partial<NpcPersona>), group?: string) => void;

/** "Edit role", "Edit first message": an undo step's label from the fields it changed. */
const labelOf = (fields: string[]) =>
  `Edit ${fields
    .join(', ')
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()}`;

/**
 * One NPC being edited, on its document session: loaded from the studio, changed through
 * `edit` (each change an undo step; keystrokes in one field with the same `group` merge),
 * saved whole as the creator pauses.
 */
export function useNpcDocument(id: string) {
  const session = useDocumentSession(`npc:${id}`, () => npcDocumentKind(id));
  const { value: persona, ...view } = useDocumentView(session);

  const edit: EditPersona = (change, group) =>
    session
      .getState()
      .edit(
        typeof change === 'function' ? 'Edit NPC' : labelOf(Object.keys(change)),
        (current) => ({ ...current, ...(typeof change === 'function' ? change(current) : change) }),
        group,
      );

  return {
    session,
    ...view,
    persona,
    edit,
    /** Saves now what autosave would save soon, so an export sees the latest text. */
    flush: session.getState().flush,
    /** Shows the NPC as stored now, after a restore from the history. */
    reload: async () => {
      await session.getState().reload();
      return session.getState().value;
    },
  };
}
