import { createStore, type StoreApi } from 'zustand/vanilla';
import { ApiError, UnreachableError, type ApiClient } from '../api/api-client';
import type { ErrorIssue } from '../../../main/domain/result';
import { recordStep, type UndoStep } from './undo-steps';

/**
 * Where a document's changes are: all stored (`saved`), waiting for the pause in typing
 * (`pending`), on their way (`saving`), refused by the server (`failed`, with the reason),
 * refused because someone else saved first (`conflict`), or waiting for the studio to come
 * back (`offline`). `loading` until the document is first read.
 */
export type SaveStatus = 'loading' | 'saved' | 'pending' | 'saving' | 'failed' | 'conflict' | 'offline';

/** What a refused save names: a field (`name`, `stages.0.title`), in a node for node-based documents, with the reason. */
export interface SaveProblem {
  field: string;
  nodeId?: string;
  message: string;
}

export interface SaveFailure<I> {
  message: string;
  problems: readonly SaveProblem[];
  /** The input the server refused as invalid; a patch kind holds back the parts it names that are unchanged since. */
  refused: I | undefined;
}

/** A stored version: its revision and when it was written. */
export interface StoredRevision {
  revision: number;
  updatedAt: string;
}

export interface LoadedDocument<T> extends StoredRevision {
  value: T;
}

/** One save to send, and what the backend holds once it is stored. */
export interface SaveRequest<T, I> {
  input: I;
  /** The draft itself, or (for a patch that held back refused parts) the stored document plus what was sent. */
  stored: T;
}

/**
 * How one kind of document is read and written; the rest of the lifecycle is shared.
 * Whole-record kinds send the draft; patch kinds send what differs from `saved`.
 */
export interface DocumentKind<T, I> {
  load(api: ApiClient): Promise<LoadedDocument<T>>;
  /** The save that takes the backend from `saved` to `draft`, or null when nothing is owed; `failure` is the last refusal. */
  request(draft: T, saved: T, revision: number, failure: SaveFailure<I> | null): SaveRequest<T, I> | null;
  send(api: ApiClient, input: I): Promise<StoredRevision>;
  /** The fields or nodes of a refused input, from the issues the server named (each path relative to `input`). */
  locate(input: I, issues: readonly ErrorIssue[]): SaveProblem[];
}

export interface DocumentState<T, I = unknown> {
  status: SaveStatus;
  /** The document as the creator sees it; null until loaded. */
  value: T | null;
  /** The document as the backend holds it. */
  saved: T | null;
  revision: number;
  /** When the stored revision was written. */
  updatedAt: string | null;
  loadError: string | null;
  failure: SaveFailure<I> | null;
  /** When the last save was stored. */
  savedAt: number | null;
  past: readonly UndoStep<T>[];
  future: readonly UndoStep<T>[];
  /** Counts the times the value was replaced from the backend (reload, restore), so editors with their own copy take it again. */
  generation: number;

  load(): Promise<void>;
  /** One labelled, undoable change; keystrokes with the same `coalesce` key moments apart are one step. */
  edit(label: string, update: (value: T) => T, coalesce?: string): void;
  /**
   * A change kept by the editor itself (ProseMirror, Monaco, the graph's own history): `update`
   * runs only when the save does. A later touch with the same `key` replaces a waiting one.
   */
  touch(update: (value: T) => T, key?: string): void;
  undo(): void;
  redo(): void;
  /** Sends now whatever is owed; resolves once it was answered. */
  flush(): Promise<void>;
  /** Takes the stored document again (after a conflict, a restore or an external change), dropping what was not saved. */
  reload(): Promise<void>;
  /** The studio is reachable again: sends what waited. */
  reconnected(): Promise<void>;
}

export type DocumentSession<T, I = unknown> = StoreApi<DocumentState<T, I>>;

