import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CardError,
  exportCardJson,
  exportCardPng,
  importCard,
  importLorebook,
  parseCardJson,
  personaToCard,
  readPngCards,
  readPngChunks,
  cardToPersona,
  type CardDocument,
} from '../../main/domain/cards';
import { NpcPersona } from '../../main/domain/npc';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/cards');
const CORPUS = join(ROOT, '../shared/corpora/cards');

const bytesOf = (path: string) => new Uint8Array(readFileSync(path));
const filesIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.(json|png)$/.test(f))
        .map((f) => join(dir, f))
    : [];
const CARD_FILES = [...filesIn(FIXTURES), ...filesIn(CORPUS)].filter((path) => !/worldinfo|no-card/.test(path));
const WORLD_INFO_FILES = [...filesIn(FIXTURES), ...filesIn(CORPUS)].filter((path) => path.includes('worldinfo'));

/** Every card document in a file: one for JSON, one per card chunk for PNG. */
function documentsOf(path: string): [string, CardDocument][] {
  if (path.endsWith('.json')) return [['json', parseCardJson(readFileSync(path, 'utf8'), path)]];
  const { chara, ccv3 } = readPngCards(bytesOf(path));
  return [
    ['chara', chara],
    ['ccv3', ccv3],
  ].filter((entry): entry is [string, CardDocument] => entry[1] !== undefined);
}

/**
 * What the spec lets an exporter add: fields it requires that the original lacked, with
 * their empty defaults. Anything else added, and anything changed or removed, is a failure.
 */
const ALLOWED_ADDITIONS: [RegExp, unknown[]][] = [
  [
    /^data\.(description|personality|scenario|first_mes|mes_example|creator_notes|system_prompt|post_history_instructions|creator|character_version)$/,
    [''],
  ],
  [/^data\.(alternate_greetings|tags|group_only_greetings)$/, [[]]],
  [/^data\.extensions$/, [{}]],
  [/^data\.character_book\.(extensions|entries)$/, [{}, []]],
  [/^data\.character_book\.entries\.\d+\.(extensions|keys)$/, [{}, []]],
  [/^data\.character_book\.entries\.\d+\.use_regex$/, [false]],
  [/^data\.character_book\.entries\.\d+\.enabled$/, [true]],
  [/^data\.character_book\.entries\.\d+\.(insertion_order)$/, [0]],
];

function differences(original: unknown, exported: unknown, path = ''): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(original) && isObject(exported)) {
    const found: string[] = [];
    for (const key of new Set([...Object.keys(original), ...Object.keys(exported)])) {
      const at = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(exported, key)) found.push(`removed ${at}`);
      else if (!Object.hasOwn(original, key)) {
        const allowed = ALLOWED_ADDITIONS.some(
          ([pattern, values]) => pattern.test(at) && values.some((v) => JSON.stringify(v) === JSON.stringify(exported[key])),
        );
        if (!allowed) found.push(`added ${at} = ${JSON.stringify(exported[key])}`);
      } else found.push(...differences(original[key], exported[key], at));
    }
    return found;
  }
  if (Array.isArray(original) && Array.isArray(exported) && original.length === exported.length) {
    return original.flatMap((item, i) => differences(item, exported[i], `${path}.${i}`));
  }
  return JSON.stringify(original) === JSON.stringify(exported) ? [] : [`changed ${path}`];
}

const exportSpec = (document: CardDocument) => (document.spec === 'v3' ? 'v3' : 'v2');

const cardError = (run: () => unknown): CardError => {
  try {
    run();
  } catch (error) {
    if (error instanceof CardError) return error;
    throw error;
  }
  throw new Error('no CardError');
};

describe('card round trips', () => {
  it('has fixtures to test (and the corpus, where present)', () => {
    expect(CARD_FILES.length).toBeGreaterThanOrEqual(4);
  });

  for (const path of CARD_FILES) {
    for (const [where, document] of documentsOf(path)) {
      if (document.spec === 'v1') continue;
      it(`${path.slice(ROOT.length - 4)} (${where}, ${document.spec}) exports back to the same card`, () => {
        const persona = cardToPersona(document, 'npc-1');
        expect(NpcPersona.safeParse(persona).error).toBeUndefined();
        const exported = personaToCard(persona, exportSpec(document));
        expect(differences(document.card, exported)).toEqual([]);
        expect(JSON.parse(JSON.stringify(exported))).toEqual(exported);
      });
    }
  }

  it('upgrades a V1 card to V2 and keeps its top-level fields for V1 readers', () => {
    const { persona, spec } = importCard(bytesOf(join(FIXTURES, 'legacy.v1.json')), 'npc-1');
    expect(spec).toBe('v1');
    expect(persona).toMatchObject({ name: 'Old Tom', firstMessage: 'Two coins to cross.', scenario: 'At the river crossing.' });
    const card = personaToCard({ ...persona, firstMessage: 'Three coins now.' }, 'v2');
    expect(card).toMatchObject({
      spec: 'chara_card_v2',
      first_mes: 'Three coins now.',
      metadata: { created: 1680000000 },
      data: { first_mes: 'Three coins now.' },
    });
    expect(card.data).not.toHaveProperty('metadata');
  });
});

