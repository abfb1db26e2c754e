import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../app-error';

/**
 * The runtime files a pack ships (resources/runtime). They are read from disk, not bundled,
 * so the exported files are byte for byte the ones the conformance tests run. The folder
 * sits three levels above this module in the source tree (tests, tsx) and two above the
 * built main chunk (out/main). The web runtime there is built from main/domain by the
 * build and the unit tests' setup (scripts/web-runtime); the Luau runtime is written by hand.
 */
const CANDIDATES = [resolve(import.meta.dirname, '../../../resources'), resolve(import.meta.dirname, '../../resources')];

let cached: Map<string, string> | undefined;

export function runtimeSource(relativePath: string): string {
  cached ??= new Map();
  let text = cached.get(relativePath);
  if (text === undefined) {
    const dir = CANDIDATES.find((candidate) => existsSync(join(candidate, 'runtime', relativePath)));
    if (!dir) throw new AppError('internal', `The studio's runtime file ${relativePath} is missing; run npm run build or reinstall.`);
    text = readFileSync(join(dir, 'runtime', relativePath), 'utf8');
    cached.set(relativePath, text);
  }
  return text;
}
