import { useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../preload/api';
import { api } from '../api/client';
import { newRequestId } from '../api/request-id';

type GenerationMethod = 'llm:generate' | 'llm:generateJson';

/**
 * One streamed generation at a time: collects its `llm:chunk` text while it runs and
 * cancels it on Stop or when the component that started it goes away.
 */
export function useGeneration(prefix: string) {
  const [text, setText] = useState('');
  const [running, setRunning] = useState(false);
  const request = useRef<string | null>(null);

  useEffect(() => {
    const off = api.on('llm:chunk', ({ requestId, text: chunk }) => {
      if (requestId === request.current) setText((t) => t + chunk);
    });
    return () => {
      off();
      if (request.current) void api.call('llm:cancel', { requestId: request.current });
    };
  }, []);

  async function run<M extends GenerationMethod>(method: M, input: (requestId: string) => MethodInput<M>): Promise<MethodOutput<M>> {
    const requestId = newRequestId(prefix);
    request.current = requestId;
    setText('');
    setRunning(true);
    try {
      return await api.call(method, input(requestId));
    } finally {
      if (request.current === requestId) {
        request.current = null;
        setRunning(false);
      }
    }
  }

  const stop = () => {
    if (request.current) void api.call('llm:cancel', { requestId: request.current });
  };

  return { text, running, run, stop };
}
