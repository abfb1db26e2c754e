import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface DesktopLaunchOptions {
  workspaceDir: string;
  /** True when `--data-dir` fixed the workspace; the studio then refuses to move it. */
  workspaceLocked: boolean;
}

/**
 * Reads the desktop app's own flag, `--data-dir <folder>`, from an argv that also
 * holds Electron's path, the app path and Chromium switches, which are left alone.
 */
export function parseDesktopArgs(argv: readonly string[], homeDir: string): DesktopLaunchOptions {
  const { values } = parseArgs({
    args: argv.slice(1),
    options: { 'data-dir': { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const dataDir = values['data-dir'];
  if (dataDir === undefined) return { workspaceDir: join(homeDir, 'Loreweaver'), workspaceLocked: false };
  if (typeof dataDir !== 'string' || dataDir === '' || dataDir.startsWith('-')) {
    throw new Error('--data-dir needs a folder: --data-dir <folder> or --data-dir=<folder>');
  }
  return { workspaceDir: resolve(dataDir), workspaceLocked: true };
}
