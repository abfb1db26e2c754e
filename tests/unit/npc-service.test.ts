import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCardJson, exportCardPng, importCard } from '../../main/domain/cards';
import { newNpcPersona } from '../../main/domain/npc';
import { ProjectSession } from '../../main/core/project-session';
import type { Studio } from '../../main/core/studio';
import { snapshotDir } from '../helpers/dir-snapshot';
import { writeLegacyItem } from '../helpers/legacy-item';
import { callOk, makeStudio } from '../helpers/studio';
import { keepersLorebook } from '../helpers/large-lorebook';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(ROOT, 'tests/fixtures/cards');
const CORPUS = join(ROOT, '../shared/corpora/cards');

const cardFilesIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.(json|png)$/.test(f) && !/worldinfo|no-card/.test(f))
        .map((f) => join(dir, f))
    : [];
const CARD_FILES = [...cardFilesIn(FIXTURES), ...cardFilesIn(CORPUS)];
const base64Of = (path: string) => readFileSync(path).toString('base64');
/** The project files only: opening a project also records when, in the studio's settings. */
const projectFiles = (dir: string) =>
  Object.fromEntries(Object.entries(snapshotDir(dir)).filter(([name]) => !name.startsWith('.loreweaver')));

let largeCard: Uint8Array | undefined;
/** A V3 PNG card whose lorebook has as many entries as an NPC may have (4 MB): the studio reads it on a worker thread. */
const largeCardPng = () =>
  (largeCard ??= exportCardPng(
    {
      ...newNpcPersona({ id: 'archivist', name: 'Archivist' }),
      lorebook: keepersLorebook(10_000),
    },
    'v3',
  ));

