import type { CardFile } from '../../../preload/contract/npcs';
import { CardError, decodeBase64, exportCardJson, exportCardPng, importCard } from '../../domain/cards';
import { NpcPersona } from '../../domain/npc';
import { AppError } from '../app-error';
import { loadNpcItem } from './npc-load';

/** A card file as the studio got it: base64 sent by a window or a browser, or the bytes of a file named by path. */
export type CardContent = { data: string } | { bytes: Uint8Array };

/**
 * Cards of at most this many bytes, and NPC records of at most this many characters, are
 * read or written as cards on the studio's thread: that takes at most about 15 ms, less
 * than a worker thread takes to start and load the codec (a few hundred ms). Larger ones
 * are read and written on a worker.
 */
export const SMALL_CARD_CHARS = 64 * 1024;

export const isSmallCard = (content: CardContent): boolean =>
  ('data' in content ? Math.floor((content.data.length * 3) / 4) : content.bytes.length) <= SMALL_CARD_CHARS;

export interface CardReadInput {
  content: CardContent;
  /** The id the new persona gets. */
  id: string;
}

export interface ReadCard {
  /** The card's persona: as the schema parsed it when it is a valid NPC, else as the card gave it. */
  persona: NpcPersona;
  /** Whether the persona is a valid NPC, so the studio can write it without parsing it again. */
  valid: boolean;
}

export interface CardWriteInput {
  /** The NPC item's id and name, and its stored data as JSON text. */
  id: string;
  name: string;
  data: string;
  format: 'json' | 'png';
  spec: 'v2' | 'v3';
}

function fromCardError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof CardError) throw new AppError('invalid_input', error.message);
    throw error;
  }
}

/** The item row's name, which lists and search show; a card may have a blank one. */
export const npcItemName = (persona: NpcPersona) => persona.name.trim() || 'Unnamed NPC';

/** Card files are named after the NPC, without characters file systems refuse. */
const cardFileName = (persona: NpcPersona, spec: string, extension: string) =>
  `${npcItemName(persona)
    .replace(/[/\\:*?"<>|\p{Cc}]+/gu, '_')
    .slice(0, 100)}.${spec}.${extension}`;

const cardBytes = (content: CardContent) => ('data' in content ? decodeBase64(content.data, 'The card data') : content.bytes);

/**
 * A card file (V1, V2 or V3, JSON or PNG) read as an NPC persona, and checked against the
 * persona schema. The studio runs this on a worker thread when the card is large: one with
 * thousands of lorebook entries takes long to decode, map and check. A file that is not a
 * card we can read fails as invalid input, with the codec's message.
 */
export function readCardFile({ content, id }: CardReadInput): ReadCard {
  const persona = fromCardError(() => importCard(cardBytes(content), id).persona);
  const parsed = NpcPersona.safeParse(persona);
  return parsed.success ? { persona: parsed.data, valid: true } : { persona, valid: false };
}

/** Only the NPC name of a card file, for the question asked before importing it. */
export const readCardName = (content: CardContent): { name: string } => ({
  name: fromCardError(() => importCard(cardBytes(content), 'card').persona.name),
});

/**
 * An NPC item's stored data written as a card file, base64, named after the NPC. On a worker
 * thread, like reading: the record is parsed and migrated there too, so a large NPC costs
 * the studio's event loop only the read of its row.
 */
export function writeCardFile({ id, name, data, format, spec }: CardWriteInput): CardFile {
  const persona = loadNpcItem(JSON.parse(data), { id, name });
  if (format === 'json') {
    const text = fromCardError(() => exportCardJson(persona, spec));
    return {
      fileName: cardFileName(persona, spec, 'json'),
      mimeType: 'application/json',
      data: Buffer.from(text, 'utf8').toString('base64'),
    };
  }
  const png = fromCardError(() => exportCardPng(persona, spec));
  return { fileName: cardFileName(persona, spec, 'png'), mimeType: 'image/png', data: Buffer.from(png).toString('base64') };
}
