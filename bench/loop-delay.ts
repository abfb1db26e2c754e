/**
 * Watches the event loop while work runs: the longest it went without running a 1 ms timer
 * is what a health check (or, in the desktop app, the window) would have waited at worst.
 */
export function watchEventLoop(): { worst(): number; stop(): number } {
  let last = performance.now();
  let worst = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 1);
  const current = () => Math.max(worst, performance.now() - last);
  return {
    worst: current,
    stop: () => {
      clearInterval(ticker);
      return current();
    },
  };
}

/** A pause that lets the watcher's timer run, so one measure's work does not count against the next. */
export const settle = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));
