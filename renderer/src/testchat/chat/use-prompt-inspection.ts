import { useEffect, useState } from 'react';
import type { PromptInspection } from '../../../../preload/contract/testchat';
import { api } from '../../api/client';

/** The prompt of a conversation's latest reply, inspected again whenever `revision` changes. */
export function usePromptInspection(id: string, revision: number) {
  const [inspection, setInspection] = useState<PromptInspection | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.call('conversations:inspect', { id }).then(
      (value) => current && (setInspection(value), setError(null)),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [id, revision]);

  return { inspection, error };
}
