import { availableParallelism } from 'node:os';

/**
 * Threads for token evaluation: every core but one, so the UI and the studio's own
 * work stay responsive. node-llama-cpp's own default (4) oversubscribes small machines,
 * which makes generation about 100x slower on two cores.
 */
export function defaultThreads(cores = availableParallelism()): number {
  return Math.max(1, cores - 1);
}
