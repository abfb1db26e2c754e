import { useEffect } from 'react';
import { useLlm } from '../stores/llm-store';

export const NO_MODEL_HINT = 'Load a model in Models to use the AI actions.';

/** Whether a model is loaded for the AI actions; asks the engine once if nobody has yet. */
export function useModelReady(): boolean {
  const known = useLlm((s) => s.status !== null);
  const ready = useLlm((s) => Boolean(s.status?.model));
  useEffect(() => {
    if (!known)
      void useLlm
        .getState()
        .refreshStatus()
        .catch(() => undefined);
  }, [known]);
  return ready;
}
