import { constants } from 'node:fs';
import { lstat, mkdir, open, readlink, unlink } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { AppError } from '../app-error';

const linkRefused = (path: string) =>
  new AppError(
    'invalid_input',
    `${path} is a symbolic link or not a folder; exports do not write through links. Remove it or choose another folder.`,
  );

/**
 * Makes `root/…parts` one folder at a time, refusing any part that exists as a symbolic
 * link (or as anything but a folder), so a link planted in the export folder cannot lead
 * the export elsewhere. `root` is the real path of the folder the creator chose.
 */
export async function makeFolderInside(root: string, parts: readonly string[]): Promise<void> {
  let current = root;
  for (const part of parts) {
    current = join(current, part);
    try {
      await mkdir(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const info = await lstat(current);
      if (info.isSymbolicLink() || !info.isDirectory()) throw linkRefused(current);
    }
  }
}

/**
 * Where an open file really is: the kernel's own answer on Linux (/proc/self/fd), so the
 * check is about the file that will be written, not a path that could be swapped after it.
 */
async function openedPath(fd: number, path: string): Promise<string> {
  try {
    return await readlink(`/proc/self/fd/${fd}`);
  } catch {
    return path;
  }
}

/** Opens `path` for writing without following a link there, and says whether this call created the file. */
async function openNoFollow(path: string) {
  const flags = constants.O_WRONLY | constants.O_NOFOLLOW;
  try {
    try {
      return { handle: await open(path, flags | constants.O_CREAT | constants.O_EXCL, 0o666), created: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return { handle: await open(path, flags), created: false };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw linkRefused(path);
    throw error;
  }
}

/**
 * Writes `root/relativePath` without following symbolic links: folders are made part by
 * part (makeFolderInside), the file is opened with O_NOFOLLOW (a link in its place is
 * refused by the kernel) and without truncating, and only once the opened file is known to
 * lie inside `root` is it emptied and written. A folder swapped for a link between the
 * check and the open is caught by that last test: nothing outside is changed, and a file
 * the open created there is removed.
 */
export async function writeFileInside(root: string, relativePath: string, data: string | Uint8Array): Promise<void> {
  const parts = relativePath.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..'))
    throw new AppError('invalid_input', `The export path ${relativePath} has an empty, "." or ".." part.`);
  await makeFolderInside(root, parts.slice(0, -1));
  const full = join(root, ...parts);
  const { handle, created } = await openNoFollow(full);
  try {
    const info = await handle.stat();
    const where = await openedPath(handle.fd, full);
    if (!info.isFile() || !where.startsWith(root + sep)) {
      if (created) await unlink(where).catch(() => undefined);
      throw linkRefused(full);
    }
    await handle.truncate(0);
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}
