import { cpSync, mkdirSync, openSync, closeSync, ftruncateSync, readFileSync, symlinkSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Studio } from '../../main/core/studio';
import { MANIFEST_FILE, PACK_SECTIONS, sectionFile } from '../../main/domain/pack';
import { snapshotDir } from '../helpers/dir-snapshot';
import { makeExportProject } from '../helpers/export-project';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let dir: string;
let studio: Studio;
let pack: string;

/** An exported pack folder, and a fresh project open to import into. */
beforeEach(async () => {
  dir = tempDir();
  studio = makeStudio(dir);
  const { project } = await makeExportProject(studio);
  await callOk(studio, 'export:pack', { projectId: project.id, targets: ['json'], outDir: join(dir, 'out') });
  pack = join(dir, 'out/pack');
  const target = await callOk(studio, 'projects:create', { name: 'Target' });
  await callOk(studio, 'projects:open', { id: target.id });
});

const copyPack = (name: string) => {
  const copy = join(dir, name);
  cpSync(pack, copy, { recursive: true });
  return copy;
};
const zipOf = (folder: string, extra: Record<string, Uint8Array> = {}) => {
  const files = Object.fromEntries(
    [MANIFEST_FILE, ...PACK_SECTIONS.map(sectionFile)].map((f) => [f, new Uint8Array(readFileSync(join(folder, f)))]),
  );
  return zipSync({ ...files, ...extra });
};

/** The import must fail with a message matching `message`, and leave the project and the disk as they were. */
async function refused(path: string, message: RegExp, checkDisk = true) {
  const before = checkDisk ? snapshotDir(dir) : {};
  const result = await studio.call('import:pack', { path });
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  if (!result.ok) expect(result.error.message).toMatch(message);
  expect(await callOk(studio, 'npcs:list', {})).toEqual([]);
  if (checkDisk) expect(snapshotDir(dir)).toEqual(before);
}

describe('hostile packs are refused with a clear error and nothing written', () => {
  it('a zip entry that climbs out of the pack (zip-slip)', async () => {
    const path = join(dir, 'slip.zip');
    writeFileSync(path, zipOf(pack, { '../../evil.json': new TextEncoder().encode('{}') }));
    await refused(path, /points outside the pack/);
    const absolute = join(dir, 'absolute.zip');
    writeFileSync(absolute, zipOf(pack, { '/etc/evil.json': new Uint8Array(1) }));
    await refused(absolute, /points outside the pack/);
  });

  it('symbolic links, as the pack or inside it', async () => {
    const link = join(dir, 'link');
    symlinkSync(pack, link);
    await refused(link, /symbolic link/);
    const inner = copyPack('inner');
    rmSync(join(inner, 'npcs.json'));
    symlinkSync('/etc/passwd', join(inner, 'npcs.json'));
    await refused(inner, /symbolic link/);
  });

  it('a 1 GB file, in a folder and declared in a zip, refused before it is read or inflated', async () => {
    const big = copyPack('big');
    const fd = openSync(join(big, 'npcs.json'), 'w');
    ftruncateSync(fd, 1024 ** 3);
    closeSync(fd);
    // Hashing a 1 GB file for the disk snapshot would take longer than the refusal itself.
    await refused(big, /1,024 MB; a pack file may be at most/, false);
    rmSync(big, { recursive: true });
    const zip = zipOf(pack);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // Patch the central directory's uncompressed size of every entry to 1 GB.
    for (let i = 0; i < zip.length - 4; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1024 ** 3, true);
    const bomb = join(dir, 'bomb.zip');
    writeFileSync(bomb, zip);
    await refused(bomb, /may be at most/);
  });

  it('deeply nested JSON', async () => {
    const deep = copyPack('deep');
    writeFileSync(join(deep, 'manifest.json'), '['.repeat(200_000) + ']'.repeat(200_000));
    await refused(deep, /nests more than/);
  });

  it('a wrong or newer format version', async () => {
    for (const [version, message] of [
      [3, /reads up to 2/],
      [0, /no Loreweaver version wrote/],
      ['1', /no Loreweaver version wrote/],
    ] as const) {
      const copy = copyPack(`v${version}`);
      const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
      writeFileSync(join(copy, 'manifest.json'), JSON.stringify({ ...manifest, formatVersion: version }));
      await refused(copy, message);
    }
    const other = copyPack('other');
    writeFileSync(join(other, 'manifest.json'), JSON.stringify({ format: 'something-else', formatVersion: 1 }));
    await refused(other, /not "loreweaver-pack"/);
  });

  it('a file changed after export (hash mismatch)', async () => {
    const copy = copyPack('changed');
    writeFileSync(join(copy, 'dialogues.json'), readFileSync(join(copy, 'dialogues.json'), 'utf8').replace('Welcome', 'Welcome!'));
    await refused(copy, /does not match the manifest's sha256/);
  });

  it('a pack whose content breaks the schema even with matching hashes', async () => {
    mkdirSync(join(dir, 'bundle'));
    const bundle = JSON.parse(readFileSync(join(pack, 'manifest.json'), 'utf8'));
    writeFileSync(join(dir, 'bundle/pack.json'), JSON.stringify({ manifest: bundle, npcs: [{ id: 1 }] }));
    await refused(join(dir, 'bundle/pack.json'), /has no "dialogues" section|sha256/);
  });
});
