import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { confinePath } from '../../main/core/fs/confined-path';
import { methods, type MethodName } from '../../preload/api';
import { filePathKeys, isFilePath } from '../../preload/contract/file-path';
import { writeGguf } from '../fixtures/gguf-generator';
import { snapshotDir } from '../helpers/dir-snapshot';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const CARD = join(import.meta.dirname, '..', 'fixtures', 'cards', 'mirela.v2.json');

/**
 * A workspace and one chosen file folder, with a folder outside both that holds the same kinds of
 * files, and symbolic links inside the allowed folders that lead out to it.
 */
async function setup() {
  const dir = tempDir();
  const workspace = join(dir, 'ws');
  const files = join(dir, 'files');
  const outside = join(dir, 'outside');
  for (const folder of [workspace, files, outside]) mkdirSync(folder, { recursive: true });
  for (const folder of [files, outside]) {
    writeGguf(join(folder, 'tiny.gguf'));
    copyFileSync(CARD, join(folder, 'card.json'));
    writeFileSync(join(folder, 'talk.yarn'), 'title: Start\n---\nHello.\n===\n');
    writeFileSync(join(folder, 'pack.json'), '{}');
    mkdirSync(join(folder, 'folder'));
  }
  symlinkSync(outside, join(files, 'escape'));
  symlinkSync(outside, join(workspace, 'escape'));
  for (const name of ['tiny.gguf', 'card.json', 'talk.yarn', 'pack.json', 'folder'])
    symlinkSync(join(outside, name), join(files, `link-${name}`));
  const studio = makeStudio(workspace, { fileRoots: [files], workspaceLocked: false });
  const project = await callOk(studio, 'projects:create', { name: 'Confined' });
  await callOk(studio, 'projects:open', { id: project.id });
  return { dir, workspace, files, outside, studio, projectId: project.id };
}

/** Every method that takes a path, with a call naming `path` and the file (or folder) it is about. */
const PATH_CALLS: Record<string, { target: string; input: (path: string, projectId: string) => unknown }> = {
  'workspace:set': { target: 'folder', input: (dir) => ({ dir }) },
  'models:setFolder': { target: 'folder', input: (dir) => ({ dir }) },
  'models:import': { target: 'tiny.gguf', input: (path) => ({ path, mode: 'link' }) },
  'npcs:importCard': { target: 'card.json', input: (path) => ({ path }) },
  'npcs:cardMatches': { target: 'card.json', input: (path) => ({ path }) },
  'import:pack': { target: 'pack.json', input: (path) => ({ path }) },
  'import:dialogue': { target: 'talk.yarn', input: (path) => ({ path }) },
  'export:pack': { target: 'folder', input: (outDir, projectId) => ({ projectId, targets: ['json'], outDir }) },
  'export:openFolder': { target: 'folder', input: (path) => ({ path }) },
};

const REFUSED =
  /refused: (it is outside the folders|.* is a symbolic link|it contains "\.\.")|must not contain ("\.\." segments|control characters)|Give a full path/;

