/**
 * The sandboxed renderer's only door to the main process: `window.loreweaver`, three
 * functions over three fixed channels. ipcRenderer and its event objects never cross
 * the bridge. This bundle imports nothing but `electron` and the channel names, so it
 * stays tiny (api.ts is imported for types only; zod is not bundled here).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { LoreweaverBridge, StudioEvent } from './api';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, IPC_MENU_CHANNEL } from './channels';

/** Passes on the payload only: the IPC event holds `sender`, which is ipcRenderer itself. */
function subscribe(channel: string, listener: (payload: unknown) => void): () => void {
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, forward);
  return () => {
    ipcRenderer.removeListener(channel, forward);
  };
}

const bridge: LoreweaverBridge = {
  call(method, input) {
    if (typeof method !== 'string') {
      return Promise.resolve({ ok: false, error: { code: 'invalid_input', message: 'The method name must be a string.' } });
    }
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, method, input);
  },
  onEvent: (listener) => subscribe(IPC_EVENT_CHANNEL, (event) => listener(event as StudioEvent)),
  onMenu: (listener) =>
    subscribe(IPC_MENU_CHANNEL, (command) => {
      if (typeof command === 'string') listener(command);
    }),
};

contextBridge.exposeInMainWorld('loreweaver', bridge);
