import { CardError } from './card-error';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = (() => {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) lookup[ALPHABET.charCodeAt(i)] = i;
  // Some card tools write the URL-safe alphabet; the meaning is the same.
  lookup['-'.charCodeAt(0)] = 62;
  lookup['_'.charCodeAt(0)] = 63;
  return lookup;
})();

/** Standard base64 with padding, as card chunks and data URLs use. Pure, so it runs in the renderer and in main alike. */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const triple = (a << 16) | (b << 8) | c;
    chunk +=
      ALPHABET[triple >> 18] +
      ALPHABET[(triple >> 12) & 63] +
      (i + 1 < bytes.length ? ALPHABET[(triple >> 6) & 63] : '=') +
      (i + 2 < bytes.length ? ALPHABET[triple & 63] : '=');
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/**
 * Decodes base64, tolerating what real card tools write (line breaks, missing padding,
 * the URL-safe alphabet) and refusing anything else with the offending position.
 */
export function decodeBase64(text: string, what: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let length = 0;
  let buffer = 0;
  let bits = 0;
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3d) {
      padding++;
      continue;
    }
    if (code === 0x0a || code === 0x0d || code === 0x20 || code === 0x09) continue;
    const value = code < 128 ? LOOKUP[code] : -1;
    if (value < 0 || padding > 0) {
      throw new CardError('bad_base64', `${what} is not valid base64: unexpected ${JSON.stringify(text[i])} at position ${i}`);
    }
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[length++] = (buffer >> bits) & 0xff;
    }
  }
  if (bits >= 6 || padding > 2) throw new CardError('bad_base64', `${what} is not valid base64: it is truncated`);
  return out.subarray(0, length);
}
