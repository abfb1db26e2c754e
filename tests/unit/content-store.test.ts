import { describe, expect, it } from 'vitest';
import { ftsQuery } from '../../main/core/content/content-store';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

async function openStudio() {
  const studio = makeStudio(tempDir());
  const project = await callOk(studio, 'projects:create', { name: 'Test' });
  await callOk(studio, 'projects:open', { id: project.id });
  return studio;
}

describe('content', () => {
  it('keeps every save as a revision and restores an earlier one as a new revision', async () => {
    const studio = await openStudio();
    const item = await callOk(studio, 'content:create', { kind: 'story', name: 'Prologue', data: { notes: 'first draft' } });
    await callOk(studio, 'content:save', { id: item.id, data: { notes: 'second draft' } });
    await callOk(studio, 'content:save', { id: item.id, name: 'Chapter One' });
    const history = await callOk(studio, 'content:history', { id: item.id });
    expect(history.map((r) => [r.revision, r.op])).toEqual([
      [3, 'rename'],
      [2, 'save'],
      [1, 'create'],
    ]);
    const restored = await callOk(studio, 'content:restore', { id: item.id, revision: 1 });
    expect(restored).toMatchObject({ revision: 4, name: 'Prologue', data: { notes: 'first draft' } });
    expect((await callOk(studio, 'content:revision', { id: item.id, revision: 2 })).data).toEqual({ notes: 'second draft' });
  });

  it('refuses a save based on a stale revision and keeps the newer text', async () => {
    const studio = await openStudio();
    const item = await callOk(studio, 'content:create', { kind: 'story', name: 'Ada' });
    await callOk(studio, 'content:save', { id: item.id, data: { notes: 'tab one' }, baseRevision: 1 });
    const stale = await studio.call('content:save', { id: item.id, data: { notes: 'tab two' }, baseRevision: 1 });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await callOk(studio, 'content:get', { id: item.id })).data).toEqual({ notes: 'tab one' });
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
});
