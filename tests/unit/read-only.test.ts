import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { callOk, makeStudio } from '../helpers/studio';
import { snapshotDir } from '../helpers/dir-snapshot';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const undo: (() => void)[] = [];
afterEach(() => {
  for (const step of undo.splice(0).reverse()) step();
});

const isRoot = process.getuid?.() === 0;

/** Whether root may mount here (a container without CAP_SYS_ADMIN may not). */
function rootCanBindMount(): boolean {
  if (!isRoot || process.platform !== 'linux') return false;
  const dir = mkdtempSync(join(tmpdir(), 'loreweaver-mount-probe-'));
  try {
    execFileSync('mount', ['--bind', dir, dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Makes a file or folder read-only for real. chmod does not stop root (CI runs as root), so
 * there the path is bind-mounted read-only onto itself, which refuses every write with EROFS.
 */
function makeReadOnly(path: string, folder: boolean): void {
  if (isRoot) {
    execFileSync('mount', ['--bind', path, path]);
    undo.push(() => execFileSync('umount', ['-l', path]));
    execFileSync('mount', ['-o', 'remount,ro,bind', path]);
  } else {
    chmodSync(path, folder ? 0o555 : 0o444);
    undo.push(() => chmodSync(path, folder ? 0o755 : 0o644));
  }
}

const unavailable = isRoot && !rootCanBindMount();
const story = (markdown: string) => ({ schemaVersion: 1, markdown, lore: false });

async function closedProject(dir: string) {
  const studio = makeStudio(dir);
  const project = await callOk(studio, 'projects:create', { name: 'Archive' });
  await callOk(studio, 'projects:open', { id: project.id });
  const item = await callOk(studio, 'content:create', { kind: 'story', name: 'Ledger', data: story('kept safe') });
  await callOk(studio, 'projects:close', {});
  return { studio, project, item };
}

describe.skipIf(unavailable)('read-only files and folders (as root, read-only bind mounts stand in for chmod, which root ignores)', () => {
  it('a read-only workspace lists its projects, refuses to open or create one with a clear message, and writes nothing', async () => {
    const dir = tempDir();
    const { studio, project } = await closedProject(dir);
    makeReadOnly(dir, true);
    const before = snapshotDir(dir);

    expect((await callOk(studio, 'projects:list', {})).map((p) => p.name)).toEqual(['Archive']);
    expect(await studio.call('projects:open', { id: project.id })).toMatchObject({
      ok: false,
      error: { code: 'io_error', message: expect.stringMatching(/project folder .* is read-only, so the studio cannot save there/) },
    });
    expect(await studio.call('projects:create', { name: 'Fresh' })).toMatchObject({
      ok: false,
      error: { code: 'io_error', message: expect.stringContaining('is read-only') },
    });
    expect(await callOk(studio, 'projects:current', {})).toBeNull();
    expect(snapshotDir(dir)).toEqual(before);
    studio.close();
  });

  it('a read-only project file is refused with a clear message and left as it was', async () => {
    const dir = tempDir();
    const { studio, project } = await closedProject(dir);
    makeReadOnly(project.path, false);
    // Listing reads it read-only, which may leave empty -wal and -shm files beside it, as any SQLite reader would.
    expect((await callOk(studio, 'projects:list', {})).map((p) => p.id)).toEqual([project.id]);
    const before = snapshotDir(dir);

    expect(await studio.call('projects:open', { id: project.id })).toMatchObject({
      ok: false,
      error: { code: 'io_error', message: expect.stringMatching(/project file .*Archive\.loreweaver is read-only/) },
    });
    expect(await studio.call('projects:rename', { id: project.id, name: 'Renamed' })).toMatchObject({
      ok: false,
      error: { code: 'io_error' },
    });
    expect(snapshotDir(dir)).toEqual(before);
    studio.close();
  });

  it('a backup into a read-only backups folder fails with a clear message and the project goes on saving', async () => {
    const dir = tempDir();
    const { studio, project, item } = await closedProject(dir);
    const backupsDir = join(dir, '.backups', project.id);
    const taken = readdirSync(backupsDir);
    makeReadOnly(backupsDir, true);

    // Opening still works; only the automatic backup is skipped.
    await callOk(studio, 'projects:open', { id: project.id });
    const result = await studio.call('backups:create', { projectId: project.id });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'io_error',
        message: expect.stringMatching(
          /The backup could not be written to .*: the folder cannot be written to\. The project itself is unchanged\./,
        ),
      },
    });
    expect(readdirSync(backupsDir)).toEqual(taken);
    await callOk(studio, 'content:save', { id: item.id, data: story('still saving') });
    expect((await callOk(studio, 'content:get', { id: item.id })).data).toMatchObject({ markdown: 'still saving' });
    studio.close();
  });
});

describe('backups that cannot be written', () => {
  it('a backups path that is a file, not a folder, fails the backup the same way', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    writeFileSync(join(dir, '.backups'), 'in the way');
    const project = await callOk(studio, 'projects:create', { name: 'Blocked' });
    await callOk(studio, 'projects:open', { id: project.id });
    expect(await studio.call('backups:create', { projectId: project.id })).toMatchObject({
      ok: false,
      error: { code: 'io_error', message: expect.stringContaining('The project itself is unchanged') },
    });
    await callOk(studio, 'content:create', { kind: 'story', name: 'Fine', data: story('saved') });
    studio.close();
  });
});
