import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileInside } from '../../main/core/fs/confined-write';
import { makeExportProject } from '../helpers/export-project';
import { makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** An export folder and, beside it, a folder the export must never touch. */
function folders() {
  const dir = tempDir();
  const root = join(dir, 'out');
  const outside = join(dir, 'outside');
  mkdirSync(root);
  mkdirSync(outside);
  writeFileSync(join(outside, 'precious.txt'), 'keep me');
  return { dir, root, outside };
}

describe('writes confined to the export folder', () => {
  it('writes and overwrites files in folders it makes', async () => {
    const { root } = folders();
    await writeFileInside(root, 'cards/a/b.json', 'a longer first text');
    await writeFileInside(root, 'cards/a/b.json', 'short');
    expect(readFileSync(join(root, 'cards/a/b.json'), 'utf8')).toBe('short');
  });

  it('refuses a symbolic link planted as a folder, writing nothing outside', async () => {
    const { root, outside } = folders();
    symlinkSync(outside, join(root, 'cards'));
    await expect(writeFileInside(root, 'cards/x.json', 'evil')).rejects.toThrow(
      /cards is a symbolic link or not a folder; exports do not write through links/,
    );
    await expect(writeFileInside(root, 'cards/deeper/x.json', 'evil')).rejects.toThrow(/symbolic link/);
    expect(readdirSync(outside)).toEqual(['precious.txt']);
  });

  it('refuses a symbolic link planted as the file, leaving its target as it was', async () => {
    const { root, outside } = folders();
    mkdirSync(join(root, 'cards'));
    symlinkSync(join(outside, 'precious.txt'), join(root, 'cards/x.json'));
    symlinkSync(join(outside, 'new.txt'), join(root, 'cards/dangling.json'));
    await expect(writeFileInside(root, 'cards/x.json', 'evil')).rejects.toThrow(/x.json is a symbolic link/);
    await expect(writeFileInside(root, 'cards/dangling.json', 'evil')).rejects.toThrow(/dangling.json is a symbolic link/);
    expect(readFileSync(join(outside, 'precious.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(join(outside, 'new.txt'))).toBe(false);
  });

  it('refuses paths with ".." parts', async () => {
    const { root } = folders();
    await expect(writeFileInside(root, 'cards/../../x.json', 'evil')).rejects.toThrow(/"\.\." part/);
  });

  it('export:pack with a link planted in the chosen folder fails with the reason and writes nothing outside', async () => {
    const { dir, root, outside } = folders();
    const studio = makeStudio(dir);
    const { project } = await makeExportProject(studio);
    symlinkSync(outside, join(root, 'yarn'));
    const result = await studio.call('export:pack', { projectId: project.id, targets: ['json', 'yarn'], outDir: root, requestId: 'r1' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/yarn is a symbolic link or not a folder; exports do not write through links/);
    expect(readdirSync(outside)).toEqual(['precious.txt']);
  });
});
