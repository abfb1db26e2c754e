import type { IncomingMessage } from 'node:http';
import { MAX_INPUT_DEPTH } from '../core/input-depth';
import { fail, type Result } from '../domain/result';
import { nestsDeeperThan } from '../domain/json-nesting';

/** Larger than any valid call (a card is sent as base64 data within it); larger bodies are refused unread. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * Reads a call's JSON body. A body over the size limit is answered `too_large` (413) and not
 * kept; one that nests deeper than any valid input is refused before JSON.parse
 * builds it (a body of millions of `[` would keep the parser busy for a minute); an empty
 * body is `{}`.
 */
export function readJsonBody(request: IncomingMessage): Promise<Result<unknown>> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length']) > MAX_BODY_BYTES) {
      discardRest(request);
      return resolve(tooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      request.off('data', onData).off('end', onEnd);
      discardRest(request);
      resolve(tooLarge());
    };
    const onEnd = () => resolve(parseBody(Buffer.concat(chunks).toString('utf8').trim()));
    request.on('data', onData).once('end', onEnd).once('error', reject);
  });
}

function parseBody(text: string): Result<unknown> {
  if (!text) return { ok: true, value: {} };
  if (nestsDeeperThan(text, MAX_INPUT_DEPTH)) {
    return fail('invalid_input', `Request body nests more than ${MAX_INPUT_DEPTH} levels deep`);
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return fail('invalid_input', 'Request body is not valid JSON');
  }
}

/**
 * Lets the rest of a refused body arrive unkept, so the client, still sending, reads the 413
 * instead of a reset connection; a client that keeps sending far beyond the limit is cut off.
 */
function discardRest(request: IncomingMessage): void {
  let dropped = 0;
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > 4 * MAX_BODY_BYTES) request.destroy();
  });
}

const tooLarge = () => fail('too_large', `Request body is larger than ${MAX_BODY_BYTES} bytes`);
