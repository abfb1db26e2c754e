import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { newRequestId } from '../api/request-id';

/**
 * Streams one model call at a time into the page: `run` gives the call a fresh request
 * id, `text` grows with its `llm:chunk` events while it runs (null when idle), and
 * `stop` cancels it (the call still resolves, with what was written).
 */
export function useStream(prefix: string) {
  const [text, setText] = useState<string | null>(null);
  const current = useRef<string | null>(null);

  const run = useCallback(
    async <T>(call: (requestId: string) => Promise<T>): Promise<T> => {
      const requestId = newRequestId(prefix);
      current.current = requestId;
      let streamed = '';
      setText('');
      const off = api.on('llm:chunk', (chunk) => {
        if (chunk.requestId !== requestId) return;
        streamed += chunk.text;
        setText(streamed);
      });
      try {
        return await call(requestId);
      } finally {
        off();
        current.current = null;
        setText(null);
      }
    },
    [prefix],
  );

  const stop = useCallback(() => {
    if (current.current) void api.call('llm:cancel', { requestId: current.current });
  }, []);

  // Leaving the screen stops what it was streaming.
  useEffect(() => stop, [stop]);

  return { text, running: text !== null, run, stop };
}
