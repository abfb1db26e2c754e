import { z } from 'zod';

/** Deep enough for any project layout, shallow enough to draw as a tree. */
export const MAX_FOLDER_DEPTH = 8;
const MAX_SEGMENT = 60;

/**
 * Tidies a folder path a creator typed: forward slashes, no empty, `.` or `..` segments,
 * trimmed segments. `''` is the top level. Returns null when it cannot be a folder.
 */
export function normalizeFolder(input: string): string | null {
  const segments = input
    .split(/[/\\]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (segments.length > MAX_FOLDER_DEPTH) return null;
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || segment.length > MAX_SEGMENT || /\p{Cc}/u.test(segment)) return null;
  }
  return segments.join('/');
}

/** A stored folder path: already normalized (`Quests/Village`, or `''` for the top level). */
export const FolderPath = z
  .string()
  .max(MAX_FOLDER_DEPTH * (MAX_SEGMENT + 1))
  .refine((s) => normalizeFolder(s) === s, `Folder must be names separated by "/" (at most ${MAX_FOLDER_DEPTH} deep, no "." or "..")`);

/** A folder and every folder above it: `a/b/c` → `['a', 'a/b', 'a/b/c']`. */
export function folderAncestors(folder: string): string[] {
  if (!folder) return [];
  const segments = folder.split('/');
  return segments.map((_, i) => segments.slice(0, i + 1).join('/'));
}

/** Whether `folder` is `parent` or lies inside it. */
export const isInFolder = (folder: string, parent: string): boolean => !parent || folder === parent || folder.startsWith(`${parent}/`);

/** Moves a folder path from under `from` to under `to` (renaming or moving a folder moves what is inside). */
export function reparentFolder(folder: string, from: string, to: string): string {
  if (!isInFolder(folder, from)) return folder;
  const rest = folder.slice(from.length).replace(/^\//, '');
  return [to, rest].filter(Boolean).join('/');
}
