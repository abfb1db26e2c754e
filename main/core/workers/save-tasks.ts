import type { DialogueChange } from '../../../preload/contract/dialogues';
import type { NpcPersona } from '../../domain/npc';
import { withProject, type ProjectConnection } from '../export/project-file-tasks';

/*
 * Saves too large to check and write between two turns of the studio's event loop. The
 * record travels as the JSON text the studio already made of it: copying a string to the
 * worker is a memory copy, where cloning thousands of objects would hold the studio's
 * thread about as long as the write itself. The studio checked the record before sending it.
 */

/** What a save written on a worker thread sends back: the item, its new revision and when it was written. */
export interface SaveWritten {
  id: string;
  revision: number;
  updatedAt: string;
}

const written = ({ id, revision, updatedAt }: SaveWritten): SaveWritten => ({ id, revision, updatedAt });

/** An NPC saved through a connection of its own; the caller holds the persona, so only the revision comes back. */
export function saveNpcFile({ id, personaJson, baseRevision, ...connection }: ProjectConnection & { id: string; personaJson: string; baseRevision?: number }): SaveWritten {
  return withProject(connection, (session) => written(session.npcs.save(id, JSON.parse(personaJson) as NpcPersona, baseRevision)), true);
}

/** A new NPC written through a connection of its own. */
export function createNpcFile({ personaJson, ...connection }: ProjectConnection & { personaJson: string }): SaveWritten {
  return withProject(connection, (session) => written(session.npcs.insert(JSON.parse(personaJson) as NpcPersona)), true);
}

/** One dialogue change written through a connection of its own. */
export function saveDialogueFile({ changeJson, ...connection }: ProjectConnection & { changeJson: string }): SaveWritten {
  return withProject(connection, (session) => session.dialogues.save(JSON.parse(changeJson) as DialogueChange), true);
}
