import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PackError } from '../../domain/pack';
import { AppError } from '../app-error';
import type { WORKER_TASKS, WorkerTaskName } from './worker-tasks';

type Task<K extends WorkerTaskName> = (typeof WORKER_TASKS)[K];
/** What a task reports as it goes (its second parameter), called here with the same arguments. */
type TaskEvents<K extends WorkerTaskName> = Parameters<Task<K>> extends [unknown, infer Emit] ? Emit : never;

/**
 * The worker's entry: the bundled `task-worker.js` beside the built main entries (this
 * module may sit one level down, in a shared chunk), or the TypeScript source, loaded
 * through tsx's loader, when the studio runs from source (unit tests, benchmarks).
 */
function workerScript(): { script: string | URL; eval: boolean } {
  const here = import.meta.dirname;
  const built = [join(here, 'task-worker.js'), join(here, '..', 'task-worker.js')].find((path) => existsSync(path));
  if (built) return { script: built, eval: false };
  const tsxApi = new URL('./esm/api/index.mjs', pathToFileURL(createRequire(import.meta.url).resolve('tsx')));
  const source = pathToFileURL(join(here, 'task-worker.ts'));
  const code = `import(${JSON.stringify(tsxApi.href)}).then(({ register }) => { register(); return import(${JSON.stringify(source.href)}); })`;
  return { script: code, eval: true };
}

/** Room for the largest pack the limits allow (512 MB of text, twice over as strings); a task past it fails alone. */
const WORKER_HEAP_MB = 3072;

const ERRORS: Record<string, (code: never, message: string) => Error> = {
  PackError: (code, message) => new PackError(code, message),
  AppError: (code, message) => new AppError(code, message),
};

/**
 * Runs a task of worker-tasks.ts on a worker thread of its own and resolves with its value;
 * what the task reports on the way (progress, items written) reaches `onEvent` with the
 * same arguments. A PackError or AppError thrown there is thrown here as the same kind of
 * error. The thread ends with the task, so memory a hostile file made it use is freed at once.
 */
export function runInWorker<K extends WorkerTaskName>(
  task: K,
  input: Parameters<Task<K>>[0],
  onEvent?: TaskEvents<K>,
): Promise<Awaited<ReturnType<Task<K>>>> {
  const { script, eval: isCode } = workerScript();
  const worker = new Worker(script, {
    eval: isCode,
    workerData: { task, input },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  type Message =
    | { event: unknown[] }
    | { ok: true; value: Awaited<ReturnType<Task<K>>> }
    | { ok: false; error: { name: string; message: string; code: never } };
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: Message) => {
      if ('event' in message) return (onEvent as ((...args: unknown[]) => void) | undefined)?.(...message.event);
      settled = true;
      if (message.ok) resolve(message.value);
      else reject((ERRORS[message.error.name] ?? ((_code, text) => new Error(text)))(message.error.code, message.error.message));
      void worker.terminate();
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The worker thread stopped (exit code ${code}) before it finished.`));
    });
  });
}
