import { ensureWebRuntime } from '../../scripts/web-runtime/build-web-runtime';

/** Vitest global setup: the exported web runtime is build output, so build it (when its sources changed) before tests export or play it. */
export default async function setup(): Promise<void> {
  await ensureWebRuntime();
}
