import { writePng } from './png';

/** A 5×7 bitmap font for A–Z and 0–9: seven rows of five bits per glyph, as hex. */
const GLYPHS: Record<string, string> = {
  A: '0e11111f111111',
  B: '1e11111e11111e',
  C: '0e11101010110e',
  D: '1e11111111111e',
  E: '1f10101e10101f',
  F: '1f10101e101010',
  G: '0e11101711110f',
  H: '1111111f111111',
  I: '0e04040404040e',
  J: '0702020202120c',
  K: '11121418141211',
  L: '1010101010101f',
  M: '111b1515111111',
  N: '11111915131111',
  O: '0e11111111110e',
  P: '1e11111e101010',
  Q: '0e11111115120d',
  R: '1e11111e141211',
  S: '0f10100e01011e',
  T: '1f040404040404',
  U: '1111111111110e',
  V: '11111111110a04',
  W: '1111111515150a',
  X: '11110a040a1111',
  Y: '11110a04040404',
  Z: '1f01020408101f',
  '0': '0e11131519110e',
  '1': '040c040404040e',
  '2': '0e11010204081f',
  '3': '1f02040201110e',
  '4': '02060a121f0202',
  '5': '1f101e0101110e',
  '6': '0608101e11110e',
  '7': '1f010204080808',
  '8': '0e11110e11110e',
  '9': '0e11110f01020c',
};

export const AVATAR_SIZE = { width: 400, height: 600 } as const;
const SCALE = 24;

/** Up to two initials that the font has: the first letter or digit of the first two words, accents dropped. */
export function initials(name: string): string {
  const words = name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().split(/\s+/);
  return words
    .map((word) => [...word].find((c) => c in GLYPHS) ?? '')
    .filter(Boolean)
    .slice(0, 2)
    .join('');
}

/** A colour of its own for each name (FNV-1a over it picks the hue), dark enough for white letters. */
function colourOf(name: string): [number, number, number] {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  const hue = ((hash >>> 0) % 360) / 60;
  const x = 1 - Math.abs((hue % 2) - 1);
  const [r, g, b] = [
    [1, x, 0],
    [x, 1, 0],
    [0, 1, x],
    [0, x, 1],
    [x, 0, 1],
    [1, 0, x],
  ][Math.floor(hue)];
  return [r, g, b].map((c) => Math.round(60 + c * 110)) as [number, number, number];
}

/** A zlib stream of stored (uncompressed) deflate blocks, with its Adler-32: valid for any inflater, no compressor needed. */
function zlibStored(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / 65535));
  const out = new Uint8Array(2 + data.length + blocks * 5 + 4);
  out.set([0x78, 0x01]);
  let at = 2;
  for (let b = 0; b < blocks; b++) {
    const chunk = data.subarray(b * 65535, (b + 1) * 65535);
    out.set([b === blocks - 1 ? 1 : 0, chunk.length & 0xff, chunk.length >> 8, ~chunk.length & 0xff, (~chunk.length >> 8) & 0xff], at);
    out.set(chunk, at + 5);
    at += 5 + chunk.length;
  }
  let a = 1;
  let s = 0;
  for (const byte of data) {
    a = (a + byte) % 65521;
    s = (s + a) % 65521;
  }
  new DataView(out.buffer).setUint32(at, ((s << 16) | a) >>> 0);
  return out;
}

/**
 * The card image of an NPC with no PNG avatar: its initials in white on a colour of its
 * own, 400×600 like the portrait cards chat front-ends show. A two-colour palette PNG with
 * one bit per pixel, so the uncompressed image data is about 30 KB.
 */
export function defaultAvatarPng(name: string): Uint8Array {
  const { width, height } = AVATAR_SIZE;
  const rowBytes = width / 8;
  const pixels = new Uint8Array(height * (rowBytes + 1));
  const text = initials(name);
  const glyphWidth = 5 * SCALE;
  const gap = SCALE;
  const left = Math.floor((width - (text.length * glyphWidth + (text.length - 1) * gap)) / 2);
  const top = Math.floor((height - 7 * SCALE) / 2);
  [...text].forEach((char, index) => {
    const rows = GLYPHS[char];
    for (let y = 0; y < 7 * SCALE; y++) {
      const bits = parseInt(rows.slice(Math.floor(y / SCALE) * 2, Math.floor(y / SCALE) * 2 + 2), 16);
      for (let x = 0; x < glyphWidth; x++) {
        if (!((bits >> (4 - Math.floor(x / SCALE))) & 1)) continue;
        const px = left + index * (glyphWidth + gap) + x;
        const row = (top + y) * (rowBytes + 1) + 1;
        pixels[row + (px >> 3)] |= 0x80 >> (px & 7);
      }
    }
  });
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([1, 3, 0, 0, 0], 8);
  return writePng([
    { type: 'IHDR', data: header },
    { type: 'PLTE', data: Uint8Array.from([...colourOf(name), 255, 255, 255]) },
    { type: 'IDAT', data: zlibStored(pixels) },
    { type: 'IEND', data: new Uint8Array(0) },
  ]);
}
