/**
 * Which URLs belong to the studio's own renderer. Navigation, window.open and IPC
 * sender checks all ask this one question, so they cannot drift apart.
 */

/** The built renderer is served on this privileged scheme (see app-protocol.ts), never from file://. */
export const APP_SCHEME = 'loreweaver';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is a page of the renderer at `appUrl`: the same origin as the dev server,
 * or for the built renderer the app scheme's own host. A file:// page never is, so a stray
 * HTML file on disk cannot reach the studio.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const target = parse(url);
  const app = parse(appUrl);
  if (!target || !app) return false;
  if (app.protocol === `${APP_SCHEME}:`) return target.protocol === app.protocol && target.host === app.host;
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false;
  // Same protocol too: a blob: URL reports the origin of the page that made it.
  return target.protocol === app.protocol && target.origin === app.origin;
}

/** The renderer's URL: electron-vite's dev server (`ELECTRON_RENDERER_URL`, never in a packaged app) while developing, else the app scheme. */
export function resolveAppUrl(devServerUrl: string | undefined): string {
  const dev = devServerUrl ? parse(devServerUrl) : null;
  if (dev && (dev.protocol === 'http:' || dev.protocol === 'https:')) return dev.href;
  return APP_ENTRY_URL;
}

/** True when the renderer comes from a dev server rather than built files. */
export const isDevServerUrl = (appUrl: string): boolean => !appUrl.startsWith(`${APP_SCHEME}:`);
