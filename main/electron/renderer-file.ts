import { isAbsolute, join, relative } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-url';

const ENCODED_SEPARATOR = /%2f|%5c/i;

/**
 * The file of the built renderer that an app-scheme URL names, or null when it names
 * none: another scheme or host, an encoded slash (which could name a different file), or
 * a path that resolves outside `rendererDir`. The bare origin is index.html.
 */
export function rendererFile(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || ENCODED_SEPARATOR.test(parsed.pathname)) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const file = join(rendererDir, path === '/' ? 'index.html' : path);
  const inside = relative(rendererDir, file);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? file : null;
}
