import { mkdir, statfs } from 'node:fs/promises';

/** Bytes a non-root user may still write in the folder's file system. */
export async function freeBytes(dir: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
}
