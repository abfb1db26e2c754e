import { useEffect } from 'react';
import { openDocuments } from '../documents/window-documents';

/**
 * Asks before the page or window closes while a document holds changes the studio does
 * not have yet (waiting, refused, in conflict or offline), and sends what it can meanwhile;
 * a page that is hidden (another tab, a minimized window) sends what it owes too.
 * The desktop shell turns the same question into its own dialog when the window closes.
 */
export function useUnloadWarning(): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!openDocuments.getState().hasUnsaved()) return;
      void openDocuments.getState().flushAll();
      event.preventDefault();
      // Chromium before 119 (and so some Electron builds) asks only when returnValue is set.
      event.returnValue = '';
    };
    const onHide = () => document.visibilityState === 'hidden' && void openDocuments.getState().flushAll();
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, []);
}
