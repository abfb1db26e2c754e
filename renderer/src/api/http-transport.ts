import type { StudioEvent } from '../../../preload/api';
import type { Result } from '../../../main/domain/result';
import { UnreachableError } from './api-client';
import type { Transport } from './transport';

type Listener = (event: StudioEvent) => void;

/** Browser mode: calls are POST /api/call/<method>, events arrive over the /api/events WebSocket. */
export function httpTransport(token: string, onConnectionChange: (connected: boolean) => void): Transport {
  const listeners = new Set<Listener>();
  let socket: WebSocket | null = null;
  let retry = 0;

  const connect = () => {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${window.location.host}/api/events?token=${encodeURIComponent(token)}`);
    socket.onopen = () => {
      retry = 0;
      onConnectionChange(true);
    };
    socket.onmessage = (message) => {
      const event = JSON.parse(String(message.data)) as StudioEvent;
      for (const listener of listeners) listener(event);
    };
    socket.onclose = () => {
      onConnectionChange(false);
      socket = null;
      if (listeners.size === 0) return;
      retry = Math.min(retry + 1, 4);
      window.setTimeout(connect, 250 * 2 ** retry);
    };
  };

  return {
    kind: 'http',
    async call(method, input) {
      let response: Response;
      try {
        response = await fetch(`/api/call/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        throw new UnreachableError('The studio server is not reachable. Is `npm run serve` still running?');
      }
      try {
        return (await response.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `The server answered ${response.status} without a result.` } };
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      if (!socket) connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) socket?.close();
      };
    },
  };
}
