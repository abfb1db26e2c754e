import { lstatSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../app-error';

/**
 * Confines a path that came from the UI or the network to the folders the creator chose
 * (the workspace, the models folder and the file folders the studio was started with), so
 * a hostile page or a compromised renderer cannot make the studio read or write elsewhere.
 *
 * The path must be absolute, hold no `..` segment and no control character, and lie inside
 * one of the roots; no part of it below the root may be a symbolic link (a link inside the
 * workspace pointing at /etc would otherwise be a way out). Links above a root are fine:
 * the root's own real path is what the path is checked against. Parts of the path that do
 * not exist yet (an export folder about to be made) are allowed. Returns the real path,
 * which is what the handler then works on.
 */
export function confinePath(input: string, roots: readonly string[]): string {
  if (/\p{Cc}/u.test(input)) throw refused(input, 'it contains control characters');
  if (!isAbsolute(input)) throw refused(input, 'it is not a full path');
  if (input.split(/[\\/]/).includes('..')) throw refused(input, 'it contains ".."');
  const path = resolve(input);
  let link: string | null = null;
  // Roots may nest (a models folder reached through a link in the home folder): any root that holds the path without a link will do.
  for (const root of roots) {
    const inside = insideOf(path, root);
    if (!inside) continue;
    link = firstLink(inside.realRoot, inside.rest);
    if (!link) return join(inside.realRoot, ...inside.rest);
  }
  if (link) throw refused(input, `${link} is a symbolic link; links are not followed`);
  throw refused(input, `it is outside the folders the studio may use (${roots.join(', ')})`);
}

/** The first existing part of `root/rest…` that is a symbolic link, if any. */
function firstLink(root: string, rest: string[]): string | null {
  let current = root;
  for (const part of rest) {
    current = join(current, part);
    const info = lstatOrNull(current);
    if (!info) return null;
    if (info.isSymbolicLink()) return current;
  }
  return null;
}

/** The root's real path and the parts of `path` below it, when `path` is inside `root` (as written or as its real path). */
function insideOf(path: string, root: string): { realRoot: string; rest: string[] } | null {
  const written = resolve(root);
  let realRoot: string;
  try {
    realRoot = realpathSync(written);
  } catch {
    return null;
  }
  for (const base of [written, realRoot]) {
    const rest = relative(base, path);
    if (rest === '') return { realRoot, rest: [] };
    if (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest)) return { realRoot, rest: rest.split(sep) };
  }
  return null;
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

const refused = (path: string, why: string) => new AppError('invalid_input', `The path ${JSON.stringify(path)} was refused: ${why}.`);
