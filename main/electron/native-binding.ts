import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 in node_modules is built for Node (tests and `npm run serve` need
 * that); Electron needs a build for its own ABI. scripts/prepare-desktop.mjs writes
 * that build to this path, which must stay in step with the script.
 */
export const electronNativeBindingPath = (appRoot: string, electronVersion: string): string =>
  join(appRoot, '.cache', 'electron-native', electronVersion, 'better_sqlite3.node');

/** The Electron build of better-sqlite3 when running under Electron and it has been prepared; else undefined. */
export function electronNativeBinding(
  appRoot: string,
  versions: { readonly electron?: string } = process.versions,
): string | undefined {
  if (!versions.electron) return undefined;
  const path = electronNativeBindingPath(appRoot, versions.electron);
  return existsSync(path) ? path : undefined;
}