describe('card import', () => {
  it('maps a V2 card onto every persona field, studio fields included', () => {
    const { persona, spec, format } = importCard(bytesOf(join(FIXTURES, 'mirela.v2.json')), 'npc-1');
    expect([spec, format]).toEqual(['v2', 'json']);
    expect(persona).toMatchObject({
      id: 'npc-1',
      name: 'Mirela',
      role: 'blacksmith of Emberfall',
      speakingStyle: 'Short sentences, forge metaphors.',
      backstory: 'Took over the forge from her father.',
      goals: ['Get paid by the king', 'Train an apprentice'],
      firstMessage: "*The hammer stops.* Door's open, heat's free. Blades cost extra.",
      systemPrompt: 'You are {{char}}. Stay in character.',
      postHistoryInstructions: 'Keep replies under 80 words.',
      alternateGreetings: ['Back again? Good. The bellows need a strong arm.', 'Ñandú feathers? No. Steel, yes. 鉄も。'],
      tags: ['blacksmith', 'fantasy', 'npc'],
      creator: 'Loreweaver tests',
      characterVersion: '1.2',
      avatar: null,
    });
    expect(persona.extensions).toEqual({
      loreweaver: {},
      depth_prompt: { prompt: '', depth: 4, role: 'system' },
      talkativeness: '0.6',
      fav: false,
    });
    expect(persona.lorebook).toMatchObject({ name: 'Emberfall', scanDepth: 4, tokenBudget: 600, recursiveScanning: false });
    expect(persona.lorebook!.entries[0]).toEqual({
      keys: ['forge', 'anvil'],
      secondaryKeys: ['fire'],
      content: 'The forge has burned for three generations.',
      enabled: true,
      insertionOrder: 100,
      caseSensitive: false,
      constant: false,
      position: 'before_char',
      name: 'The forge',
      priority: 10,
      id: 1,
      comment: 'core lore',
      selective: true,
      extensions: { position: 0, probability: null },
      unknownFields: { uid: 7 },
    });
    expect(persona.lorebook!.entries[1]).toEqual({
      keys: ['king'],
      content: 'The king owes Mirela for forty swords.',
      enabled: false,
      insertionOrder: 50,
      extensions: {},
      unknownFields: { priority: null },
    });
    expect(persona.cardImport).toMatchObject({ spec: 'v2', unknownFields: { x_tool_field: { kept: true } } });
  });

  it('maps the V3-only fields', () => {
    const { persona } = importCard(readFileSync(join(FIXTURES, 'mirela.v3.json'), 'utf8'), 'npc-1');
    expect(persona).toMatchObject({
      nickname: 'Mira',
      creatorNotesMultilingual: { en: 'Every V3 field.', de: 'Jedes V3-Feld.' },
      source: ['https://example.com/mirela'],
      groupOnlyGreetings: ['Everyone, mind the sparks.'],
      creationDate: 1735689600,
      modificationDate: 1735776000,
      assets: [expect.objectContaining({ type: 'icon', uri: 'ccdefault:' }), expect.objectContaining({ name: 'angry' })],
    });
    expect(persona.lorebook!.entries[0]).toMatchObject({
      useRegex: true,
      caseSensitive: true,
      constant: true,
      content: '@@depth 4\nSwords are her pride.',
    });
  });

  it('prefers the ccv3 chunk of a PNG and keeps the image, without card chunks, as the avatar', () => {
    const { persona, spec, format } = importCard(bytesOf(join(FIXTURES, 'mirela.v3.png')), 'npc-1');
    expect([spec, format, persona.nickname]).toEqual(['v3', 'png', 'Mira']);
    expect(persona.avatar?.kind).toBe('dataUrl');
    const avatar = Buffer.from((persona.avatar as { dataUrl: string }).dataUrl.split(',')[1], 'base64');
    const types = readPngChunks(new Uint8Array(avatar)).map((c) => c.type);
    expect(types).toEqual(['IHDR', 'tEXt', 'IDAT', 'IEND']);
  });

  it('round-trips a persona through JSON and PNG exports in both specs', () => {
    const { persona } = importCard(bytesOf(join(FIXTURES, 'mirela.v2.json')), 'npc-1');
    const edited: NpcPersona = { ...persona, description: 'Edited.', goals: ['One goal'], speakingStyle: '' };
    for (const spec of ['v2', 'v3'] as const) {
      // V3 requires use_regex on every entry, so it comes back explicit.
      const entries = edited.lorebook!.entries.map((entry) => (spec === 'v3' ? { ...entry, useRegex: entry.useRegex ?? false } : entry));
      const expected = { ...edited, lorebook: { ...edited.lorebook!, entries }, cardImport: undefined };
      const viaJson = importCard(exportCardJson(edited, spec), 'npc-1').persona;
      expect({ ...viaJson, cardImport: undefined }).toEqual(expected);
      const viaPng = importCard(exportCardPng(edited, spec), 'npc-1').persona;
      expect({ ...viaPng, cardImport: undefined, avatar: null }).toEqual(expected);
    }
  });

  it('writes the studio fields under extensions.loreweaver only when there are any', () => {
    const { persona } = importCard(bytesOf(join(FIXTURES, 'legacy.v1.json')), 'npc-1');
    expect((personaToCard(persona, 'v2').data as { extensions: object }).extensions).toEqual({});
    const card = personaToCard({ ...persona, role: 'ferryman', goals: ['Retire'] }, 'v2');
    expect((card.data as { extensions: object }).extensions).toEqual({ loreweaver: { role: 'ferryman', goals: ['Retire'] } });
  });
});

