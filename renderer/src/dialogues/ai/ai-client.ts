import { api } from '../../api/client';
import { newRequestId } from '../../api/request-id';

/** Thrown when the creator stopped a generation; the preview closes without a message. */
export class AiCancelled extends Error {
  constructor() {
    super('Cancelled');
  }
}

/** One running AI job's link to its requests: text streams to `onText`, `cancel` stops them. */
export interface AiRun {
  onText(text: string): void;
  /** Set while a request runs, so Cancel can stop it. */
  requestId: string | null;
  cancelled: boolean;
}

export const newRun = (onText: (text: string) => void): AiRun => ({ onText, requestId: null, cancelled: false });

export function cancelRun(run: AiRun): void {
  run.cancelled = true;
  if (run.requestId) void api.call('llm:cancel', { requestId: run.requestId });
}

/** Runs one request under a fresh id, streaming its text to `run.onText`, and turns a cancel into AiCancelled. */
async function tracked<T extends { stopReason: string }>(run: AiRun, call: (requestId: string) => Promise<T>): Promise<T> {
  if (run.cancelled) throw new AiCancelled();
  const requestId = newRequestId('dialogue-ai');
  run.requestId = requestId;
  let text = '';
  const off = api.on('llm:chunk', (chunk) => {
    if (chunk.requestId !== requestId) return;
    text += chunk.text;
    run.onText(text);
  });
  try {
    const done = await call(requestId);
    if (done.stopReason === 'cancelled' || run.cancelled) throw new AiCancelled();
    return done;
  } finally {
    off();
    run.requestId = null;
  }
}

const TEMPERATURE = 0.8;

/** One streamed completion. */
export async function streamText(run: AiRun, input: { system: string; prompt: string; maxTokens: number }): Promise<string> {
  return (await tracked(run, (requestId) => api.call('llm:generate', { requestId, ...input, temperature: TEMPERATURE }))).text;
}

/** A JSON value constrained by `schema` (its raw text streams as it is written). */
export async function generateJson(
  run: AiRun,
  input: { system: string; prompt: string; schema: Record<string, unknown>; maxTokens: number },
): Promise<unknown> {
  return (await tracked(run, (requestId) => api.call('llm:generateJson', { requestId, ...input, temperature: TEMPERATURE }))).value;
}
