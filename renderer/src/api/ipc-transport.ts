import type { LoreweaverBridge } from '../../../preload/api';
import { UnreachableError } from './api-client';
import type { Transport } from './transport';

/** Desktop: the preload bridge exposed as `window.loreweaver`. */
export function ipcTransport(bridge: LoreweaverBridge): Transport {
  return {
    kind: 'ipc',
    call: (method, input) =>
      bridge.call(method, input).catch((error: unknown) => {
        throw new UnreachableError(`The studio's main process did not answer: ${error instanceof Error ? error.message : String(error)}`);
      }),
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
