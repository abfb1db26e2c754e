import { CardError } from './card-error';

const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

export const encodeUtf8 = (text: string): Uint8Array => encoder.encode(text);

/** Strict UTF-8, so a damaged card fails here with a clear message instead of importing mojibake. */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return decoder.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new CardError('bad_json', `${what} is not valid UTF-8 text`);
  }
}
