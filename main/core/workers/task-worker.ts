import { parentPort, workerData } from 'node:worker_threads';
import { WORKER_TASKS, type WorkerTaskName } from './worker-tasks';

/**
 * The worker thread's entry: runs one task, posts what it reports as it goes, then its value,
 * or the error's name, code and message so the studio can throw the same kind of error (see run-in-worker.ts).
 */
const { task, input } = workerData as { task: WorkerTaskName; input: never };
try {
  const emit = (...event: unknown[]) => parentPort!.postMessage({ event });
  parentPort!.postMessage({ ok: true, value: await WORKER_TASKS[task](input, emit as never) });
} catch (error) {
  const { name = 'Error', message = String(error), code } = error as { name?: string; message?: string; code?: unknown };
  parentPort!.postMessage({ ok: false, error: { name, message, code } });
}
