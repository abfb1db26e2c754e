import type { EventName, EventPayload, LoreweaverBridge, MethodInput, MethodName, MethodOutput } from '../../../preload/api';
import type { ErrorValue } from '../../../main/domain/result';
import { takeAccessToken } from './access-token';
import { httpTransport } from './http-transport';
import { ipcTransport } from './ipc-transport';
import type { Transport } from './transport';

/** A failed call, with the error code and message from the Studio. */
export class ApiError extends Error {
  readonly code: ErrorValue['code'];
  constructor(error: ErrorValue) {
    super(error.message);
    this.code = error.code;
  }
}

/** The typed client every store and component uses. */
export class ApiClient {
  constructor(private readonly transport: Transport) {}

  get host(): Transport['kind'] {
    return this.transport.kind;
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const result = await this.transport.call(method, input);
    if (!result.ok) throw new ApiError(result.error);
    return result.value as MethodOutput<M>;
  }

  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.transport.onEvent((event) => {
      if (event.name === name) listener(event.payload as EventPayload<E>);
    });
  }
}

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
