import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContentItem } from '../../../preload/api';
import type { ContentKind } from '../../../main/domain/content-kinds';
import { api, ApiError } from '../api/client';
import { useContent } from '../stores/content-store';
import { useSession } from '../stores/session-store';

const SAVE_DELAY_MS = 800;

export interface WritingDocument<T> {
  item: ContentItem | null;
  /** The data as opened (or restored); editors keep their own working copy. */
  data: T | null;
  error: string | null;
  /** Counts the times the data was replaced by a restore, so an editor can remount with the restored text. */
  generation: number;
  /** Records that the data changed; `read` gives the current data when the save runs. */
  touch(read: () => T): void;
  rename(name: string): void;
  /** Takes a restored revision as the document's new state. */
  replace(item: ContentItem): void;
}

/**
 * Loads one writing item and saves it a moment after the writer stops typing. Unlike the
 * generic `useAutosave`, nothing here is React state per keystroke: an editor calls
 * `touch` with a reader, and the data is only read (a story serialized to Markdown) when
 * the debounced save runs, so typing in a long text never re-renders or re-serializes.
 * A pending save is flushed when the page is hidden or the editor closes.
 */
export function useWritingDocument<T extends Record<string, unknown>>(
  id: string,
  kind: ContentKind,
  load: (raw: unknown) => T,
): WritingDocument<T> {
  const [item, setItem] = useState<ContentItem | null>(null);
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const pending = useRef<{ read?: () => T; name?: string } | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const current = useRef<ContentItem | null>(null);

  useEffect(() => {
    api.call('content:get', { id }).then(
      (loaded) => {
        try {
          const opened = load(loaded.data);
          current.current = loaded;
          setItem(loaded);
          setData(opened);
        } catch (e) {
          setError((e as Error).message);
        }
      },
      (e: Error) => setError(e.message),
    );
  }, [id, load]);

  /** One save at a time: each save's base revision is the one the previous save returned. */
  const saving = useRef<Promise<void>>(Promise.resolve());

  const send = useCallback(async () => {
    const change = pending.current;
    const base = current.current;
    if (!change || !base) return;
    pending.current = null;
    const name = change.name?.trim() || undefined;
    try {
      const saved = await useSession
        .getState()
        .trackSave(api.call('content:save', { id, name, data: change.read?.(), baseRevision: base.revision }));
      current.current = saved;
      setItem(saved);
      if (name && name !== base.name) void useContent.getState().load(kind);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict') {
        notifications.show({
          color: 'orange',
          title: 'Changed somewhere else',
          message: 'This item was saved from another window. Your text is still here; reload to see theirs.',
        });
      }
      pending.current = { ...change, ...(pending.current ?? {}) };
    }
  }, [id, kind]);

  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    saving.current = saving.current.then(send);
    return saving.current;
  }, [send]);

  const schedule = useCallback(
    (change: { read?: () => T; name?: string }) => {
      if (!pending.current) useSession.getState().markUnsaved();
      pending.current = { ...pending.current, ...change };
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = () => document.visibilityState === 'hidden' && void flush();
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [flush]);

  return {
    item,
    data,
    error,
    generation,
    touch: useCallback((read: () => T) => schedule({ read }), [schedule]),
    rename: useCallback((name: string) => schedule({ name }), [schedule]),
    replace: useCallback(
      (restored: ContentItem) => {
        pending.current = null;
        window.clearTimeout(timer.current);
        current.current = restored;
        setItem(restored);
        setData(load(restored.data));
        setGeneration((g) => g + 1);
        void useContent.getState().load(kind);
      },
      [kind, load],
    ),
  };
}
