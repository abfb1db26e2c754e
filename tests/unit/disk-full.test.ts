import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

describe('a full disk', () => {
  it.skipIf(!canMount)('fails writes with disk_full, keeps what was saved, and works again once space is freed', async () => {
    const dir = smallDisk();
    expect(dir, 'tmpfs mount').not.toBeNull();
    const studio = makeStudio(dir!);
    const project = await callOk(studio, 'projects:create', { name: 'Cramped' });
    await callOk(studio, 'projects:open', { id: project.id });
    const keeper = await callOk(studio, 'content:create', { kind: 'story', name: 'Keeper', data: { notes: 'must survive' } });
    const ballast = join(dir!, 'ballast.bin');
    writeFileSync(ballast, Buffer.alloc(160 * 1024));

    const chunk = 'x'.repeat(64 * 1024);
    let failure: unknown = null;
    for (let i = 0; i < 40 && !failure; i++) {
      const result = await studio.call('content:create', { kind: 'story', name: `Filler ${i}`, data: { notes: chunk + i } });
      if (!result.ok) failure = result.error;
    }
    expect(failure).toMatchObject({ code: 'disk_full', message: expect.stringContaining('The disk is full; nothing was changed') });

    expect((await callOk(studio, 'content:get', { id: keeper.id })).data).toEqual({ notes: 'must survive' });
    expect((await studio.call('content:save', { id: keeper.id, data: { notes: chunk } })).ok).toBe(false);

    rmSync(ballast);
    await callOk(studio, 'projects:close', {});
    await callOk(studio, 'projects:open', { id: project.id });
    expect((await callOk(studio, 'content:get', { id: keeper.id })).data).toEqual({ notes: 'must survive' });
    await callOk(studio, 'content:save', { id: keeper.id, data: { notes: 'and still editable' } });
    studio.close();
  });
});
