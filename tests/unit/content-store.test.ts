import { describe, expect, it } from 'vitest';
import { ftsQuery } from '../../main/core/content/content-store';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const story = (markdown: string) => ({ schemaVersion: 1, markdown, lore: false });

async function openStudio() {
  const studio = makeStudio(tempDir());
  const project = await callOk(studio, 'projects:create', { name: 'Test' });
  await callOk(studio, 'projects:open', { id: project.id });
  return studio;
}

describe('content', () => {
  it('keeps every save as a revision and restores an earlier one as a new revision', async () => {
    const studio = await openStudio();
    const item = await callOk(studio, 'content:create', { kind: 'story', name: 'Prologue', data: story('first draft') });
    await callOk(studio, 'content:save', { id: item.id, data: story('second draft') });
    await callOk(studio, 'content:save', { id: item.id, name: 'Chapter One' });
    const history = await callOk(studio, 'content:history', { id: item.id });
    expect(history.map((r) => [r.revision, r.op])).toEqual([
      [3, 'rename'],
      [2, 'save'],
      [1, 'create'],
    ]);
    const restored = await callOk(studio, 'content:restore', { id: item.id, revision: 1 });
    expect(restored).toMatchObject({ revision: 4, name: 'Prologue', data: story('first draft') });
    expect((await callOk(studio, 'content:revision', { id: item.id, revision: 2 })).data).toEqual(story('second draft'));
  });

  it('refuses a save based on a stale revision and keeps the newer text', async () => {
    const studio = await openStudio();
    const item = await callOk(studio, 'content:create', { kind: 'story', name: 'Ada' });
    await callOk(studio, 'content:save', { id: item.id, data: story('tab one'), baseRevision: 1 });
    const stale = await studio.call('content:save', { id: item.id, data: story('tab two'), baseRevision: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await callOk(studio, 'content:get', { id: item.id })).data).toEqual(story('tab one'));
  });

  it('finds items by name and text, follows edits and forgets deleted items', async () => {
    const studio = await openStudio();
    const smith = await callOk(studio, 'content:create', { kind: 'story', name: 'Mirela', data: { notes: 'Forges blades of moonsteel' } });
    await callOk(studio, 'content:create', { kind: 'quest', name: 'The Moonsteel Heist' });
    expect((await callOk(studio, 'search:query', { text: 'moonst' })).map((h) => h.name).sort()).toEqual(['Mirela', 'The Moonsteel Heist']);
    expect((await callOk(studio, 'search:query', { text: 'forging' }))[0]).toMatchObject({ id: smith.id, kind: 'story' });

    await callOk(studio, 'content:save', { id: smith.id, data: { notes: 'Sells bread' } });
    expect((await callOk(studio, 'search:query', { text: 'moonsteel' })).map((h) => h.name)).toEqual(['The Moonsteel Heist']);

    await callOk(studio, 'content:delete', { id: smith.id });
    expect(await callOk(studio, 'search:query', { text: 'bread' })).toEqual([]);
    expect(await callOk(studio, 'content:list', { kind: 'story' })).toEqual([]);
    expect((await callOk(studio, 'content:history', { id: smith.id }))[0].op).toBe('delete');
  });

  it('treats search text as words, never as FTS syntax', async () => {
    const studio = await openStudio();
    await callOk(studio, 'content:create', { kind: 'poem', name: 'Ode' });
    expect(ftsQuery('a "b" OR c*')).toBe('"a" "b" "OR" "c*"*');
    for (const text of ['"', 'NEAR(', 'a AND', '*', '(((', '']) {
      expect((await studio.call('search:query', { text })).ok).toBe(true);
    }
  });

  it('counts live items per kind in the project info', async () => {
    const studio = await openStudio();
    await callOk(studio, 'content:create', { kind: 'npc', name: 'A' });
    await callOk(studio, 'content:create', { kind: 'npc', name: 'B' });
    await callOk(studio, 'content:create', { kind: 'script', name: 'main.luau' });
    expect((await callOk(studio, 'projects:current', {}))?.counts).toEqual({ npc: 2, script: 1 });
  });

  it('checks story and poem data on every write and refuses NPC, dialogue and quest data, writing nothing', async () => {
    const studio = await openStudio();
    const item = await callOk(studio, 'content:create', { kind: 'story', name: 'Ada' });
    expect(item.data).toEqual(story(''));
    const badStory = await studio.call('content:save', { id: item.id, data: { schemaVersion: 1, markdown: 42, lore: false } });
    expect(badStory).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('story') } });
    const poem = await callOk(studio, 'content:create', { kind: 'poem', name: 'Ode' });
    const badPoem = await studio.call('content:save', { id: poem.id, data: { ...poem.data, form: 'villanelle-ish' } });
    expect(badPoem).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const tooNew = await studio.call('content:save', { id: poem.id, data: { ...poem.data, schemaVersion: 99 } });
    expect(tooNew).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('newer version') } });
    // Current-format data without its version would open as the first format and lose its text; it is refused.
    const unversioned = await studio.call('content:save', { id: item.id, data: { markdown: 'Chapter one.', lore: true } });
    expect(unversioned).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/markdown, lore but no schemaVersion; send schemaVersion 1/) },
    });
    expect((await callOk(studio, 'content:history', { id: item.id })).length).toBe(1);
    expect((await callOk(studio, 'content:history', { id: poem.id })).length).toBe(1);
    // The first format, a generic item with notes, is still brought up to date.
    const legacy = await callOk(studio, 'content:create', { kind: 'story', name: 'Old notes', data: { notes: 'Kept.' } });
    expect(legacy.data).toEqual({ ...story(''), markdown: 'Kept.' });

    const quest = await callOk(studio, 'content:create', { kind: 'quest', name: 'The Heist' });
    expect((await callOk(studio, 'quests:get', { id: quest.id })).quest.title).toBe('The Heist');
    const questData = await studio.call('content:save', { id: quest.id, data: { title: 'Broken' } });
    expect(questData).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('quests:save') } });
    const npc = await callOk(studio, 'content:create', { kind: 'npc', name: 'Mirela' });
    expect((await callOk(studio, 'npcs:get', { id: npc.id })).persona.name).toBe('Mirela');
    const npcData = await studio.call('content:create', { kind: 'npc', name: 'Raw', data: { name: 42 } });
    expect(npcData).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('npcs:save') } });
    expect(await callOk(studio, 'npcs:list', {})).toHaveLength(1);
  });
});
