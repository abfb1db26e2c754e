import { decodeBase64, encodeBase64 } from './base64';
import { CardError } from './card-error';
import { CARD_LIMITS, parseCardJson, type CardDocument } from './card-document';
import type { JsonObject } from './json-object';
import { readPngChunks, readTextChunk, textChunk, writePng, type PngChunk } from './png';
import { decodeUtf8, encodeUtf8 } from './utf8';

/** tEXt keywords of card payloads: `chara` (V1/V2, read by everything) and `ccv3` (V3). */
export const CARD_CHUNK_KEYWORDS = ['chara', 'ccv3'] as const;
export type CardChunkKeyword = (typeof CARD_CHUNK_KEYWORDS)[number];

export interface PngCards {
  chara?: CardDocument;
  ccv3?: CardDocument;
  /** The image without its card chunks, to keep as the avatar. */
  image: Uint8Array;
}

const isCardChunk = (chunk: PngChunk) =>
  chunk.type === 'tEXt' && (CARD_CHUNK_KEYWORDS as readonly string[]).includes(readTextChunk(chunk).keyword);

/** Reads every card a PNG carries; throws when the PNG is damaged or a card chunk is unreadable. */
export function readPngCards(bytes: Uint8Array): PngCards {
  if (bytes.length > CARD_LIMITS.maxPngBytes) {
    throw new CardError(
      'too_large',
      `The PNG is ${bytes.length.toLocaleString('en')} bytes; cards are limited to ${CARD_LIMITS.maxPngBytes.toLocaleString('en')}`,
    );
  }
  const chunks = readPngChunks(bytes);
  const cards: PngCards = { image: writePng(chunks.filter((chunk) => !isCardChunk(chunk))) };
  for (const chunk of chunks.filter(isCardChunk)) {
    const { keyword, text } = readTextChunk(chunk);
    const what = `The PNG's "${keyword}" card`;
    cards[keyword as CardChunkKeyword] = parseCardJson(decodeUtf8(decodeBase64(text, what), what), what);
  }
  return cards;
}

/** Writes card JSON as base64 tEXt chunks just before IEND, replacing any card chunks the image had. */
export function embedCards(png: Uint8Array, cards: Partial<Record<CardChunkKeyword, JsonObject>>): Uint8Array {
  const chunks = readPngChunks(png).filter((chunk) => !isCardChunk(chunk));
  const payloads = CARD_CHUNK_KEYWORDS.flatMap((keyword) => {
    const card = cards[keyword];
    return card ? [textChunk(keyword, encodeBase64(encodeUtf8(JSON.stringify(card))))] : [];
  });
  return writePng([...chunks.slice(0, -1), ...payloads, chunks[chunks.length - 1]]);
}
