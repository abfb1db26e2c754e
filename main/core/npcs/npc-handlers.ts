import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { npcMethods } from '../../../preload/contract/npcs';
import { CARD_LIMITS } from '../../domain/cards/card-document';
import { AppError } from '../app-error';
import type { ContentStore } from '../content/content-store';
import type { Handlers } from '../studio';
import type { CardContent } from './card-tasks';
import { NpcService } from './npc-service';

type NpcHandlers = Pick<Handlers, keyof typeof npcMethods>;

/** Tells the hosts' listeners (other windows, the sidebar) that an NPC item changed. */
type ContentChanged = (id: string, revision: number, deleted: boolean) => void;

/** A card named by path (the desktop's file dialog): read whole, within the codec's size limit. */
async function readCardFile(path: string): Promise<Uint8Array> {
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
  'data' in source ? { data: source.data } : { bytes: await readCardFile(source.path) };

/** The `npcs:*` methods, over the open project's content (which throws when none is open). */
export function npcHandlers(content: () => ContentStore, changed: ContentChanged): NpcHandlers {
  const npcs = () => new NpcService(content());
  const announce = <T extends { id: string; revision: number }>(document: T): T => {
    changed(document.id, document.revision, false);
    return document;
  };
  return {
    'npcs:list': () => npcs().list(),
    'npcs:get': ({ id }) => npcs().get(id),
    'npcs:avatar': ({ id }) => npcs().avatar(id),
    'npcs:create': ({ name, persona }) => announce(npcs().create(name, persona)),
    'npcs:save': ({ id, persona, baseRevision }) => announce(npcs().save(id, persona, baseRevision)),
    'npcs:delete': ({ id }) => {
      changed(id, npcs().delete(id), true);
      return { id };
    },
    'npcs:cardMatches': async (input) => npcs().cardMatches(await cardContent(input)),
    'npcs:importCard': async (input) => announce(await npcs().importCard(await cardContent(input), input.onExisting)),
    'npcs:exportCard': ({ id, format, spec }) => npcs().exportCard(id, format, spec),
  };
}