/** What the codec says of a file it cannot read. */
function codecMessage(bytes: Uint8Array): string {
  try {
    importCard(bytes, 'npc');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the codec read the file');
}

async function exportAgain(studio: Studio, data: string, format: 'json' | 'png', spec: 'v2' | 'v3') {
  const { id } = await callOk(studio, 'npcs:importCard', { data });
  return callOk(studio, 'npcs:exportCard', { id, format, spec });
}

async function openStudio() {
  const dir = tempDir();
  const studio = makeStudio(dir);
  const project = await callOk(studio, 'projects:create', { name: 'NPCs' });
  await callOk(studio, 'projects:open', { id: project.id });
  return { studio, dir };
}

describe('npcs', () => {
  it('creates, lists, saves and deletes NPCs as content items with history', async () => {
    const { studio } = await openStudio();
    const created = await callOk(studio, 'npcs:create', { name: '  Mirela ', persona: { role: 'Smith', tags: ['forge'] } });
    expect(created).toMatchObject({ revision: 1, persona: { id: created.id, name: 'Mirela', role: 'Smith', tags: ['forge'], goals: [] } });

    const persona = { ...created.persona, personality: 'Gruff', goals: ['Forge the moon blade'] };
    const saved = await callOk(studio, 'npcs:save', { id: created.id, persona, baseRevision: 1 });
    expect(saved.revision).toBe(2);
    expect((await callOk(studio, 'npcs:get', { id: created.id })).persona).toEqual(persona);
    expect(await callOk(studio, 'npcs:list', {})).toEqual([
      { id: created.id, name: 'Mirela', role: 'Smith', tags: ['forge'], hasAvatar: false, revision: 2, updatedAt: saved.updatedAt },
    ]);
    expect((await callOk(studio, 'content:history', { id: created.id })).map((r) => r.op)).toEqual(['save', 'create']);
    const restored = await callOk(studio, 'content:restore', { id: created.id, revision: 1 });
    expect((await callOk(studio, 'npcs:get', { id: created.id })).persona).toEqual({ ...created.persona, id: restored.id });

    await callOk(studio, 'npcs:delete', { id: created.id });
    expect(await callOk(studio, 'npcs:list', {})).toEqual([]);
  });

  it('refuses a save based on a stale revision and keeps the newer persona', async () => {
    const { studio } = await openStudio();
    const { id, persona } = await callOk(studio, 'npcs:create', { name: 'Ada' });
    await callOk(studio, 'npcs:save', { id, persona: { ...persona, role: 'tab one' }, baseRevision: 1 });
    const stale = await studio.call('npcs:save', { id, persona: { ...persona, role: 'tab two' }, baseRevision: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await callOk(studio, 'npcs:get', { id })).persona.role).toBe('tab one');
  });

  it('reads an NPC that another connection or a restore rewrote as it is now, not as it was last read', async () => {
    const { studio } = await openStudio();
    const { id, persona } = await callOk(studio, 'npcs:create', { name: 'Ada' });
    await callOk(studio, 'npcs:save', { id, persona: { ...persona, role: 'smith' }, baseRevision: 1 });
    expect((await callOk(studio, 'npcs:get', { id })).persona.role).toBe('smith');

    const file = (await callOk(studio, 'projects:current', {}))!;
    const beside = ProjectSession.openBeside(file);
    try {
      const read = beside.npcs.get(id);
      beside.npcs.save(id, { ...read.persona, role: 'ferryman' }, read.revision);
    } finally {
      beside.close();
    }
    expect(await callOk(studio, 'npcs:get', { id })).toMatchObject({ revision: 3, persona: { role: 'ferryman' } });

    await callOk(studio, 'content:restore', { id, revision: 2 });
    expect(await callOk(studio, 'npcs:get', { id })).toMatchObject({ revision: 4, persona: { role: 'smith' } });
  });

  it('creates and saves an NPC with a 10,000-entry lorebook through its own connection, refusing a stale save', async () => {
    const { studio } = await openStudio();
    const { entries } = keepersLorebook(10_000);
    const created = await callOk(studio, 'npcs:create', { name: 'Archivist', persona: { lorebook: { extensions: {}, entries } } });
    expect(created).toMatchObject({ revision: 1, persona: { id: created.id, name: 'Archivist' } });
    const edited = {
      ...created.persona,
      lorebook: { extensions: {}, entries: entries.map((e, i) => (i === 3 ? { ...e, content: 'The last page.' } : e)) },
    };
    const saved = await callOk(studio, 'npcs:save', { id: created.id, persona: edited, baseRevision: 1 });
    expect(saved.revision).toBe(2);
    expect(await studio.call('npcs:save', { id: created.id, persona: edited, baseRevision: 1 })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    const read = await callOk(studio, 'npcs:get', { id: created.id });
    expect(read.persona.lorebook?.entries).toHaveLength(10_000);
    expect(read.persona.lorebook?.entries[3].content).toBe('The last page.');
    expect(await callOk(studio, 'search:query', { text: 'last page' })).toEqual([expect.objectContaining({ id: created.id })]);
    expect((await callOk(studio, 'content:history', { id: created.id })).map((r) => r.revision)).toEqual([2, 1]);

    const restored = await callOk(studio, 'content:restore', { id: created.id, revision: 1 });
    expect(restored.revision).toBe(3);
    expect((await callOk(studio, 'npcs:get', { id: created.id })).persona.lorebook?.entries[3].content).toBe("Entry 3: the keeper's log.");
    await callOk(studio, 'npcs:delete', { id: created.id });
    expect(await callOk(studio, 'npcs:list', {})).toEqual([]);
    expect((await callOk(studio, 'content:history', { id: created.id }))[0]).toMatchObject({ revision: 4, op: 'delete' });
  });

  it('opens a notes-only NPC from an older project as a persona, and refuses other kinds', async () => {
    const { studio } = await openStudio();
    const old = await writeLegacyItem(studio, 'npc', 'Old Tom', { notes: 'Sells eels' });
    expect((await callOk(studio, 'npcs:get', { id: old.id })).persona).toMatchObject({
      id: old.id,
      name: 'Old Tom',
      creatorNotes: 'Sells eels',
      role: '',
    });
    expect((await callOk(studio, 'npcs:list', {}))[0]).toMatchObject({ name: 'Old Tom', role: '', tags: [], hasAvatar: false });

    const story = await callOk(studio, 'content:create', { kind: 'story', name: 'Prologue' });
    expect(await studio.call('npcs:get', { id: story.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await studio.call('npcs:delete', { id: story.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('says when an NPC was saved by a newer studio', async () => {
    const { studio } = await openStudio();
    const item = await writeLegacyItem(studio, 'npc', 'Future', { schemaVersion: 99 });
    expect(await studio.call('npcs:get', { id: item.id })).toMatchObject({ ok: false, error: { code: 'project_too_new' } });
  });

  it.each(CARD_FILES.map((path) => [path.slice(ROOT.length + 1), path]))(
    'imports %s and exports it in its spec, stable over further round trips',
    async (_name, path) => {
      const { studio } = await openStudio();
      const imported = await callOk(studio, 'npcs:importCard', { data: base64Of(path) });
      const reference = importCard(new Uint8Array(readFileSync(path)), imported.id);
      expect(imported.persona).toEqual(reference.persona);
      expect((await callOk(studio, 'npcs:list', {}))[0]).toMatchObject({ id: imported.id, hasAvatar: path.endsWith('.png') });

      const spec = reference.spec === 'v3' ? 'v3' : 'v2';
      for (const format of ['json', 'png'] as const) {
        const first = await callOk(studio, 'npcs:exportCard', { id: imported.id, format, spec });
        expect(first.mimeType).toBe(format === 'json' ? 'application/json' : 'image/png');
        expect(first.fileName).toMatch(new RegExp(`\\.${spec}\\.${format}$`));
        // The first export may add what the spec lets an exporter add (codec tests check which); from then on it is stable.
        const second = await exportAgain(studio, first.data, format, spec);
        expect(await exportAgain(studio, second.data, format, spec)).toEqual(second);
        expect(importCard(new Uint8Array(Buffer.from(second.data, 'base64')), 'x').persona.name).toBe(imported.persona.name);
      }
    },
  );

  it('imports a card by path and keeps the original card JSON on export', async () => {
    const { studio } = await openStudio();
    const path = join(FIXTURES, 'mirela.v2.json');
    const imported = await callOk(studio, 'npcs:importCard', { path });
    const file = await callOk(studio, 'npcs:exportCard', { id: imported.id, format: 'json', spec: 'v2' });
    expect(JSON.parse(Buffer.from(file.data, 'base64').toString('utf8'))).toMatchObject(JSON.parse(readFileSync(path, 'utf8')));
  });

  it.each([
    ['bad base64', { data: 'not base64 at all!' }, 'not valid base64'],
    ['a PNG without a card', { data: base64Of(join(FIXTURES, 'no-card.png')) }, 'no character card'],
    ['world info', { data: base64Of(join(FIXTURES, 'tavern.worldinfo.json')) }, "import it into an NPC's lorebook"],
    ['a wrong spec', { data: Buffer.from('{"spec":"chara_card_v9","data":{}}').toString('base64') }, 'chara_card_v9'],
  ])('refuses %s as invalid input and changes nothing on disk', async (_what, input, message) => {
    const { studio, dir } = await openStudio();
    await callOk(studio, 'npcs:create', { name: 'Keep me' });
    await callOk(studio, 'projects:close', {});
    const before = projectFiles(dir);
    const [project] = await callOk(studio, 'projects:list', {});
    await callOk(studio, 'projects:open', { id: project.id });

    const result = await studio.call('npcs:importCard', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!result.ok && result.error.message).toContain(message);
    expect((await callOk(studio, 'npcs:list', {})).map((n) => n.name)).toEqual(['Keep me']);
    await callOk(studio, 'projects:close', {});
    expect(projectFiles(dir)).toEqual(before);
  });

  it('refuses a missing or oversized card file by path', async () => {
    const { studio, dir } = await openStudio();
    expect(await studio.call('npcs:importCard', { path: join(dir, 'nope.png') })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, Buffer.alloc(65 * 1024 * 1024, 0x20));
    expect(await studio.call('npcs:importCard', { path: huge })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('asks before importing a card whose NPC exists: update it in place, or keep both under distinct names', async () => {
    const { studio } = await openStudio();
    const card = base64Of(join(FIXTURES, 'mirela.v3.json'));
    expect(await callOk(studio, 'npcs:cardMatches', { data: card })).toEqual({ name: 'Mirela', matches: [] });
    const first = await callOk(studio, 'npcs:importCard', { data: card });
    const authored = { ...first.persona, role: 'smith of Emberfall', backstory: 'Lost her forge to the flood.', description: 'Old text.' };
    const saved = await callOk(studio, 'npcs:save', { id: first.id, persona: authored });

    const { matches } = await callOk(studio, 'npcs:cardMatches', { data: card });
    expect(matches).toEqual([expect.objectContaining({ id: first.id, name: 'Mirela', role: 'smith of Emberfall' })]);

    const updated = await callOk(studio, 'npcs:importCard', { data: card, onExisting: { update: first.id } });
    expect(updated).toMatchObject({ id: first.id, revision: saved.revision + 1 });
    // The card's own fields win; the studio's fields it does not carry stay as the creator wrote them.
    expect(updated.persona).toMatchObject({
      description: 'Blacksmith of Emberfall.',
      role: 'smith of Emberfall',
      backstory: 'Lost her forge to the flood.',
    });

    const second = await callOk(studio, 'npcs:importCard', { data: card, onExisting: 'keepBoth' });
    const third = await callOk(studio, 'npcs:importCard', { data: card, onExisting: 'keepBoth' });
    expect([second.persona.name, third.persona.name]).toEqual(['Mirela (2)', 'Mirela (3)']);
    expect((await callOk(studio, 'npcs:list', {})).map((n) => n.name)).toEqual(['Mirela', 'Mirela (2)', 'Mirela (3)']);
    expect((await callOk(studio, 'npcs:cardMatches', { data: card })).matches.map((n) => n.id)).toEqual([first.id]);
    expect(await studio.call('npcs:importCard', { data: card, onExisting: { update: 'gone' } })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('keeps both under a name past the limit only as an invalid NPC', async () => {
    const { studio } = await openStudio();
    const card = Buffer.from(exportCardJson(newNpcPersona({ id: 'n', name: 'N'.repeat(1000) }), 'v2')).toString('base64');
    await callOk(studio, 'npcs:importCard', { data: card });
    const result = await studio.call('npcs:importCard', { data: card, onExisting: 'keepBoth' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!result.ok && result.error.message).toMatch(/^The NPC is not valid: name: /);
    expect(await callOk(studio, 'npcs:list', {})).toHaveLength(1);
  });

  it('imports a card with a 10,000-entry lorebook whole, and exports it whole', async () => {
    const { studio } = await openStudio();
    const data = Buffer.from(largeCardPng()).toString('base64');
    expect(await callOk(studio, 'npcs:cardMatches', { data })).toEqual({ name: 'Archivist', matches: [] });

    const imported = await callOk(studio, 'npcs:importCard', { data });
    expect(imported.persona).toEqual(importCard(largeCardPng(), imported.id).persona);
    expect(imported.persona.lorebook?.entries).toHaveLength(10_000);
    expect((await callOk(studio, 'npcs:get', { id: imported.id })).persona).toEqual(imported.persona);

    const file = await callOk(studio, 'npcs:exportCard', { id: imported.id, format: 'png', spec: 'v3' });
    expect(file).toMatchObject({ fileName: 'Archivist.v3.png', mimeType: 'image/png' });
    expect(importCard(new Uint8Array(Buffer.from(file.data, 'base64')), 'again').persona.lorebook?.entries).toEqual(
      imported.persona.lorebook?.entries,
    );

    const both = await callOk(studio, 'npcs:importCard', { data: file.data, onExisting: 'keepBoth' });
    expect(both.persona.name).toBe('Archivist (2)');
    expect(both.persona.lorebook?.entries).toHaveLength(10_000);
  });

  it('refuses a damaged large card with what the codec says, and writes nothing', async () => {
    const { studio } = await openStudio();
    const damaged = largeCardPng().slice();
    // A byte of the last card chunk (before IEND's 12 bytes and its own CRC): the chunk's CRC no longer matches.
    damaged[damaged.length - 40] ^= 0x01;
    const notBase64 = `${Buffer.from(largeCardPng()).toString('base64')}!`;
    for (const [data, message] of [
      [Buffer.from(damaged).toString('base64'), codecMessage(damaged)],
      [notBase64, 'The card data is not valid base64'],
    ]) {
      const result = await studio.call('npcs:importCard', { data });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(!result.ok && result.error.message).toContain(message);
    }
    expect(codecMessage(damaged)).toMatch(/CRC/);
    expect(await callOk(studio, 'npcs:list', {})).toEqual([]);
  });

  it('finds an NPC by its lorebook text, not by its avatar data', async () => {
    const { studio } = await openStudio();
    const imported = await callOk(studio, 'npcs:importCard', { data: base64Of(join(FIXTURES, 'mirela.v3.png')) });
    const avatar = { kind: 'dataUrl' as const, dataUrl: `data:image/png;base64,${'QUJD'.repeat(100_000)}` };
    const lorebook = {
      extensions: {},
      entries: [{ keys: ['moon'], content: 'The quicksilver quarry', enabled: true, insertionOrder: 0, extensions: {} }],
    };
    await callOk(studio, 'npcs:save', { id: imported.id, persona: { ...imported.persona, avatar, lorebook } });
    expect((await callOk(studio, 'search:query', { text: 'quicksilver' })).map((h) => h.id)).toEqual([imported.id]);
    expect(await callOk(studio, 'search:query', { text: 'QUJD' })).toEqual([]);
    expect(await callOk(studio, 'npcs:avatar', { id: imported.id })).toEqual({ dataUrl: avatar.dataUrl });
  });

  it('needs an open project', async () => {
    const studio = makeStudio(tempDir());
    expect(await studio.call('npcs:list', {})).toMatchObject({ ok: false, error: { code: 'no_project' } });
  });
});
