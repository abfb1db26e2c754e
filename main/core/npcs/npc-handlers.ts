import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { npcMethods } from '../../../preload/contract/npcs';
import { CARD_LIMITS } from '../../domain/cards/card-document';
import { AppError } from '../app-error';
import type { Handlers } from '../studio';
import type { ProjectSession } from '../project-session';
import { heavyJson } from '../workers/heavy-writes';
import { runInWorker } from '../workers/run-in-worker';
import { fromJson } from '../workers/json-text';
import { newNpc } from './npc-service';
import { isSmallCard, readCardFile, type CardContent } from './card-tasks';

type NpcHandlers = Pick<Handlers, keyof typeof npcMethods>;

/** Tells the hosts' listeners (other windows, the sidebar) that an NPC item changed. */
type ContentChanged = (id: string, revision: number, deleted: boolean) => void;

/** A card named by path (the desktop's file dialog): read whole, within the codec's size limit. */
async function readCardPath(path: string): Promise<Uint8Array> {
  const file = resolve(path);
  const info = await stat(file).catch(() => {
    throw new AppError('not_found', `There is no file at ${file}.`);
  });
  if (!info.isFile()) throw new AppError('invalid_input', `${file} is not a file.`);
  if (info.size > CARD_LIMITS.maxPngBytes) {
    throw new AppError(
      'invalid_input',
      `${file} is ${info.size.toLocaleString('en')} bytes; a card file may be at most ${CARD_LIMITS.maxPngBytes.toLocaleString('en')}.`,
    );
  }
  return new Uint8Array(await readFile(file));
}

/** A card file as sent: base64 goes to the worker that reads the card as it is; a path is read here, without blocking. */
const cardContent = async (source: { data: string } | { path: string }): Promise<CardContent> =>
  'data' in source ? { data: source.data } : { bytes: await readCardPath(source.path) };

/** The `npcs:*` methods, over the open project's NPCs (which throws when none is open). */
export function npcHandlers(session: () => ProjectSession, changed: ContentChanged): NpcHandlers {
  const npcs = () => session().npcs;
  const announce = <T extends { id: string; revision: number }>(document: T): T => {
    changed(document.id, document.revision, false);
    return document;
  };
  return {
    'npcs:list': async () => {
      const service = npcs();
      await service.ready();
      return service.list();
    },
    'npcs:get': ({ id }) => npcs().get(id),
    'npcs:avatar': ({ id }) => npcs().avatar(id),
    'npcs:create': async ({ name, persona: draft }) => {
      const persona = newNpc(name, draft);
      const personaJson = heavyJson(persona);
      if (personaJson === undefined) return announce(npcs().insert(persona));
      const written = await runInWorker('createNpc', { ...session().connection, personaJson });
      return announce(npcs().written({ ...written, persona: { ...persona, id: written.id } }));
    },
    'npcs:save': async ({ id, persona, baseRevision }) => {
      const personaJson = heavyJson(persona);
      if (personaJson === undefined) return announce(npcs().save(id, persona, baseRevision));
      const written = await runInWorker('saveNpc', { ...session().connection, id, personaJson, baseRevision });
      return announce(npcs().written({ ...written, persona: { ...persona, id } }));
    },
    'npcs:delete': async ({ id }) => {
      const project = session();
      const revision = project.npcs.isLarge(id) ? await runInWorker('deleteItem', { ...project.connection, id }) : project.npcs.delete(id);
      changed(id, revision, true);
      return { id };
    },
    'npcs:cardMatches': async (input) => npcs().cardMatches(await cardContent(input)),
    'npcs:importCard': async (input) => {
      const project = session();
      const read = { content: await cardContent(input), id: randomUUID() };
      if (isSmallCard(read.content)) return announce(project.npcs.importCard(readCardFile(read), input.onExisting));
      const document = fromJson(await runInWorker('importCard', { ...project.connection, ...read, onExisting: input.onExisting }));
      return announce(project.npcs.written(document));
    },
    'npcs:exportCard': ({ id, format, spec }) => npcs().exportCard(id, format, spec),
  };
}
