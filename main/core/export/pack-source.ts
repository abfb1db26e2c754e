import { lstat, readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { MANIFEST_FILE, PACK_SECTIONS, PackError, readPackBundle, readPackFiles, sectionFile, type Pack } from '../../domain/pack';
import { sha256 } from './pack-export';
import { readZipEntries } from './zip-entries';

/** Far beyond a real pack file; checked before anything is read or inflated, and again on the bytes a zip really inflates to. */
export const PACK_SOURCE_LIMITS = { maxFileBytes: 256 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 } as const;

const PACK_FILES = new Set([MANIFEST_FILE, ...PACK_SECTIONS.map(sectionFile)]);
const decoder = new TextDecoder('utf-8', { fatal: true });
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MB`;

function tooLarge(name: string, bytes: number): PackError {
  return new PackError('pack_unsafe', `${name} is ${mb(bytes)}; a pack file may be at most ${mb(PACK_SOURCE_LIMITS.maxFileBytes)}.`);
}

const text = (name: string, bytes: Uint8Array): string => {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new PackError('pack_invalid', `${name} is not UTF-8 text.`);
  }
};

/** A pack folder: only the pack's own files are read, none through a link, each after its size is checked. */
async function readFolder(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let total = 0;
  for (const name of (await readdir(dir)).filter((n) => PACK_FILES.has(n)).sort()) {
    const path = join(dir, name);
    const info = await lstat(path);
    if (info.isSymbolicLink()) throw new PackError('pack_unsafe', `${name} in the pack is a symbolic link; packs are plain files only.`);
    if (!info.isFile()) throw new PackError('pack_unsafe', `${name} in the pack is not a file.`);
    if (info.size > PACK_SOURCE_LIMITS.maxFileBytes) throw tooLarge(name, info.size);
    total += info.size;
    if (total > PACK_SOURCE_LIMITS.maxTotalBytes)
      throw new PackError('pack_unsafe', `The pack is larger than ${mb(PACK_SOURCE_LIMITS.maxTotalBytes)}.`);
    files.set(name, text(name, new Uint8Array(await readFile(path))));
  }
  return files;
}

/** Entry names that would leave the folder they are extracted to, in any tool. */
const unsafeEntry = (name: string) =>
  name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name) || name.split('/').includes('..');

const tooLargeInTotal = () => new PackError('pack_unsafe', `The zip unpacks to more than ${mb(PACK_SOURCE_LIMITS.maxTotalBytes)}.`);

/** A pack .zip: entry names are checked for zip-slip paths and declared sizes before anything is inflated. */
function readZip(bytes: Uint8Array): Map<string, string> {
  let declared = 0;
  const entries = readZipEntries(bytes, {
    accept: (entry) => {
      if (unsafeEntry(entry.name))
        throw new PackError('pack_unsafe', `The zip holds an entry named "${entry.name}" that points outside the pack; it was refused.`);
      if (entry.declaredSize > PACK_SOURCE_LIMITS.maxFileBytes) throw tooLarge(entry.name, entry.declaredSize);
      declared += entry.declaredSize;
      if (declared > PACK_SOURCE_LIMITS.maxTotalBytes) throw tooLargeInTotal();
      return PACK_FILES.has(entry.name);
    },
    maxEntryBytes: PACK_SOURCE_LIMITS.maxFileBytes,
    maxTotalBytes: PACK_SOURCE_LIMITS.maxTotalBytes,
    tooLarge,
    tooLargeInTotal,
  });
  return new Map([...entries].map(([name, data]) => [name, text(name, data)]));
}

/**
 * Reads a pack from a folder, a .zip or a one-file pack.json, refusing links, oversized files
 * and unsafe entries. The studio runs it on a worker thread, as the first step of a pack import.
 */
export async function readPackSource(path: string): Promise<Pack> {
  const full = resolve(path);
  const info = await lstat(full).catch(() => {
    throw new PackError('pack_invalid', `There is no file or folder at ${full}.`);
  });
  if (info.isSymbolicLink()) throw new PackError('pack_unsafe', `${full} is a symbolic link; choose the pack itself.`);
  if (info.isDirectory()) return readPackFiles(await readFolder(full), sha256);
  if (!info.isFile()) throw new PackError('pack_unsafe', `${full} is not a file or folder.`);
  if (info.size > PACK_SOURCE_LIMITS.maxFileBytes) throw tooLarge(basename(full), info.size);
  const bytes = new Uint8Array(await readFile(full));
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readPackFiles(readZip(bytes), sha256);
  return readPackBundle(text(basename(full), bytes), sha256);
}
