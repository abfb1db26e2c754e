/**
 * The `data` payloads of a server-sent event stream, one per event, as OpenAI-compatible
 * servers stream completions; ends at the `[DONE]` marker or the end of the body.
 * Stopping early (a cancelled generation) cancels the body, which closes the connection.
 */
export async function* sseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const events = buffer.split(/\r?\n\r?\n/);
      buffer = done ? '' : (events.pop() ?? '');
      for (const event of events) {
        const data = event
          .split(/\r?\n/)
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).replace(/^ /, ''))
          .join('\n');
        if (data === '[DONE]') return;
        // Comments and keep-alive lines carry no data.
        if (data) yield data;
      }
      if (done) return;
    }
  } finally {
    void reader.cancel().catch(() => {});
  }
}
