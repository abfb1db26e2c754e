import { useEffect } from 'react';
import { useLlm } from '../stores/llm-store';

export const AI_UNAVAILABLE = 'Load a model on the Models page (or choose a server under Provider) to use AI actions.';

/** Whether AI actions can run: a model is loaded, or a remote provider serves them. Asks once if nobody has yet. */
export function useAiAvailable(): boolean {
  const status = useLlm((s) => s.status);
  useEffect(() => {
    if (!useLlm.getState().status)
      void useLlm
        .getState()
        .refreshStatus()
        .catch(() => undefined);
  }, []);
  return Boolean(status?.model) || status?.provider?.kind === 'remote';
}
