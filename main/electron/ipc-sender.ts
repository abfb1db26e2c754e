import { isAppUrl } from './app-url';

/** What the sender check reads of Electron's WebFrameMain. */
export interface SenderFrame {
  url: string;
  /** null for a window's main frame. */
  parent: unknown;
}

/**
 * Whether an IPC call may reach the Studio: only the main frame of a window showing the
 * studio's own renderer may call it (as VS Code's validateSender does). A sub-frame, even
 * one showing a studio page, a frame that got to another page, an about:blank frame or a
 * file on disk cannot; a frame that is gone (Electron then reports none) is refused too.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, appUrl: string): boolean {
  return !!frame && frame.parent === null && typeof frame.url === 'string' && isAppUrl(frame.url, appUrl);
}
