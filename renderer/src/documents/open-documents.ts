import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DocumentSession, DocumentState } from './document-session';

/** What the status bar says about every open document together. */
export interface DocumentsSummary {
  status: 'saved' | 'saving' | 'failed' | 'offline';
  /** Why, when not saved: the first refusal's reason. */
  message?: string;
  savedAt: number | null;
}

export interface OpenDocumentsState {
  summary: DocumentsSummary;
  /** The session for `key`, made by `create` unless one is still open (or still owes a save) from before. */
  open<T, I>(key: string, create: () => DocumentSession<T, I>): DocumentSession<T, I>;
  /** The editor closed: sends what is owed; the session is forgotten once everything is stored. */
  close(key: string): Promise<void>;
  /** Whether any document holds changes the backend does not have. */
  hasUnsaved(): boolean;
  /** Sends what each document owes (before the page goes away). */
  flushAll(): Promise<void>;
  /** The studio is back: every document that waited sends its changes. */
  reconnected(): Promise<void>;
}

type AnyState = DocumentState<unknown>;
type AnySession = StoreApi<AnyState>;

const UNSAVED = new Set(['pending', 'saving', 'failed', 'conflict', 'offline']);

function summarize(states: AnyState[]): DocumentsSummary {
  const savedAt = Math.max(0, ...states.map((s) => s.savedAt ?? 0)) || null;
  const offline = states.find((s) => s.status === 'offline');
  if (offline) return { status: 'offline', message: offline.failure?.message, savedAt };
  const failed = states.find((s) => s.status === 'failed' || s.status === 'conflict');
  if (failed) return { status: 'failed', message: failed.failure?.message, savedAt };
  if (states.some((s) => s.status === 'pending' || s.status === 'saving')) return { status: 'saving', savedAt };
  return { status: 'saved', savedAt };
}

/**
 * Every document session with an editor open, or closed but still owing a save: what the
 * status bar summarizes, what the unload warning asks about and what a reconnect retries.
 * Reopening a document whose save is still owed gives back the same session, edits and all.
 */
export function createOpenDocuments(): StoreApi<OpenDocumentsState> {
  const sessions = new Map<string, { session: AnySession; closed: boolean; off: () => void }>();

  return createStore<OpenDocumentsState>((set) => {
    const update = () => set({ summary: summarize([...sessions.values()].map((entry) => entry.session.getState())) });
    const forgetIfDone = (key: string) => {
      const entry = sessions.get(key);
      if (!entry?.closed || UNSAVED.has(entry.session.getState().status)) return;
      entry.off();
      sessions.delete(key);
      update();
    };

    return {
      summary: { status: 'saved', savedAt: null },

      open<T, I>(key: string, create: () => DocumentSession<T, I>) {
        const existing = sessions.get(key);
        if (existing) {
          existing.closed = false;
          return existing.session as unknown as DocumentSession<T, I>;
        }
        const session = create();
        const any = session as unknown as AnySession;
        const off = any.subscribe((state, previous) => {
          if (state.status === previous.status && state.failure === previous.failure && state.savedAt === previous.savedAt) return;
          update();
          forgetIfDone(key);
        });
        sessions.set(key, { session: any, closed: false, off });
        update();
        return session;
      },

      async close(key) {
        const entry = sessions.get(key);
        if (!entry) return;
        entry.closed = true;
        await entry.session.getState().flush();
        forgetIfDone(key);
      },

      hasUnsaved: () => [...sessions.values()].some((entry) => UNSAVED.has(entry.session.getState().status)),

      async flushAll() {
        await Promise.all([...sessions.values()].map((entry) => entry.session.getState().flush()));
      },

      async reconnected() {
        await Promise.all([...sessions.values()].map((entry) => entry.session.getState().reconnected()));
      },
    };
  });
}
