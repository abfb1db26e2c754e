/** Typing into one field within this long of the last keystroke extends the same undo step. */
export const COALESCE_MS = 1200;
const MAX_STEPS = 200;

/** The document before a labelled change ("Edit name", "Add stage"): undo goes back to it. */
export interface UndoStep<T> {
  label: string;
  value: T;
}

/**
 * The undo stack after a change: a new step, unless the change continues a burst of
 * keystrokes in the same field (same `coalesce` key, moments after the last), whose step
 * already holds the value from before the burst.
 */
export function recordStep<T>(
  past: readonly UndoStep<T>[],
  step: UndoStep<T>,
  coalesce: string | undefined,
  last: { key: string; at: number } | undefined,
  at: number,
): readonly UndoStep<T>[] {
  if (coalesce !== undefined && last?.key === coalesce && at - last.at < COALESCE_MS && past.length) return past;
  return [...past, step].slice(-MAX_STEPS);
}
