import type { NpcPersona } from '../npc';
import type { CardSpec } from '../npc/npc-schema';
import { decodeBase64, encodeBase64 } from './base64';
import { CardError } from './card-error';
import { parseCardJson } from './card-document';
import { cardToPersona, personaToCard, type ExportSpec } from './card-persona';
import { embedCards, readPngCards } from './card-png';
import { defaultAvatarPng } from './default-avatar';
import { isPng } from './png';
import { decodeUtf8 } from './utf8';

export interface ImportedCard {
  persona: NpcPersona;
  /** The spec of the card that was read; exporting in it reproduces the file's card. */
  spec: CardSpec;
  format: 'json' | 'png';
}

const PNG_DATA_URL = 'data:image/png;base64,';

/**
 * Imports a Character Card V1, V2 or V3 from a JSON or PNG file's bytes (or JSON text).
 * A PNG's `ccv3` card is preferred over its `chara` card, as the V3 spec asks, and the
 * image, without its card chunks, becomes the avatar. Throws CardError with a message
 * for the creator when the file is not a card we can read.
 */
export function importCard(input: Uint8Array | string, id: string): ImportedCard {
  if (typeof input !== 'string' && isPng(input)) {
    const { chara, ccv3, image } = readPngCards(input);
    const document = ccv3 ?? chara;
    if (!document) throw new CardError('no_card_in_png', 'The PNG has no character card in it (no "chara" or "ccv3" text chunk)');
    const persona = cardToPersona(document, id);
    return {
      persona: { ...persona, avatar: { kind: 'dataUrl', dataUrl: PNG_DATA_URL + encodeBase64(image) } },
      spec: document.spec,
      format: 'png',
    };
  }
  const text = typeof input === 'string' ? input : decodeUtf8(input, 'The card file');
  const document = parseCardJson(text, 'The card file');
  return { persona: cardToPersona(document, id), spec: document.spec, format: 'json' };
}

/** The persona as card JSON text, indented so creators can read and diff their card files. */
export const exportCardJson = (persona: NpcPersona, spec: ExportSpec): string =>
  `${JSON.stringify(personaToCard(persona, spec), null, 2)}\n`;

/**
 * The persona as a PNG card. The card goes into `image` when given, else into the persona's
 * PNG avatar, else into a 1×1 placeholder (an avatar that is not a PNG, or an asset,
 * cannot carry text chunks; pass its PNG rendition as `image`). A V3 export also writes
 * the V2 card in `chara`, which the V3 spec recommends for older readers.
 */
export function exportCardPng(persona: NpcPersona, spec: ExportSpec, image?: Uint8Array): Uint8Array {
  const avatar =
    persona.avatar?.kind === 'dataUrl' && persona.avatar.dataUrl.startsWith(PNG_DATA_URL)
      ? persona.avatar.dataUrl.slice(PNG_DATA_URL.length)
      : undefined;
  const png = image ?? (avatar ? decodeBase64(avatar, 'The avatar') : defaultAvatarPng(persona.name));
  const chara = personaToCard(persona, 'v2');
  return embedCards(png, spec === 'v3' ? { chara, ccv3: personaToCard(persona, 'v3') } : { chara });
}
