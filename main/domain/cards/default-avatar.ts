import { decodeBase64 } from './base64';

/**
 * A 1×1 transparent PNG (RGBA, one zlib-deflated scanline), the image a card is embedded
 * in when the NPC has no PNG avatar: card readers need a valid PNG, not a picture.
 */
export const defaultAvatarPng = (): Uint8Array =>
  decodeBase64('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAAC0lEQVR42mNgAAIAAAUAAen63NgAAAAASUVORK5CYII=', 'default avatar');
