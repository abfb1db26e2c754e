import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import type { ContentItem } from '../../../preload/api';
import type { ContentKind } from '../../../main/domain/content-kinds';
import type { DocumentSession } from '../documents/document-session';
import { useDocumentSession } from '../documents/use-document-session';
import { useContent } from '../stores/content-store';
import { contentDocumentKind, type ContentDraft } from './content-document-kind';

/** What a writing document's header shows of it. */
export type DocumentItem = Pick<ContentItem, 'id' | 'name' | 'revision'>;

export interface WritingDocument<T> {
  session: DocumentSession<ContentDraft<T>>;
  item: DocumentItem | null;
  /** The data as opened (or restored); editors keep their own working copy. */
  data: T | null;
  error: string | null;
  /** Counts the times the data was replaced by a restore, so an editor can remount with the restored text. */
  generation: number;
  /** Records that the data changed; `read` gives the current data when the save runs. */
  touch(read: () => T): void;
  rename(name: string): void;
  /** Takes a restored revision as the document's new state. */
  replace(): void;
}

/**
 * A story or poem on its document session. Nothing here is React state per keystroke: an
 * editor calls `touch` with a reader, and the data is only read (a story serialized to
 * Markdown) when the debounced save runs, so typing in a long text never re-renders or
 * re-serializes. The list shows a new name once it is saved.
 */
export function useWritingDocument<T extends Record<string, unknown>>(id: string, kind: ContentKind, load: (raw: unknown) => T): WritingDocument<T> {
  const session = useDocumentSession(`content:${id}`, () => contentDocumentKind(id, load));
  const generation = useStore(session, (s) => s.generation);
  const error = useStore(session, (s) => s.loadError);
  const name = useStore(session, (s) => s.saved?.name);
  const revision = useStore(session, (s) => s.revision);
  const data = useMemo(() => (generation ? (session.getState().value?.data ?? null) : null), [session, generation]);
  const item = useMemo(() => (name === undefined ? null : { id, name, revision }), [id, name, revision]);

  const listed = useRef(name);
  useEffect(() => {
    if (listed.current !== undefined && name !== listed.current) void useContent.getState().load(kind);
    listed.current = name;
  }, [name, kind]);

  return {
    session,
    item,
    data,
    error,
    generation,
    touch: useCallback((read: () => T) => session.getState().touch((v) => ({ ...v, data: read() }), 'data'), [session]),
    rename: useCallback((next: string) => session.getState().touch((v) => ({ ...v, name: next }), 'name'), [session]),
    replace: useCallback(() => void session.getState().reload(), [session]),
  };
}
