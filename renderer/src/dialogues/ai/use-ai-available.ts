import { useEffect } from 'react';
import { useLlm } from '../../stores/llm-store';

/** Whether AI actions can run: a model is loaded, or a remote provider serves them. */
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

export const AI_UNAVAILABLE = 'Load a model on the Models page to use AI actions';
