import { useCallback, useRef, useState } from 'react';

/** Typing in one field within this long is one undo step. */
const GROUP_WINDOW_MS = 1500;

interface Step {
  group: string | undefined;
  at: number;
}

const NO_STEP: Step = { group: undefined, at: 0 };

/**
 * A value with undo and redo. A change is an update of the latest value and passes a
 * group (the field typed in) so a burst of keystrokes undoes at once; a change without
 * one (an accepted rewrite, a removed entry) is always its own step.
 */
export function useUndoable<T>(initial: T) {
  const [state, setState] = useState({ past: [] as T[], value: initial, future: [] as T[] });
  const last = useRef<Step>(NO_STEP);

  const change = useCallback((update: (value: T) => T, group?: string) => {
    const now = Date.now();
    const merge = group !== undefined && last.current.group === group && now - last.current.at < GROUP_WINDOW_MS;
    last.current = { group, at: now };
    setState((s) => ({ past: merge ? s.past : [...s.past, s.value].slice(-200), value: update(s.value), future: [] }));
  }, []);

  const undo = useCallback(() => {
    last.current = NO_STEP;
    setState((s) => (s.past.length ? { past: s.past.slice(0, -1), value: s.past[s.past.length - 1], future: [s.value, ...s.future] } : s));
  }, []);

  const redo = useCallback(() => {
    last.current = NO_STEP;
    setState((s) => (s.future.length ? { past: [...s.past, s.value], value: s.future[0], future: s.future.slice(1) } : s));
  }, []);

  /** Starts over from a value loaded from elsewhere (the stored NPC, a restored revision). */
  const reset = useCallback((value: T) => {
    last.current = NO_STEP;
    setState({ past: [], value, future: [] });
  }, []);

  return { value: state.value, change, undo, redo, reset, canUndo: state.past.length > 0, canRedo: state.future.length > 0 };
}
