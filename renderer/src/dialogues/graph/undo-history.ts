import { composePatches } from './dialogue-patch';
import type { HistoryEntry } from './graph-commands';

/** Typing into one field within this long of the last keystroke extends the same undo step. */
export const COALESCE_MS = 1200;
const MAX_ENTRIES = 500;

/** Edits that may merge into one step: same key (e.g. node + field), close in time. */
export interface Coalesce {
  key: string;
  at: number;
}

export interface UndoHistory {
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
  /** How the newest step was made, so the next keystroke in the same field can join it. */
  last?: Coalesce;
}

export const emptyHistory = (): UndoHistory => ({ past: [], future: [] });

/** Records a step; a new step drops the redo stack, as every editor does. */
export function record(history: UndoHistory, entry: HistoryEntry, coalesce?: Coalesce): UndoHistory {
  const top = history.past.at(-1);
  if (top && coalesce && history.last?.key === coalesce.key && coalesce.at - history.last.at < COALESCE_MS) {
    const merged: HistoryEntry = {
      label: top.label,
      patch: composePatches(top.patch, entry.patch),
      inverse: composePatches(entry.inverse, top.inverse),
    };
    return { past: [...history.past.slice(0, -1), merged], future: [], last: coalesce };
  }
  return { past: [...history.past, entry].slice(-MAX_ENTRIES), future: [], last: coalesce };
}

/** The step to take back and the history after it, or null with nothing to undo. */
export function undo(history: UndoHistory): { entry: HistoryEntry; history: UndoHistory } | null {
  const entry = history.past.at(-1);
  if (!entry) return null;
  return { entry, history: { past: history.past.slice(0, -1), future: [...history.future, entry] } };
}

/** The step to apply again and the history after it, or null with nothing to redo. */
export function redo(history: UndoHistory): { entry: HistoryEntry; history: UndoHistory } | null {
  const entry = history.future.at(-1);
  if (!entry) return null;
  return { entry, history: { past: [...history.past, entry], future: history.future.slice(0, -1) } };
}
