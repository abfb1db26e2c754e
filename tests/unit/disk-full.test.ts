import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const mounted: string[] = [];

/** A 768 KB tmpfs, so the disk really fills up; needs root, as in CI. */
function smallDisk(): string | null {
  const dir = join(tempDir(), 'small');
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=768k', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mounted.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of mounted.splice(0)) execFileSync('umount', ['-l', dir]);
});

const canMount = process.getuid?.() === 0 && process.platform === 'linux';
const story = (markdown: string) => ({ schemaVersion: 1, markdown, lore: false });

describe('a full disk', () => {
  it.skipIf(!canMount)('fails writes with disk_full, keeps what was saved, and works again once space is freed', async () => {
    const dir = smallDisk();
    expect(dir, 'tmpfs mount').not.toBeNull();
    const studio = makeStudio(dir!);
    const project = await callOk(studio, 'projects:create', { name: 'Cramped' });
    await callOk(studio, 'projects:open', { id: project.id });
    const keeper = await callOk(studio, 'content:create', { kind: 'story', name: 'Keeper', data: story('must survive') });
    const ballast = join(dir!, 'ballast.bin');
    writeFileSync(ballast, Buffer.alloc(256 * 1024));

    const chunk = 'x'.repeat(64 * 1024);
    let failure: unknown = null;
    for (let i = 0; i < 40 && !failure; i++) {
      const result = await studio.call('content:create', { kind: 'story', name: `Filler ${i}`, data: story(chunk + i) });
      if (!result.ok) failure = result.error;
    }
    expect(failure).toMatchObject({ code: 'disk_full', message: expect.stringContaining('The disk is full; nothing was changed') });

    expect((await callOk(studio, 'content:get', { id: keeper.id })).data).toEqual(story('must survive'));
    expect((await studio.call('content:save', { id: keeper.id, data: story(chunk) })).ok).toBe(false);

    rmSync(ballast);
    await callOk(studio, 'projects:close', {});
    await callOk(studio, 'projects:open', { id: project.id });
    expect((await callOk(studio, 'content:get', { id: keeper.id })).data).toEqual(story('must survive'));
    await callOk(studio, 'content:save', { id: keeper.id, data: story('and still editable') });
    studio.close();
  });

  it.skipIf(!canMount)(
    'fails a backup into a full backups folder with disk_full, leaves no partial file, and the project goes on saving',
    async () => {
      const dir = tempDir();
      const studio = makeStudio(dir);
      const project = await callOk(studio, 'projects:create', { name: 'Roomy' });
      await callOk(studio, 'projects:open', { id: project.id });
      const item = await callOk(studio, 'content:create', { kind: 'story', name: 'Long', data: story('y'.repeat(512 * 1024)) });
      const backups = join(dir, '.backups', project.id);
      const before = readdirSync(backups);
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', backups], { stdio: 'ignore' });
      mounted.push(backups);

      const result = await studio.call('backups:create', { projectId: project.id });
      expect(result).toMatchObject({
        ok: false,
        error: {
          code: 'disk_full',
          message: expect.stringMatching(/The backup could not be written to .*: the disk is full\. The project itself is unchanged\./),
        },
      });
      expect(readdirSync(backups)).toEqual([]);
      await callOk(studio, 'content:save', { id: item.id, data: story('still saving') });
      expect((await callOk(studio, 'content:get', { id: item.id })).data).toEqual(story('still saving'));

      execFileSync('umount', ['-l', backups]);
      mounted.splice(mounted.indexOf(backups), 1);
      expect(readdirSync(backups)).toEqual(before);
      studio.close();
    },
  );
});
