import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Dialogue, DialogueProblem } from '../../../../main/domain/dialogue';
import type { DialogueChange } from '../../../../preload/contract/dialogues';
import { applyPatch, touchedNodeIds, type DialoguePatch, type HeaderKey } from './dialogue-patch';
import { runCommand, type CommandArgs, type CommandName } from './graph-commands';
import { buildSaveChange, mergeChanges, noChanges, type PendingChanges } from './save-patch';
import { emptyHistory, record, redo, undo, type UndoHistory } from './undo-history';

export type FocusMode = 'fit' | 'reveal';

export interface RunOptions {
  /** Joins the previous step when it has the same key and came moments ago (typing). */
  coalesce?: string;
  /** The selection after the edit; the editor selects what it just added. */
  select?: string[];
}

/** A `dialogues:save` ready to send, and what to do with its answer. */
export interface SaveAttempt {
  change: DialogueChange;
  /** Call with the new revision once the backend stored it. */
  done(revision: number): void;
  /** Call when it was refused; the changes stay pending. `conflict` stops autosave until reload. */
  failed(conflict: boolean): void;
}

export interface EditorState {
  id: string;
  /** The revision `saved` is at: the base of the next save. */
  revision: number;
  /** The dialogue as the backend holds it. */
  saved: Dialogue;
  /** The dialogue as the creator sees it. */
  dialogue: Dialogue;
  history: UndoHistory;
  pending: PendingChanges;
  saving: boolean;
  /** Someone else saved this dialogue; saving stops until it is reloaded. */
  conflict: boolean;
  selection: readonly string[];
  /** The node whose text is being edited in place. */
  editing: string | null;
  /** Findings of the last validation run, and the same grouped by node. */
  problems: readonly DialogueProblem[];
  problemsByNode: ReadonlyMap<string, readonly DialogueProblem[]>;
  /** Bumped to ask the canvas to show these nodes: zoomed to fit them, or just panned into view. */
  focus: { ids: readonly string[]; seq: number; mode: FocusMode };

  run<K extends CommandName>(name: K, args: CommandArgs[K], options?: RunOptions): boolean;
  undo(): boolean;
  redo(): boolean;
  select(ids: readonly string[]): void;
  setEditing(id: string | null): void;
  setProblems(problems: readonly DialogueProblem[]): void;
  /** Selects the nodes and asks the canvas to show them. */
  focusNodes(ids: readonly string[], mode?: FocusMode): void;
  beginSave(): SaveAttempt | null;
  /** Replaces everything with a freshly loaded document (after a conflict, or a restore). */
  reset(dialogue: Dialogue, revision: number): void;
}

const changesOf = (patch: DialoguePatch): PendingChanges => ({
  nodeIds: touchedNodeIds(patch),
  header: new Set(Object.keys(patch.header ?? {}) as HeaderKey[]),
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
 * One editor's state: the dialogue, its undo history, what autosave still owes the
 * backend, the selection and the validation findings. Every change to the dialogue goes
 * through `run` (a registered command) or `undo`/`redo`, so each is one undo step and
 * autosave sends exactly the nodes and fields those steps touched. Plain zustand, no DOM:
 * the unit tests drive it directly.
 */
export function createEditorStore(dialogue: Dialogue, id: string, revision: number, now: () => number = Date.now): StoreApi<EditorState> {
  return createStore<EditorState>((set, get) => {
    const apply = (patch: DialoguePatch, history: UndoHistory, selection?: readonly string[]) => {
      const state = get();
      const next = applyPatch(state.dialogue, patch);
      const alive = (selection ?? state.selection).filter((nodeId) => next.nodes[nodeId]);
      set({ dialogue: next, history, pending: mergeChanges(state.pending, changesOf(patch)), selection: alive });
    };

    return {
      id,
      revision,
      saved: dialogue,
      dialogue,
      history: emptyHistory(),
      pending: noChanges(),
      saving: false,
      conflict: false,
      selection: [],
      editing: null,
      problems: [],
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

      setProblems: (problems) => set({ problems, problemsByNode: groupByNode(problems) }),

      focusNodes(ids, mode = 'fit') {
        set((s) => ({ selection: ids, focus: { ids, seq: s.focus.seq + 1, mode } }));
      },

      beginSave() {
        const state = get();
        if (state.saving || state.conflict) return null;
        const change = buildSaveChange(state.saved, state.dialogue, state.pending, state.id, state.revision);
        if (!change) {
          set({ pending: noChanges() });
          return null;
        }
        const sent = state.pending;
        const snapshot = state.dialogue;
        set({ saving: true, pending: noChanges() });
        return {
          change,
          done: (newRevision) => set({ saving: false, saved: snapshot, revision: newRevision }),
          failed: (conflict) => set((s) => ({ saving: false, conflict, pending: mergeChanges(sent, s.pending) })),
        };
      },

      reset(fresh, freshRevision) {
        set({
          saved: fresh,
          dialogue: fresh,
          revision: freshRevision,
          history: emptyHistory(),
          pending: noChanges(),
          conflict: false,
          saving: false,
          selection: [],
          editing: null,
        });
      },
    };
  });
}
