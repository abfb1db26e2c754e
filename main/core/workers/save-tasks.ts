import type { ContentItem } from '../../../preload/api';
import type { DialogueChange, DialogueDocument } from '../../../preload/contract/dialogues';
import type { CardImportChoice, NpcDocument } from '../../../preload/contract/npcs';
import type { NpcPersona } from '../../domain/npc';
import { readCardFile, type CardReadInput } from '../npcs/card-tasks';
import { withProject, type ProjectConnection } from '../export/project-file-tasks';
import { asJson, type JsonText } from './json-text';

/*
 * Writes too large to check and make between two turns of the studio's event loop (see
 * heavy-writes.ts). Records travel both ways as JSON text (json-text.ts). The studio
 * checked a record before sending it.
 */

/** What a save written on a worker thread sends back: the item, its new revision and when it was written. */
export interface SaveWritten {
  id: string;
  revision: number;
  updatedAt: string;
}

const written = ({ id, revision, updatedAt }: SaveWritten): SaveWritten => ({ id, revision, updatedAt });

/** An NPC saved through a connection of its own; the caller holds the persona, so only the revision comes back. */
export function saveNpcFile({
  id,
  personaJson,
  baseRevision,
  ...connection
}: ProjectConnection & { id: string; personaJson: string; baseRevision?: number }): SaveWritten {
  return withProject(connection, (session) => written(session.npcs.save(id, JSON.parse(personaJson) as NpcPersona, baseRevision)), true);
}

/** A new NPC written through a connection of its own. */
export function createNpcFile({ personaJson, ...connection }: ProjectConnection & { personaJson: string }): SaveWritten {
  return withProject(connection, (session) => written(session.npcs.insert(JSON.parse(personaJson) as NpcPersona)), true);
}

/** A card file read (its decoding needs no project) and written as an NPC through a connection of its own. */
export function importCardFile({
  content,
  id,
  onExisting,
  ...connection
}: ProjectConnection & CardReadInput & { onExisting?: CardImportChoice }): JsonText<NpcDocument> {
  const read = readCardFile({ content, id });
  return withProject(connection, (session) => asJson(session.npcs.importCard(read, onExisting)), true);
}

/** One dialogue change written through a connection of its own. */
export function saveDialogueFile({ changeJson, ...connection }: ProjectConnection & { changeJson: string }): SaveWritten {
  return withProject(connection, (session) => session.dialogues.save(JSON.parse(changeJson) as DialogueChange), true);
}

/** An earlier revision of a large item made current again (content:restore). */
export function restoreItemFile({
  id,
  revision,
  ...connection
}: ProjectConnection & { id: string; revision: number }): JsonText<ContentItem> {
  return withProject(connection, (session) => asJson(session.content.restore(id, revision)), true);
}

/** An earlier revision of a dialogue of thousands of nodes made current again. */
export function restoreDialogueFile({
  id,
  revision,
  ...connection
}: ProjectConnection & { id: string; revision: number }): JsonText<DialogueDocument> {
  return withProject(connection, (session) => asJson(session.dialogues.restore(id, revision)), true);
}

/** A copy of a dialogue of thousands of nodes. */
export function duplicateDialogueFile({
  id,
  name,
  ...connection
}: ProjectConnection & { id: string; name?: string }): JsonText<DialogueDocument> {
  return withProject(connection, (session) => asJson(session.dialogues.duplicate(id, name)), true);
}

/** A large item deleted (its history kept); its last revision comes back for the change event. */
export function deleteItemFile({ id, ...connection }: ProjectConnection & { id: string }): number {
  return withProject(
    connection,
    (session) => {
      session.content.delete(id);
      return session.content.head(id).revision;
    },
    true,
  );
}
