import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Dialogue, DialogueProblem } from '../../../../main/domain/dialogue';
import type { SaveProblem } from '../../documents/document-session';
import { applyPatch, type DialoguePatch } from './dialogue-patch';
import { runCommand, type CommandArgs, type CommandName } from './graph-commands';
import { emptyHistory, record, redo, undo, type UndoHistory } from './undo-history';

export type FocusMode = 'fit' | 'reveal';

export interface RunOptions {
  /** Joins the previous step when it has the same key and came moments ago (typing). */
  coalesce?: string;
  /** The selection after the edit; the editor selects what it just added. */
  select?: string[];
}

export interface EditorState {
  id: string;
  /** The dialogue as the creator sees it; its document session saves it. */
  dialogue: Dialogue;
  history: UndoHistory;
  selection: readonly string[];
  /** The node whose text is being edited in place. */
  editing: string | null;
  /** What the studio refused to save, then the findings of the last validation run; the same grouped by node. */
  problems: readonly DialogueProblem[];
  refused: readonly DialogueProblem[];
  found: readonly DialogueProblem[];
  problemsByNode: ReadonlyMap<string, readonly DialogueProblem[]>;
  /** Bumped to ask the canvas to show these nodes: zoomed to fit them, or just panned into view. */
  focus: { ids: readonly string[]; seq: number; mode: FocusMode };

  run<K extends CommandName>(name: K, args: CommandArgs[K], options?: RunOptions): boolean;
  undo(): boolean;
  redo(): boolean;
  select(ids: readonly string[]): void;
  setEditing(id: string | null): void;
  setProblems(problems: readonly DialogueProblem[]): void;
  /** Shows what the last save the studio refused names, on its nodes and in the validation panel. */
  setRefused(problems: readonly SaveProblem[]): void;
  /** Selects the nodes and asks the canvas to show them. */
  focusNodes(ids: readonly string[], mode?: FocusMode): void;
}

const refusal = (problem: SaveProblem): DialogueProblem => ({
  severity: 'error',
  code: 'save_refused',
  message: `Not saved: ${problem.message}`,
  nodeId: problem.nodeId,
  field: problem.field || undefined,
});

function groupByNode(problems: readonly DialogueProblem[]): Map<string, DialogueProblem[]> {
  const byNode = new Map<string, DialogueProblem[]>();
  for (const problem of problems) {
    if (problem.nodeId === undefined) continue;
    const list = byNode.get(problem.nodeId);
    if (list) list.push(problem);
    else byNode.set(problem.nodeId, [problem]);
  }
  return byNode;
}

/**
 * One editor's state: the dialogue, its undo history, the selection and the validation
 * findings. Every change to the dialogue goes through `run` (a registered command) or
 * `undo`/`redo`, so each is one undo step; commands replace only the nodes they touch, so
 * the document session's save finds them by reference. Plain zustand, no DOM: the unit
 * tests drive it directly.
 */
export function createEditorStore(dialogue: Dialogue, id: string, now: () => number = Date.now): StoreApi<EditorState> {
  return createStore<EditorState>((set, get) => {
    const apply = (patch: DialoguePatch, history: UndoHistory, selection?: readonly string[]) => {
      const state = get();
      const next = applyPatch(state.dialogue, patch);
      const alive = (selection ?? state.selection).filter((nodeId) => next.nodes[nodeId]);
      set({ dialogue: next, history, selection: alive });
    };

    const showProblems = (refused: readonly DialogueProblem[], found: readonly DialogueProblem[]) => {
      const problems = [...refused, ...found];
      set({ refused, found, problems, problemsByNode: groupByNode(problems) });
    };

    return {
      id,
      dialogue,
      history: emptyHistory(),
      selection: [],
      editing: null,
      problems: [],
      refused: [],
      found: [],
      problemsByNode: new Map(),
      focus: { ids: [], seq: 0, mode: 'fit' },

      run(name, args, options = {}) {
        const state = get();
        const entry = runCommand(state.dialogue, name, args);
        if (!entry) return false;
        const coalesce = options.coalesce ? { key: options.coalesce, at: now() } : undefined;
        apply(entry.patch, record(state.history, entry, coalesce), options.select);
        return true;
      },

      undo() {
        const step = undo(get().history);
        if (!step) return false;
        apply(step.entry.inverse, step.history);
        return true;
      },

      redo() {
        const step = redo(get().history);
        if (!step) return false;
        apply(step.entry.patch, step.history);
        return true;
      },

      select(ids) {
        const current = get().selection;
        if (ids.length === current.length && ids.every((nodeId, i) => nodeId === current[i])) return;
        set({ selection: ids });
      },

      setEditing: (editing) => set({ editing }),

      setProblems: (found) => showProblems(get().refused, found),

      setRefused: (problems) => showProblems(problems.map(refusal), get().found),

      focusNodes(ids, mode = 'fit') {
        set((s) => ({ selection: ids, focus: { ids, seq: s.focus.seq + 1, mode } }));
      },
    };
  });
}
