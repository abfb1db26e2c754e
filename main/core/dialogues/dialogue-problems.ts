import { validateDialogue, type DialogueProblem } from '../../domain/dialogue';
import { referencesIn } from '../../domain/dialogue/reference-rules';
import type { ProjectSession } from '../project-session';

/**
 * A saved dialogue's problems, each with the node and field it concerns, checked against
 * the project's dialogues, quests and items. A dialogue of thousands of nodes is checked on
 * a worker thread (see project-file-tasks.ts): it takes longer than a turn of the event loop.
 */
export function dialogueProblems(session: ProjectSession, id: string): DialogueProblem[] {
  const refs = referencesIn({
    dialogueIds: session.dialogues.list().map((d) => d.id),
    quests: session.quests.outlines(),
    itemIds: session.world.ids('item'),
  });
  return validateDialogue(session.dialogues.get(id).dialogue, refs);
}
