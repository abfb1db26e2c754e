import { utilityProcess } from 'electron';
import type { EngineTransport } from '../core/llm/engine-transport';

const OUTPUT_TAIL_CHARS = 4000;

/**
 * The engine in an Electron utility process: Chromium's own child-process machinery, so
 * the desktop app needs no Node-mode copy of its binary (RunAsNode can stay fused off).
 * The worker talks over `process.parentPort` (main/core/llm/engine-port.ts), and the
 * supervisor sees the same four methods as with a forked process.
 */
export function utilityProcessTransport(script: string): EngineTransport {
  const child = utilityProcess.fork(script, [], { stdio: 'pipe', serviceName: 'Loreweaver model engine' });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  return {
    send: (message) => {
      if (!exited) child.postMessage(message);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) =>
      child.once('exit', (code) => {
        exited = true;
        listener({ code, signal: null, output });
      }),
    kill: () => {
      child.kill();
    },
  };
}
