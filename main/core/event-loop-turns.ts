/** How long work may hold the event loop before it lets other calls (a health check, a keystroke's save) run. */
export const TURN_MS = 20;

/**
 * For long work split into small steps: call the returned function between steps; once
 * `turnMs` have passed since the last pause it waits for the event loop's next turn, so
 * the studio keeps answering while the work goes on.
 */
export function eventLoopTurns(turnMs = TURN_MS): () => Promise<void> {
  let started = performance.now();
  return async () => {
    if (performance.now() - started < turnMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    started = performance.now();
  };
}
