import { isAppUrl } from './app-url';

/**
 * Whether an IPC call may reach the Studio: only frames showing the studio's own
 * renderer may call it (as VS Code's validateSender does), so a frame that somehow
 * got to another page, an about:blank frame, or a stray file cannot. A frame that is
 * gone (Electron then reports no sender frame) is refused too.
 */
export function isTrustedSender(frameUrl: string | null | undefined, appUrl: string): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl, appUrl);
}
