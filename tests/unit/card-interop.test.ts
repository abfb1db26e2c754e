import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCardJson, importCard, parseCardJson, readPngCards } from '../../main/domain/cards';
import { newNpcPersona, type NpcPersona } from '../../main/domain/npc';

const ROOT = join(import.meta.dirname, '../..');
const CORPUS = join(ROOT, '../shared/corpora/cards');

const studioNpc: NpcPersona = {
  ...newNpcPersona({ id: 'npc-1', name: 'Mirela' }),
  description: 'Broad-shouldered, soot on her forearms.',
  personality: 'Gruff, fair.',
  role: 'blacksmith of Emberfall',
  speakingStyle: 'Short sentences, forge metaphors.',
  backstory: 'Took over the forge from her father.',
  goals: ['Get paid by the king', 'Train an apprentice'],
};

describe('character cards in the fields SillyTavern reads', () => {
  it.each(['v2', 'v3'] as const)('%s: role, backstory and goals join the description, speaking style the personality', (spec) => {
    const card = JSON.parse(exportCardJson(studioNpc, spec)) as { data: Record<string, string> };
    expect(card.data.description).toBe(
      'Broad-shouldered, soot on her forearms.\n\nRole: blacksmith of Emberfall\n\nBackstory: Took over the forge from her father.\n\nGoals:\n- Get paid by the king\n- Train an apprentice',
    );
    expect(card.data.personality).toBe('Gruff, fair.\n\nSpeaking style: Short sentences, forge metaphors.');
  });

  it('re-import gives each field back once, and text edited in another tool is kept whole', () => {
    const { persona } = importCard(exportCardJson(studioNpc, 'v2'), 'npc-1');
    expect({ ...persona, cardImport: undefined, extensions: {} }).toEqual({ ...studioNpc, cardImport: undefined });
    const again = importCard(exportCardJson(persona, 'v2'), 'npc-1').persona;
    expect(again.description).toBe(studioNpc.description);

    const card = JSON.parse(exportCardJson(studioNpc, 'v2')) as { data: Record<string, string> };
    card.data.description += ' Edited in SillyTavern.';
    expect(importCard(JSON.stringify(card), 'npc-1').persona.description).toBe(card.data.description);
  });

  it('an NPC with only studio fields still has a description', () => {
    const bare = { ...studioNpc, description: '', personality: '' };
    const card = JSON.parse(exportCardJson(bare, 'v3')) as { data: Record<string, string> };
    expect(card.data.description).toMatch(/^Role: blacksmith/);
    expect(importCard(JSON.stringify(card), 'npc-1').persona).toMatchObject({ description: '', personality: '', role: studioNpc.role });
  });
});

describe('chara_card_v3 with its fields at the top level and no data object', () => {
  const cards = existsSync(CORPUS)
    ? readdirSync(CORPUS)
        .filter((f) => /\.(json|png)$/.test(f) && !f.includes('worldinfo'))
        .map((f) => join(CORPUS, f))
    : [];

  it('imports, as SillyTavern does', () => {
    const { persona, spec } = importCard(
      JSON.stringify({
        spec: 'chara_card_v3',
        spec_version: '3.0',
        name: 'Flat',
        description: 'No data object.',
        first_mes: 'Hi.',
        tags: ['x'],
      }),
      'npc-1',
    );
    expect(spec).toBe('v3');
    expect(persona).toMatchObject({ name: 'Flat', description: 'No data object.', firstMessage: 'Hi.', tags: ['x'] });
  });

  it.runIf(cards.length > 0).each(cards)('%s flattened imports to the same NPC', (path) => {
    const document = path.endsWith('.png')
      ? (readPngCards(new Uint8Array(readFileSync(path))).ccv3 ?? readPngCards(new Uint8Array(readFileSync(path))).chara)!
      : parseCardJson(readFileSync(path, 'utf8'), path);
    if (document.spec === 'v1') return;
    const { data, ...envelope } = document.card;
    const flat = { ...envelope, ...(data as object), spec: 'chara_card_v3', spec_version: '3.0' };
    const original = importCard(JSON.stringify({ ...document.card, spec: 'chara_card_v3', spec_version: '3.0' }), 'npc-1').persona;
    const lenient = importCard(JSON.stringify(flat), 'npc-1').persona;
    expect({ ...lenient, cardImport: undefined }).toEqual({ ...original, cardImport: undefined });
  });
});
