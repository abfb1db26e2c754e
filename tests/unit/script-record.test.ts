import { describe, expect, it } from 'vitest';
import { buildFolderTree, loadScript, newScriptData, normalizeFolder, reparentFolder, ScriptRecord } from '../../main/domain/script';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('script record', () => {
  it('brings a generic item (version 0) up to a Luau script that keeps its notes', () => {
    expect(ScriptRecord.currentVersion).toBe(1);
    expect(loadScript({})).toEqual(newScriptData());
    expect(loadScript({ notes: 'Guard patrol' })).toMatchObject({ language: 'luau', folder: '', code: '--[[\nGuard patrol\n]]\n' });
  });

  it('refuses an unknown language, a bad folder, extra fields and a newer format', () => {
    expect(() => loadScript({ ...newScriptData(), language: 'python' })).toThrow(/language/);
    expect(() => loadScript({ ...newScriptData(), folder: '../up' })).toThrow(/Folder/);
    expect(() => loadScript({ ...newScriptData(), extra: 1 })).toThrow();
    expect(() => loadScript({ ...newScriptData(), schemaVersion: 2 })).toThrow(/newer version/);
  });

  it('normalizes folder paths and moves folders with what is inside', () => {
    expect(normalizeFolder(' Quests / Village//Gate ')).toBe('Quests/Village/Gate');
    expect(normalizeFolder('a\\b')).toBe('a/b');
    expect(normalizeFolder('a/../b')).toBeNull();
    expect(normalizeFolder('')).toBe('');
    expect(reparentFolder('npc/guards/night', 'npc/guards', 'people')).toBe('people/night');
    expect(reparentFolder('npc/guardsmen', 'npc/guards', 'people')).toBe('npc/guardsmen');
    expect(reparentFolder('npc', 'npc', '')).toBe('');
  });

  it('groups scripts into a sorted folder tree, folders first', () => {
    const tree = buildFolderTree(
      [
        { name: 'b', folder: 'npc' },
        { name: 'A', folder: 'npc' },
        { name: 'main', folder: '' },
        { name: 'gate', folder: 'quests/village' },
      ],
      (s) => s.folder,
      ['empty'],
    );
    expect(tree.items.map((i) => i.name)).toEqual(['main']);
    expect(tree.folders.map((f) => f.path)).toEqual(['empty', 'npc', 'quests']);
    expect(tree.folders[1].items.map((i) => i.name)).toEqual(['A', 'b']);
    expect(tree.folders[2].folders[0]).toMatchObject({ path: 'quests/village', name: 'village' });
  });
});

describe('script items in a project', () => {
  it('stores checked script data, fills an empty one in, and refuses a bad save without writing', async () => {
    const studio = makeStudio(tempDir());
    const project = await callOk(studio, 'projects:create', { name: 'Scripts' });
    await callOk(studio, 'projects:open', { id: project.id });
    const empty = await callOk(studio, 'content:create', { kind: 'script', name: 'Patrol', data: {} });
    expect(empty.data).toEqual(newScriptData());
    const code = 'local DialogueRunner = require(game.ReplicatedStorage.Loreweaver.DialogueRunner)';
    const saved = await callOk(studio, 'content:save', { id: empty.id, data: newScriptData('luau', 'npc/guards', code) });
    expect(saved.data).toMatchObject({ folder: 'npc/guards', code });
    const bad = await studio.call('content:save', { id: empty.id, data: { ...newScriptData(), language: 'cobol' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await callOk(studio, 'content:get', { id: empty.id })).revision).toBe(saved.revision);
    studio.close();
  });

  it('lists scripts with folder and language and moves a folder with everything below it', async () => {
    const studio = makeStudio(tempDir());
    const project = await callOk(studio, 'projects:create', { name: 'Folders' });
    await callOk(studio, 'projects:open', { id: project.id });
    const make = (name: string, folder: string, language: 'luau' | 'typescript' = 'luau') =>
      callOk(studio, 'content:create', { kind: 'script', name, data: newScriptData(language, folder, `-- ${name}`) });
    await make('Gate', 'npc/guards');
    await make('Night', 'npc/guards/night', 'typescript');
    await make('Baker', 'npc/guardsmen');
    expect(await callOk(studio, 'scripts:moveFolder', { from: 'npc/guards', to: 'people' })).toEqual({ moved: 2 });
    const listed = await callOk(studio, 'scripts:list', {});
    expect(listed.map((s) => [s.name, s.folder, s.language])).toEqual([
      ['Baker', 'npc/guardsmen', 'luau'],
      ['Gate', 'people', 'luau'],
      ['Night', 'people/night', 'typescript'],
    ]);
    expect(await studio.call('scripts:moveFolder', { from: 'people', to: '../x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    studio.close();
  });
});
