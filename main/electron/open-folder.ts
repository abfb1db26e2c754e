import { stat } from 'node:fs/promises';

/**
 * Opens a folder in the system's file manager, and only a folder: `shell.openPath` on a
 * file would run it with its default application (a script, an installer).
 */
export async function openFolderOnly(path: string, openPath: (path: string) => Promise<string>): Promise<void> {
  const found = await stat(path).catch(() => null);
  if (!found?.isDirectory()) throw new Error(`${path} is not a folder, so it is not opened.`);
  const error = await openPath(path);
  if (error) throw new Error(error);
}
