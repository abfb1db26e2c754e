import type { LoreweaverBridge } from '../../../preload/api';
import { takeAccessToken } from './access-token';
import { ApiClient } from './api-client';
import { httpTransport } from './http-transport';
import { ipcTransport } from './ipc-transport';

declare global {
  interface Window {
    loreweaver?: LoreweaverBridge;
  }
}

export type ConnectionListener = (connected: boolean) => void;
const connectionListeners = new Set<ConnectionListener>();

/** Subscribes to the browser-mode event connection going up and down. */
export function onConnectionChange(listener: ConnectionListener): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

function createClient(): ApiClient {
  if (window.loreweaver) return new ApiClient(ipcTransport(window.loreweaver));
  const token = takeAccessToken() ?? '';
  return new ApiClient(httpTransport(token, (up) => connectionListeners.forEach((l) => l(up))));
}

export const api = createClient();
export { ApiClient, ApiError, UnreachableError } from './api-client';
