import { BrowserWindow, ipcMain } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../preload/channels';
import type { Studio } from '../core/studio';
import { fail } from '../domain/result';
import { isAppUrl } from './app-url';
import { isTrustedSender } from './ipc-sender';

/**
 * Binds the Studio's contract to IPC for the desktop app: one invoke channel for
 * every method (the Studio parses inputs and returns a Result), and its events sent
 * to every window that shows the studio. Returns a function that unbinds both.
 */
export function bindStudioIpc(studio: Pick<Studio, 'call' | 'events'>, appUrl: string): () => void {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame, appUrl)) {
      console.warn(`[loreweaver] refused an IPC call from ${frame ? `${frame.parent ? 'a sub-frame at ' : ''}${frame.url}` : 'a closed frame'}`);
      return fail('forbidden', 'Only the studio window may call the studio.');
    }
    if (typeof method !== 'string') return fail('invalid_input', 'The method name must be a string.');
    return studio.call(method, input);
  });

  const unsubscribe = studio.events.subscribe((studioEvent) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (!contents.isDestroyed() && isAppUrl(contents.getURL(), appUrl)) contents.send(IPC_EVENT_CHANNEL, studioEvent);
    }
  });

  return () => {
    ipcMain.removeHandler(IPC_CALL_CHANNEL);
    unsubscribe();
  };
}
