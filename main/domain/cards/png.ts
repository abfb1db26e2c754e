import { CardError } from './card-error';
import { crc32 } from './crc32';

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

export interface PngChunk {
  /** Four ASCII letters: IHDR, IDAT, tEXt, IEND… */
  type: string;
  data: Uint8Array;
}

export const isPng = (bytes: Uint8Array): boolean => bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);

const typeBytes = (type: string) => Uint8Array.from(type, (ch) => ch.charCodeAt(0));
const typeText = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/**
 * Splits a PNG into its chunks, checking structure and every CRC, so a truncated or
 * corrupted file is refused rather than half read. Pixel data is never decoded: cards
 * live in tEXt chunks, which are uncompressed, so no inflate library is needed.
 */
export function readPngChunks(bytes: Uint8Array): PngChunk[] {
  if (!isPng(bytes)) throw new CardError('bad_png', 'The file is not a PNG image (its signature is wrong)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let offset = PNG_SIGNATURE.length;
  while (chunks.at(-1)?.type !== 'IEND') {
    if (offset + 12 > bytes.length) {
      throw new CardError('bad_png', `The PNG is truncated: it ends at byte ${bytes.length} before its IEND chunk`);
    }
    const length = view.getUint32(offset);
    const type = bytes.subarray(offset + 4, offset + 8);
    if (!type.every((b) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a))) {
      throw new CardError('bad_png', `The PNG has a damaged chunk header at byte ${offset}`);
    }
    if (length > 0x7fffffff || offset + 12 + length > bytes.length) {
      throw new CardError('bad_png', `The PNG is truncated: its ${typeText(type)} chunk at byte ${offset} runs past the end of the file`);
    }
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(type, data) !== view.getUint32(offset + 8 + length)) {
      throw new CardError('bad_crc', `The PNG is damaged: the CRC of its ${typeText(type)} chunk at byte ${offset} does not match`);
    }
    chunks.push({ type: typeText(type), data });
    offset += 12 + length;
  }
  if (chunks[0]?.type !== 'IHDR') throw new CardError('bad_png', 'The PNG does not start with an IHDR chunk');
  return chunks;
}

/** Writes chunks back into a PNG file, computing lengths and CRCs. */
export function writePng(chunks: readonly PngChunk[]): Uint8Array {
  const size = PNG_SIGNATURE.length + chunks.reduce((sum, chunk) => sum + 12 + chunk.data.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(PNG_SIGNATURE, 0);
  let offset = PNG_SIGNATURE.length;
  for (const chunk of chunks) {
    const type = typeBytes(chunk.type);
    view.setUint32(offset, chunk.data.length);
    out.set(type, offset + 4);
    out.set(chunk.data, offset + 8);
    view.setUint32(offset + 8 + chunk.data.length, crc32(type, chunk.data));
    offset += 12 + chunk.data.length;
  }
  return out;
}

/** A tEXt chunk's keyword and text. Both are Latin-1 by the PNG spec; card payloads are base64, so ASCII. */
export function readTextChunk(chunk: PngChunk): { keyword: string; text: string } {
  const nul = chunk.data.indexOf(0);
  const latin1 = (bytes: Uint8Array) => {
    let text = '';
    for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return text;
  };
  if (nul < 0) return { keyword: latin1(chunk.data), text: '' };
  return { keyword: latin1(chunk.data.subarray(0, nul)), text: latin1(chunk.data.subarray(nul + 1)) };
}

export function textChunk(keyword: string, text: string): PngChunk {
  const data = new Uint8Array(keyword.length + 1 + text.length);
  for (let i = 0; i < keyword.length; i++) data[i] = keyword.charCodeAt(i);
  for (let i = 0; i < text.length; i++) data[keyword.length + 1 + i] = text.charCodeAt(i) & 0xff;
  return { type: 'tEXt', data };
}
