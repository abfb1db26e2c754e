import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CardError, importCard, importLorebook, readPngChunks, writePng, type CardErrorCode } from '../../main/domain/cards';
import { textChunk } from '../../main/domain/cards/png';

const FIXTURES = join(import.meta.dirname, '../fixtures/cards');
const cardPng = new Uint8Array(readFileSync(join(FIXTURES, 'mirela.v3.png')));
const plainPng = new Uint8Array(readFileSync(join(FIXTURES, 'no-card.png')));
const v2 = JSON.parse(readFileSync(join(FIXTURES, 'mirela.v2.json'), 'utf8'));

const rejection = (input: Uint8Array | string): { code: CardErrorCode; message: string } => {
  try {
    importCard(input, 'npc-1');
  } catch (error) {
    if (error instanceof CardError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('imported');
};

/** The plain PNG with extra tEXt chunks before IEND. */
const pngWith = (...chunks: { keyword: string; text: string }[]) => {
  const base = readPngChunks(plainPng);
  return writePng([...base.slice(0, -1), ...chunks.map((c) => textChunk(c.keyword, c.text)), base[base.length - 1]]);
};
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
const withData = (patch: Record<string, unknown>) => JSON.stringify({ ...v2, data: { ...v2.data, ...patch } });

describe('malformed cards are rejected with clear errors', () => {
  it.each<[string, string | Uint8Array, CardErrorCode, string]>([
    ['invalid JSON', '{"spec": "chara_card_v2", ', 'bad_json', 'The card file is not valid JSON'],
    ['invalid UTF-8', Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d), 'bad_json', 'The card file is not valid UTF-8 text'],
    ['a JSON array', '[1, 2]', 'not_a_card', 'not a JSON object'],
    ['an unrelated object', '{"hello": "world"}', 'not_a_card', 'it has no "spec" and no character fields'],
    ['an unknown spec', '{"spec": "chara_card_v9", "data": {}}', 'unsupported_spec', 'uses card spec "chara_card_v9"'],
    [
      'a V3 card from the future',
      '{"spec": "chara_card_v3", "spec_version": "4.0", "data": {"name": "x"}}',
      'unsupported_spec',
      'spec_version "4.0"',
    ],
    ['a V2 card without data', '{"spec": "chara_card_v2", "spec_version": "2.0"}', 'invalid_card', 'has no "data" object'],
    ['a card without a name', withData({ name: undefined }), 'invalid_card', 'data.name is missing'],
    ['a mistyped field', withData({ tags: 'a, b' }), 'invalid_card', 'data.tags must be a list of texts'],
    [
      'a mistyped lorebook entry',
      withData({ character_book: { entries: [{ keys: 'forge', content: '' }] } }),
      'invalid_card',
      'data.character_book.entries[0].keys must be a list of texts',
    ],
    [
      'a huge field',
      withData({ description: 'x'.repeat(200_001) }),
      'too_large',
      'data.description is 200,001 characters long; the limit is 200,000',
    ],
    [
      'a huge greeting list',
      withData({ alternate_greetings: Array(1001).fill('hi') }),
      'too_large',
      'data.alternate_greetings has 1001 items',
    ],
    [
      'hostile nesting',
      withData({ extensions: { deep: 'DEEP' } }).replace('"DEEP"', `${'['.repeat(5000)}${']'.repeat(5000)}`),
      'too_large',
      'nested more than 64 levels',
    ],
    [
      'an oversized file',
      `{"spec":"chara_card_v2","data":{"name":"${'x'.repeat(16 * 1024 * 1024)}"}}`,
      'too_large',
      'the limit is 16,777,216',
    ],
  ])('%s', (_, input, code, message) => {
    const error = rejection(input);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it('a PNG without a card', () => {
    expect(rejection(plainPng)).toEqual({
      code: 'no_card_in_png',
      message: 'The PNG has no character card in it (no "chara" or "ccv3" text chunk)',
    });
  });

  it('a truncated PNG', () => {
    for (const length of [20, 40, cardPng.length - 5]) {
      const error = rejection(cardPng.subarray(0, length));
      expect(error.code).toBe('bad_png');
      expect(error.message).toMatch(/truncated/);
    }
  });

  it('a PNG with a damaged chunk (bad CRC)', () => {
    const damaged = cardPng.slice();
    const idat = Buffer.from(damaged).indexOf('IDAT');
    damaged[idat + 6] ^= 0xff;
    expect(rejection(damaged)).toEqual({
      code: 'bad_crc',
      message: expect.stringMatching(/CRC of its IDAT chunk at byte \d+ does not match/),
    });
  });

  it('a PNG with a damaged chunk header', () => {
    const damaged = cardPng.slice();
    damaged[12] = 0x21;
    expect(rejection(damaged).code).toBe('bad_png');
  });

  it('a card chunk that is not base64', () => {
    expect(rejection(pngWith({ keyword: 'chara', text: 'eyJuYW1lIjo*' }))).toEqual({
      code: 'bad_base64',
      message: `The PNG's "chara" card is not valid base64: unexpected "*" at position 11`,
    });
    expect(rejection(pngWith({ keyword: 'chara', text: 'eyJuYW1lI' })).code).toBe('bad_base64');
  });

  it('a card chunk whose base64 holds no JSON or the wrong spec', () => {
    expect(rejection(pngWith({ keyword: 'ccv3', text: Buffer.from('not json').toString('base64') })).code).toBe('bad_json');
    expect(rejection(pngWith({ keyword: 'ccv3', text: b64({ spec: 'chara_card_v9', data: {} }) }))).toMatchObject({
      code: 'unsupported_spec',
      message: expect.stringContaining(`The PNG's "ccv3" card uses card spec "chara_card_v9"`),
    });
  });

  it('accepts the base64 variations real tools write', () => {
    const json = JSON.stringify({ spec: 'chara_card_v2', spec_version: '2.0', data: { name: 'Ünïcødé ✓' } });
    const standard = Buffer.from(json).toString('base64');
    const unpadded = standard.replace(/=+$/, '');
    const urlSafe = Buffer.from(json).toString('base64url');
    const wrapped = standard.replace(/(.{76})/g, '$1\n');
    for (const text of [standard, unpadded, urlSafe, wrapped]) {
      expect(importCard(pngWith({ keyword: 'chara', text }), 'npc-1').persona.name).toBe('Ünïcødé ✓');
    }
  });

  it('a lorebook file that is not one', () => {
    const lorebookError = (input: string) => {
      try {
        importLorebook(input);
      } catch (error) {
        return (error as CardError).code;
      }
      return 'imported';
    };
    expect(lorebookError('{"name": "x"}')).toBe('not_a_card');
    expect(lorebookError('{"entries": {"0": 5}}')).toBe('invalid_card');
    expect(lorebookError('{"entries": {"0": {"key": "x"}}}')).toBe('invalid_card');
    expect(lorebookError('nope')).toBe('bad_json');
  });
});
