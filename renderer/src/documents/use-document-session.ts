import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { api } from '../api/client';
import { useSession } from '../stores/session-store';
import { createDocumentSession, type DocumentKind, type DocumentSession } from './document-session';
import { openDocuments } from './window-documents';

/**
 * The session of the document `key` for as long as the editor shows it: loaded the first
 * time, given back with its unsaved edits when the editor reopens it, and closed (after
 * sending what it owes) when the editor goes. `kind` says how this document saves.
 */
export function useDocumentSession<T, I>(key: string, kind: () => DocumentKind<T, I>): DocumentSession<T, I> {
  const session = useMemo(
    () =>
      openDocuments
        .getState()
        .open(key, () => createDocumentSession(api, kind(), { onOffline: () => useSession.getState().connectionLost() })),
    // The kind follows from the key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  useEffect(() => {
    openDocuments.getState().open(key, () => session);
    if (session.getState().value === null) void session.getState().load();
    return () => void openDocuments.getState().close(key);
  }, [key, session]);
  return session;
}

/** What an editor shows of its session: the value, the stored revision, why it did not load, and whether undo and redo can act. */
export function useDocumentView<T, I>(session: DocumentSession<T, I>) {
  const value = useStore(session, (s) => s.value);
  const revision = useStore(session, (s) => s.revision);
  const updatedAt = useStore(session, (s) => s.updatedAt);
  const loadError = useStore(session, (s) => s.loadError);
  const canUndo = useStore(session, (s) => s.past.length > 0);
  const canRedo = useStore(session, (s) => s.future.length > 0);
  const { undo, redo } = session.getState();
  return { value, document: updatedAt === null ? null : { revision, updatedAt }, loadError, canUndo, canRedo, undo, redo };
}
