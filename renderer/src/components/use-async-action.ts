import { useState } from 'react';

/**
 * A form's submit: `run` marks it busy, clears the last error, and keeps the message of
 * a failure to show under the form (the form stays open so nothing typed is lost).
 */
export function useAsyncAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, setError, run };
}
