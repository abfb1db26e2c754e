import type { LoreweaverBridge } from '../../../preload/api';
import type { Transport } from './transport';

/** Desktop: the preload bridge exposed as `window.loreweaver`. */
export function ipcTransport(bridge: LoreweaverBridge): Transport {
  return {
    kind: 'ipc',
    call: (method, input) => bridge.call(method, input),
    onEvent: (listener) => bridge.onEvent(listener),
  };
}