describe('file paths in calls', () => {
  it('are found in every method that takes one, and every path-like field is a confined FilePath', () => {
    const withPaths = (Object.keys(methods) as MethodName[]).filter((name) => filePathKeys(methods[name].input).length);
    expect(withPaths.sort()).toEqual(Object.keys(PATH_CALLS).sort());
    const pathLike: string[] = [];
    const visit = (schema: z.ZodType, where: string, seen: Set<z.ZodType>): void => {
      if (seen.has(schema)) return;
      seen.add(schema);
      const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
      if (def.type === 'object') {
        for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
          if (/^(path|dir|outDir|folderPath|file|filePath)$|Path$|Dir$/.test(key) && !isFilePath(field)) pathLike.push(`${where}.${key}`);
          visit(field, `${where}.${key}`, seen);
        }
      }
      for (const key of ['innerType', 'element', 'valueType', 'in', 'out', 'getter']) {
        const child = def[key];
        if (typeof child === 'function' && key === 'getter') visit((child as () => z.ZodType)(), where, seen);
        else if (child && typeof child === 'object' && '_zod' in child) visit(child as z.ZodType, where, seen);
      }
      for (const option of (def.options as z.ZodType[] | undefined) ?? []) visit(option, where, seen);
    };
    for (const name of Object.keys(methods) as MethodName[]) visit(methods[name].input, name, new Set());
    expect(pathLike).toEqual([]);
  });

  it.each(Object.entries(PATH_CALLS))(
    '%s refuses paths outside the chosen folders, through symbolic links and with ..',
    async (method, call) => {
      const { dir, workspace, files, outside, studio, projectId } = await setup();
      const before = snapshotDir(outside);
      const info = await callOk(studio, 'app:info', {});
      const attacks = [
        join(outside, call.target),
        join(files, 'escape', call.target),
        join(workspace, 'escape', call.target),
        join(files, `link-${call.target}`),
        `${files}/../outside/${call.target}`,
        `${files}/folder/../../outside/${call.target}`,
        `files/${call.target}`,
        '/etc/passwd',
        '/',
        `${files}/\u0000${call.target}`,
      ];
      for (const path of attacks) {
        const result = await studio.call(method, call.input(path, projectId));
        expect(result, `${method} ${path}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
        expect(!result.ok && result.error.message, `${method} ${path}`).toMatch(REFUSED);
      }
      expect(snapshotDir(outside)).toEqual(before);
      expect(await callOk(studio, 'app:info', {})).toEqual(info);
      expect(await callOk(studio, 'models:list', {})).toEqual([]);
      expect(snapshotDir(dir)).toHaveProperty('ws/Confined.loreweaver');

      // The same call on the file inside the chosen folder gets past the confinement.
      const inside = await studio.call(method, call.input(join(files, call.target), projectId));
      if (!inside.ok) expect(inside.error.message).not.toMatch(REFUSED);
    },
  );

  it('lets a folder chosen in the desktop picker be used, remembered for the next session; cancelling or browser mode allows nothing', async () => {
    const { dir, workspace, outside, studio, projectId } = await setup();
    const exportTo = (s: typeof studio, outDir: string) => s.call('export:pack', { projectId, targets: ['json'], outDir });
    expect(await callOk(studio, 'files:chooseFolder', { title: 'Choose a folder' })).toEqual({ path: null });
    expect(await exportTo(studio, join(outside, 'pack'))).toMatchObject({ ok: false, error: { message: REFUSED } });

    const answers: (string | null)[] = [null, outside];
    const titles: string[] = [];
    const options = { fileRoots: [join(dir, 'files')], workspaceLocked: false, configDir: join(workspace, '.loreweaver') };
    const desktop = makeStudio(workspace, { ...options, chooseFolder: async (title) => (titles.push(title), answers.shift() ?? null) });
    await callOk(desktop, 'projects:open', { id: projectId });
    expect(await callOk(desktop, 'files:chooseFolder', { title: 'Export to' })).toEqual({ path: null });
    expect(await exportTo(desktop, join(outside, 'pack'))).toMatchObject({ ok: false, error: { message: REFUSED } });
    expect(await callOk(desktop, 'files:chooseFolder', { title: 'Export to' })).toEqual({ path: outside });
    expect(titles).toEqual(['Export to', 'Export to']);
    expect(await callOk(desktop, 'export:pack', { projectId, targets: ['json'], outDir: join(outside, 'pack') })).toMatchObject({
      written: true,
    });
    // Links inside the chosen folder are still not followed.
    symlinkSync(dir, join(outside, 'back-out'));
    expect(await exportTo(desktop, join(outside, 'back-out', 'x'))).toMatchObject({ ok: false, error: { message: /symbolic link/ } });

    desktop.close();
    const later = makeStudio(workspace, options);
    await callOk(later, 'projects:open', { id: projectId });
    expect(await exportTo(later, join(outside, 'again'))).toMatchObject({ ok: true, value: { written: true } });
    later.close();
  });

  it('hands the handler the real path, also when a root itself is reached through a link', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real', 'sub'), { recursive: true });
    symlinkSync(join(dir, 'real'), join(dir, 'alias'));
    expect(confinePath(join(dir, 'alias', 'sub', 'new', 'file.txt'), [join(dir, 'alias')])).toBe(
      join(dir, 'real', 'sub', 'new', 'file.txt'),
    );
    expect(confinePath(join(dir, 'real', 'sub'), [join(dir, 'alias')])).toBe(join(dir, 'real', 'sub'));
    expect(confinePath(join(dir, 'real', '..name'), [join(dir, 'real')])).toBe(join(dir, 'real', '..name'));
    expect(() => confinePath(join(dir, 'realm'), [join(dir, 'real')])).toThrow(/outside the folders/);
    symlinkSync(join(dir, 'real', 'sub'), join(dir, 'real', 'inner-link'));
    expect(() => confinePath(join(dir, 'real', 'inner-link', 'x'), [join(dir, 'real')])).toThrow(/symbolic link/);
    // A root reached through a link inside another root: the inner root holds the path, whatever the order.
    expect(confinePath(join(dir, 'real', 'inner-link', 'x'), [join(dir, 'real'), join(dir, 'real', 'inner-link')])).toBe(
      join(dir, 'real', 'sub', 'x'),
    );
  });
});
