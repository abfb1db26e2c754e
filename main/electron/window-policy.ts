/**
 * What a desktop window may do, as pure functions: stay on the studio's own pages,
 * open nothing itself, hand web links to the system browser, and get no browser
 * permissions. `window.ts` attaches them; they take no `electron` import so they are
 * tested in plain Node.
 */
import { isAppUrl } from './app-url';

/**
 * A navigation may only stay inside the studio's renderer; links leave through `window.open`.
 * A sub-frame may not navigate at all: the studio shows no frames, so one is never its own.
 */
export const shouldAllowNavigation = (url: string, appUrl: string, isMainFrame = true): boolean => isMainFrame && isAppUrl(url, appUrl);

/** Web links are the only URLs worth handing to the system browser; file:, javascript: and custom schemes could run things. */
export function isWebLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** A `setWindowOpenHandler` handler: never opens an Electron window; web links go to `openExternal`. */
export function windowOpenHandler(openExternal: (url: string) => void) {
  return ({ url }: { url: string }): { action: 'deny' } => {
    if (isWebLink(url)) openExternal(url);
    return { action: 'deny' };
  };
}

/** The studio needs no camera, microphone, notifications or other browser permission. */
export function permissionRequestHandler(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** Synchronous permission checks get the same answer as requests. */
export const permissionCheckHandler = (): boolean => false;