export interface SessionOptions {
  /** How long typing must pause before a save. */
  delayMs?: number;
  now?: () => number;
  /** Told when a save could not reach the studio (or found no project open), so the client reconnects. */
  onOffline?: () => void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The studio came back without the project open (a restarted server): the same as not reaching it yet. */
const isOffline = (error: unknown) => error instanceof UnreachableError || (error instanceof ApiError && error.code === 'no_project');

/**
 * One open document's whole save lifecycle, as a plain zustand store: load, labelled
 * undoable edits, a debounced save on top of the last stored revision, and what happens
 * when a save is refused (the reason kept with the fields it names; the edit stays and
 * later edits still save), conflicts (saving stops until reload), and the studio going
 * away (edits wait and are sent on reconnect). No DOM: the unit tests drive it with a
 * real Studio behind the API client.
 */
export function createDocumentSession<T, I>(api: ApiClient, kind: DocumentKind<T, I>, options: SessionOptions = {}): DocumentSession<T, I> {
  const { delayMs = 600, now = Date.now, onOffline } = options;
  /** Changes made since the last save request was built. */
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = Promise.resolve();
  let touches: { key?: string; update: (value: T) => T }[] = [];
  let lastCoalesce: { key: string; at: number } | undefined;

  return createStore<DocumentState<T, I>>((set, get) => {
    /** The value with the editor-kept changes applied; runs them once. */
    const current = (): T | null => {
      const { value } = get();
      if (!touches.length || value === null) return value;
      const next = touches.reduce<T>((v, touch) => touch.update(v), value);
      touches = [];
      set({ value: next });
      return next;
    };

    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void get().flush(), delayMs);
    };

    const changed = () => {
      dirty = true;
      if (get().status === 'saved') set({ status: 'pending' });
      if (get().status !== 'conflict') schedule();
    };

    /** Undo (`past` → `future`) or redo (`future` → `past`): the last step of one becomes the value, the value the last step of the other. */
    const travel = (from: 'past' | 'future', to: 'past' | 'future') => {
      const value = current();
      const step = get()[from].at(-1);
      if (!step || value === null) return;
      lastCoalesce = undefined;
      set(
        (s) =>
          ({ value: step.value, [from]: s[from].slice(0, -1), [to]: [...s[to], { label: step.label, value }] }) as Partial<
            DocumentState<T, I>
          >,
      );
      changed();
    };

    const sendOnce = async () => {
      const state = get();
      if (!dirty || state.status === 'conflict' || state.saved === null) return;
      const draft = current();
      if (draft === null) return;
      const request = kind.request(draft, state.saved, state.revision, state.failure);
      dirty = false;
      if (!request) {
        if (!state.failure) set({ status: 'saved' });
        return;
      }
      set({ status: 'saving' });
      try {
        const { revision, updatedAt } = await kind.send(api, request.input);
        const failure = request.stored === draft ? null : get().failure;
        const status = dirty ? 'pending' : failure ? 'failed' : 'saved';
        set({ saved: request.stored, revision, updatedAt, failure, status, savedAt: now() });
        if (dirty) schedule();
      } catch (error) {
        dirty = true;
        if (isOffline(error)) {
          set({ status: 'offline', failure: { message: message(error), problems: [], refused: undefined } });
          onOffline?.();
        } else if (error instanceof ApiError && error.code === 'conflict') {
          set({ status: 'conflict', failure: { message: message(error), problems: [], refused: undefined } });
        } else {
          const invalid = error instanceof ApiError && error.code === 'invalid_input';
          set({
            status: 'failed',
            failure: {
              message: message(error),
              problems: invalid ? kind.locate(request.input, error.issues) : [],
              refused: invalid ? request.input : undefined,
            },
          });
        }
      }
    };

    const take = (loaded: LoadedDocument<T>) => {
      clearTimeout(timer);
      dirty = false;
      touches = [];
      lastCoalesce = undefined;
      set((s) => ({
        value: loaded.value,
        saved: loaded.value,
        revision: loaded.revision,
        updatedAt: loaded.updatedAt,
        status: 'saved',
        failure: null,
        loadError: null,
        past: [],
        future: [],
        generation: s.generation + 1,
      }));
    };

    return {
      status: 'loading',
      value: null,
      saved: null,
      revision: 0,
      updatedAt: null,
      loadError: null,
      failure: null,
      savedAt: null,
      past: [],
      future: [],
      generation: 0,

      async load() {
        try {
          take(await kind.load(api));
        } catch (error) {
          set({ loadError: message(error) });
        }
      },

      edit(label, update, coalesce) {
        const value = current();
        if (value === null) return;
        const next = update(value);
        if (next === value) return;
        const at = now();
        const past = recordStep(get().past, { label, value }, coalesce, lastCoalesce, at);
        lastCoalesce = coalesce === undefined ? undefined : { key: coalesce, at };
        set({ value: next, past, future: [] });
        changed();
      },

      touch(update, key) {
        if (get().value === null) return;
        const waiting = key === undefined ? -1 : touches.findIndex((t) => t.key === key);
        if (waiting >= 0) touches[waiting] = { key, update };
        else touches.push({ key, update });
        changed();
      },

      undo: () => travel('past', 'future'),
      redo: () => travel('future', 'past'),

      flush() {
        clearTimeout(timer);
        queue = queue.then(sendOnce);
        return queue;
      },

      async reload() {
        take(await kind.load(api));
      },

      async reconnected() {
        if (get().status !== 'offline') return;
        set({ status: 'pending', failure: null });
        await get().flush();
      },
    };
  });
}
