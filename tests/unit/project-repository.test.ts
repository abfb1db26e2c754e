import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileStem } from '../../main/core/projects/file-names';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('projects', () => {
  it('creates a .loreweaver file per project and lists it with its modified time', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    const created = await callOk(studio, 'projects:create', { name: 'The Sunken Kingdom' });
    expect(created).toMatchObject({ name: 'The Sunken Kingdom', path: join(dir, 'The Sunken Kingdom.loreweaver') });
    expect(Date.parse(created.updatedAt)).not.toBeNaN();
    const list = await callOk(studio, 'projects:list', {});
    expect(list.map((p) => p.id)).toEqual([created.id]);
    expect(list[0].lastOpenedAt).toBeNull();
  });

  it('gives clashing names their own files and keeps unsafe characters out of file names', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    const a = await callOk(studio, 'projects:create', { name: 'Isles' });
    const b = await callOk(studio, 'projects:create', { name: 'Isles' });
    const c = await callOk(studio, 'projects:create', { name: '../../etc/passwd' });
    expect(a.path).not.toBe(b.path);
    expect(b.path).toBe(join(dir, 'Isles (2).loreweaver'));
    expect(c.path.startsWith(dir)).toBe(true);
    expect(c.name).toBe('../../etc/passwd');
    expect(fileStem('CON')).toBe('Untitled');
  });

  it('remembers when a project was last opened', async () => {
    const studio = makeStudio(tempDir());
    const p = await callOk(studio, 'projects:create', { name: 'Recent' });
    await callOk(studio, 'projects:open', { id: p.id });
    const [listed] = await callOk(studio, 'projects:list', {});
    expect(listed.lastOpenedAt).not.toBeNull();
  });

  it('renames the open project, moves its file and keeps its content and id', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    const p = await callOk(studio, 'projects:create', { name: 'Draft' });
    await callOk(studio, 'projects:open', { id: p.id });
    const npc = await callOk(studio, 'content:create', { kind: 'npc', name: 'Old Tom' });
    const renamed = await callOk(studio, 'projects:rename', { id: p.id, name: 'Final' });
    expect(renamed).toMatchObject({ id: p.id, name: 'Final', path: join(dir, 'Final.loreweaver') });
    expect(existsSync(p.path)).toBe(false);
    expect((await callOk(studio, 'projects:current', {}))?.path).toBe(renamed.path);
    expect((await callOk(studio, 'content:get', { id: npc.id })).name).toBe('Old Tom');
  });

  it('duplicates a project into a new file with a new id and the same content', async () => {
    const studio = makeStudio(tempDir());
    const p = await callOk(studio, 'projects:create', { name: 'World' });
    await callOk(studio, 'projects:open', { id: p.id });
    await callOk(studio, 'content:create', { kind: 'quest', name: 'Find the lantern' });
    const copy = await callOk(studio, 'projects:duplicate', { id: p.id });
    expect(copy.id).not.toBe(p.id);
    expect(copy.name).toBe('World copy');
    await callOk(studio, 'projects:open', { id: copy.id });
    expect((await callOk(studio, 'content:list', { kind: 'quest' })).map((q) => q.name)).toEqual(['Find the lantern']);
  });

  it('moves deleted projects to the trash folder instead of deleting them', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    const p = await callOk(studio, 'projects:create', { name: 'Gone' });
    await callOk(studio, 'projects:open', { id: p.id });
    const { trashedTo } = await callOk(studio, 'projects:delete', { id: p.id });
    expect(existsSync(p.path)).toBe(false);
    expect(existsSync(trashedTo)).toBe(true);
    expect(trashedTo.startsWith(join(dir, '.trash'))).toBe(true);
    expect(await callOk(studio, 'projects:current', {})).toBeNull();
    expect(await callOk(studio, 'projects:list', {})).toEqual([]);
  });

  it('lists a damaged project file and explains the damage when it is opened', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Broken.loreweaver'), 'not sqlite at all, just text of the right length........');
    const studio = makeStudio(dir);
    const [broken] = await callOk(studio, 'projects:list', {});
    expect(broken.name).toBe('Broken');
    const result = await studio.call('projects:open', { id: broken.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'project_corrupt' } });
    expect(readdirSync(dir)).toContain('Broken.loreweaver');
  });

  it('answers not_found for unknown ids and no_project before a project is open', async () => {
    const studio = makeStudio(tempDir());
    expect(await studio.call('projects:open', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await studio.call('content:list', { kind: 'npc' })).toMatchObject({ ok: false, error: { code: 'no_project' } });
  });
});