describe('PNG export', () => {
  it('embeds V3 as ccv3 plus V2 as chara, replacing old card chunks and keeping the rest', () => {
    const original = bytesOf(join(FIXTURES, 'mirela.v3.png'));
    const { persona } = importCard(original, 'npc-1');
    const renamed = { ...persona, name: 'Mirela the Elder' };
    const png = exportCardPng(renamed, 'v3', original);
    const chunks = readPngChunks(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'tEXt', 'IDAT', 'tEXt', 'tEXt', 'IEND']);
    const { chara, ccv3 } = readPngCards(png);
    expect(ccv3?.card).toMatchObject({ spec: 'chara_card_v3', data: { name: 'Mirela the Elder', nickname: 'Mira' } });
    expect(chara?.card).toMatchObject({ spec: 'chara_card_v2', data: { name: 'Mirela the Elder' } });
    expect(chara?.card.data).not.toHaveProperty('nickname');
    expect(readPngChunks(original).filter((c) => c.type === 'IDAT')).toEqual(chunks.filter((c) => c.type === 'IDAT'));
  });

  it('re-embeds a corpus PNG card into its own image and reads back the same card', () => {
    const pngs = CARD_FILES.filter((path) => path.endsWith('.png'));
    for (const path of pngs) {
      const { persona, spec } = importCard(bytesOf(path), 'npc-1');
      const exported = readPngCards(exportCardPng(persona, spec === 'v3' ? 'v3' : 'v2'));
      const original = readPngCards(bytesOf(path));
      const [before, after] = spec === 'v3' ? [original.ccv3!, exported.ccv3!] : [original.chara!, exported.chara!];
      expect(differences(before.card, after.card), path).toEqual([]);
      expect(Buffer.from(exported.image).equals(Buffer.from(original.image)), path).toBe(true);
    }
  });

  it('draws a 400×600 card of the initials when there is no PNG avatar', () => {
    const { persona } = importCard(bytesOf(join(FIXTURES, 'mirela.v3.json')), 'npc-1');
    const png = exportCardPng({ ...persona, avatar: { kind: 'asset', assetId: 'a1' } }, 'v2');
    const chunks = readPngChunks(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'tEXt', 'IEND']);
    expect([Buffer.from(chunks[0].data).readUInt32BE(0), Buffer.from(chunks[0].data).readUInt32BE(4)]).toEqual([400, 600]);
    expect(readPngCards(png).ccv3).toBeUndefined();
  });
});

describe('lorebooks that are not cards', () => {
  it.each(WORLD_INFO_FILES)('%s is refused as a card with a pointer to lorebook import', (path) => {
    const error = cardError(() => importCard(bytesOf(path), 'npc-1'));
    expect(error.code).toBe('lorebook_not_card');
    expect(error.message).toContain("import it into an NPC's lorebook instead");
    const book = importLorebook(bytesOf(path));
    expect(book.entries.length).toBeGreaterThan(0);
    for (const entry of book.entries) expect(entry.keys.length).toBeGreaterThan(0);
  });

  it('imports SillyTavern world info entries the way SillyTavern converts them', () => {
    const book = importLorebook(readFileSync(join(FIXTURES, 'tavern.worldinfo.json'), 'utf8'));
    expect(book.name).toBe('The Rusty Tankard');
    expect(book.entries).toEqual([
      {
        id: 0,
        keys: ['tankard', 'tavern'],
        secondaryKeys: [],
        comment: 'the place',
        content: 'A low tavern by the docks.',
        constant: false,
        selective: false,
        insertionOrder: 100,
        enabled: true,
        position: 'before_char',
        extensions: { probability: 100, useProbability: true, position: 0 },
      },
      {
        id: 1,
        keys: ['Bram'],
        secondaryKeys: ['barkeep'],
        comment: '',
        content: 'Bram pours short measures.',
        constant: true,
        selective: true,
        insertionOrder: 90,
        enabled: false,
        caseSensitive: true,
        position: 'after_char',
        extensions: { depth: 2, position: 4 },
      },
    ]);
  });

  it('imports a character_book saved on its own', () => {
    const card = JSON.parse(readFileSync(join(FIXTURES, 'mirela.v2.json'), 'utf8'));
    const book = importLorebook(JSON.stringify(card.data.character_book));
    expect(book.entries.map((e) => e.keys)).toEqual([['forge', 'anvil'], ['king']]);
  });
});
