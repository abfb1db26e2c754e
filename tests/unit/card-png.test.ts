import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, decodeBase64, encodeBase64, exportCardPng, readPngChunks, writePng } from '../../main/domain/cards';
import { defaultAvatarPng, initials } from '../../main/domain/cards/default-avatar';
import { readTextChunk, textChunk } from '../../main/domain/cards/png';
import { newNpcPersona } from '../../main/domain/npc';

describe('card codec primitives', () => {
  it('crc32 matches the standard check value and zlib', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 31 + 7) & 0xff);
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    expect(crc32(bytes.subarray(0, 4000), bytes.subarray(4000))).toBe(zlibCrc32(bytes));
  });

  it('base64 matches Buffer for every length and round-trips', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + length) & 0xff);
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(text, 'x')).toEqual(bytes);
    }
    const big = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) & 0xff);
    expect(encodeBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('base64 decoding refuses garbage, data after padding and truncation', () => {
    expect(() => decodeBase64('ab$c', 'the chunk')).toThrow('the chunk is not valid base64: unexpected "$" at position 2');
    expect(() => decodeBase64('YQ==YQ==', 'x')).toThrow(/unexpected "Y" at position 4/);
    expect(() => decodeBase64('YWJjZ', 'x')).toThrow(/truncated/);
    expect(() => decodeBase64('é', 'x')).toThrow(/unexpected "é"/);
  });

  it('writes PNGs that read back chunk for chunk, with CRCs zlib agrees with', () => {
    const chunks = readPngChunks(defaultAvatarPng('Mirela'));
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    expect(inflateSync(chunks[2].data)).toHaveLength(600 * 51);
    const withText = writePng([chunks[0], chunks[1], chunks[2], textChunk('Comment', 'Hello, forge'), chunks[3]]);
    const reread = readPngChunks(withText);
    expect(readTextChunk(reread[3])).toEqual({ keyword: 'Comment', text: 'Hello, forge' });
    const view = new DataView(withText.buffer);
    const textAt = 8 + 25 + (12 + chunks[1].data.length) + (12 + chunks[2].data.length);
    expect(view.getUint32(textAt + 8 + reread[3].data.length)).toBe(
      zlibCrc32(withText.subarray(textAt + 4, textAt + 8 + reread[3].data.length)),
    );
  });

  it('embeds a card in an image that keeps its pixels', () => {
    const png = exportCardPng({ ...newNpcPersona({ id: 'n', name: 'Tiny' }) }, 'v3');
    const chunks = readPngChunks(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'tEXt', 'tEXt', 'IEND']);
    expect(chunks.slice(3, 5).map((c) => readTextChunk(c).keyword)).toEqual(['chara', 'ccv3']);
  });

  it('draws the initials in white on a colour of the name', () => {
    expect([initials('Élodie de la Cour'), initials('tiny'), initials('李 Wei'), initials('…')]).toEqual(['ED', 'T', 'W', '']);
    const [header, palette, data] = readPngChunks(defaultAvatarPng('Tiny'));
    expect([...header.data.subarray(8)]).toEqual([1, 3, 0, 0, 0]);
    expect([...palette.data.subarray(3)]).toEqual([255, 255, 255]);
    expect([...palette.data.subarray(0, 3)]).not.toEqual([...readPngChunks(defaultAvatarPng('Mirela'))[1].data.subarray(0, 3)]);
    const rows = inflateSync(data.data);
    let white = 0;
    for (let i = 0; i < rows.length; i++) if (i % 51) for (let bit = 0; bit < 8; bit++) white += (rows[i] >> bit) & 1;
    // T is eleven dots of the 5×7 font (a bar of five, a stem of six), each drawn 24×24.
    expect(white).toBe(11 * 24 * 24);
  });
});
