/**
 * Which URLs belong to the studio's own renderer. Navigation, window.open and IPC
 * sender checks all ask this one question, so they cannot drift apart.
 */
import { pathToFileURL } from 'node:url';

const ENCODED_SEPARATOR = /%2f|%5c/i;

/** Chromium upper-cases a Windows drive letter in file URLs; Node keeps the path's own case. */
const filePath = (url: URL): string => url.pathname.replace(/^\/([a-z]):/, (_, drive: string) => `/${drive.toUpperCase()}:`);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is a page of the renderer at `appUrl`: the same origin as the dev
 * server, or, for the built renderer, a file:// URL inside the folder that holds its
 * index.html. `URL` resolves `..` segments first, so `renderer/../../x` is outside;
 * encoded slashes are refused because they could name a different file on disk.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const target = parse(url);
  const app = parse(appUrl);
  if (!target || !app) return false;
  if (app.protocol === 'file:') {
    if (target.protocol !== 'file:' || target.host !== app.host) return false;
    const path = filePath(target);
    if (ENCODED_SEPARATOR.test(path)) return false;
    const index = filePath(app);
    return path.startsWith(index.slice(0, index.lastIndexOf('/') + 1));
  }
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false;
  // Same protocol too: a blob: URL reports the origin of the page that made it.
  return target.protocol === app.protocol && target.origin === app.origin;
}

export interface AppUrlSource {
  /** electron-vite's dev server (`ELECTRON_RENDERER_URL`); ignored in a packaged app. */
  devServerUrl: string | undefined;
  /** The built renderer's index.html on disk. */
  rendererIndex: string;
}

/** The renderer's URL: the dev server while developing, else the built index.html. */
export function resolveAppUrl({ devServerUrl, rendererIndex }: AppUrlSource): string {
  const dev = devServerUrl ? parse(devServerUrl) : null;
  if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:')) return dev.href;
  return pathToFileURL(rendererIndex).href;
}

/** True when the renderer comes from a dev server rather than built files. */
export const isDevServerUrl = (appUrl: string): boolean => !appUrl.startsWith('file:');
