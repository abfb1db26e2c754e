import type { EngineMessage } from './protocol';

/** The engine process's side of its channel to the studio. */
export interface EnginePort {
  send(message: EngineMessage): void;
  onMessage(listener: (message: unknown) => void): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/**
 * Electron's `process.parentPort` when the engine runs as a utility process, Node's IPC
 * channel when it was forked. A forked engine exits when the studio disconnects, so a
 * studio that dies without cleaning up leaves no model in memory behind.
 */
export function connectToStudio(): EnginePort {
  const electronPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      send: (message) => electronPort.postMessage(message),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('The engine runs as a child of the studio: start it with child_process.fork or utilityProcess.fork.');
  process.once('disconnect', () => process.exit(0));
  return {
    send: (message) => {
      if (process.connected) send(message);
    },
    onMessage: (listener) => process.on('message', listener),
  };
}
