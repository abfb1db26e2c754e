import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EngineExit {
  code: number | null;
  signal: string | null;
  /** The end of what the process wrote to stdout and stderr: llama.cpp prints its assertion there before it aborts. */
  output: string;
}

/**
 * The studio's side of the channel to an engine process. A forked Node process
 * implements it here; the desktop app can put an Electron utilityProcess behind the
 * same four methods without touching the supervisor.
 */
export interface EngineTransport {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (exit: EngineExit) => void): void;
  kill(): void;
}

export type TransportFactory = () => EngineTransport;

export interface WorkerEntry {
  script: string;
  execArgv: string[];
}

const OUTPUT_TAIL_CHARS = 4000;

/**
 * The engine's entry: the bundled `llm-worker.js` beside the built main entries (this
 * module may sit one level down, in the bundle's shared chunks), or the TypeScript
 * source run through tsx when the studio itself runs from source (unit tests).
 */
export function defaultWorkerEntry(): WorkerEntry {
  const here = import.meta.dirname;
  const built = [join(here, 'llm-worker.js'), join(here, '..', 'llm-worker.js')].find((path) => existsSync(path));
  if (built) return { script: built, execArgv: [] };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { script: join(here, 'engine-worker.ts'), execArgv: ['--import', tsx] };
}

/** Runs the engine as a child Node process (inside Electron, its binary in Node mode). */
export function forkTransport(entry: WorkerEntry = defaultWorkerEntry()): EngineTransport {
  const child = fork(entry.script, [], {
    execArgv: entry.execArgv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, ...(process.versions.electron ? { ELECTRON_RUN_AS_NODE: '1' } : {}) },
    serialization: 'json',
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // A send racing the child's death must not throw into the studio: the exit listener reports it.
  child.on('error', () => {});
  return {
    send: (message) => {
      if (child.connected) child.send(message as object);
    },
    onMessage: (listener) => child.on('message', listener),
    // 'close', not 'exit': it comes after the pipes drain, so the output holds the native abort message.
    onExit: (listener) => child.once('close', (code, signal) => listener({ code, signal, output })),
    kill: () => {
      child.kill('SIGKILL');
    },
  };
}
