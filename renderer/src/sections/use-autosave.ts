import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Calls `save` once the value has been still for `delayMs`, and flushes a pending save
 * when the component unmounts or the page is hidden, so nothing typed is lost.
 */
export function useAutosave<T>(value: T, dirty: boolean, save: (value: T) => Promise<void>, delayMs = 600): void {
  const latest = useRef({ value, dirty, save });
  useLayoutEffect(() => {
    latest.current = { value, dirty, save };
  });

  useEffect(() => {
    if (!dirty) return;
    const timer = window.setTimeout(() => void latest.current.save(latest.current.value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, dirty, delayMs]);

  useEffect(() => {
    const flush = () => {
      if (latest.current.dirty) void latest.current.save(latest.current.value);
    };
    const onHide = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      flush();
    };
  }, []);
}
