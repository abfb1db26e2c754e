import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { LlmService } from '../main/core/llm/llm-service';
import { defaultThreads } from '../main/core/llm/threads';
import { Studio } from '../main/core/studio';
import { startHttpHost } from '../main/server/http-server';
import type { MethodInput, MethodName, MethodOutput, StudioEvent } from '../preload/api';
import { BENCH_MODEL, writeGguf } from '../tests/fixtures/gguf-generator';

export const TOKEN = 'bench';

/** A player's side of a long tavern conversation, for the chat benchmarks. */
export const LINES = [
  'Good evening. Any rooms free tonight?',
  'How much for a night, with supper?',
  'And for my horse in the stable?',
  'Who is the hooded man by the fire?',
  'Has he been here long?',
  'What happened at the old mill?',
  'Did anyone see the fire start?',
  'Where can I find the miller now?',
  'Is the road north safe after dark?',
  'What do the guards say about it?',
  'Do you sell maps of the marshes?',
  'Which ale do you recommend?',
  'Who brews it, you or your brother?',
  'Tell me about the festival next week.',
  'Will the bard from Kessa play again?',
  'What songs does she know?',
  'Can I leave a letter for her here?',
  'How do I get to the temple from here?',
  'Is the priest there a kind man?',
  'Thank you. Wake me at dawn, please.',
];

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const ms = (value: number) => `${value.toFixed(0)} ms`;

export interface StreamSample {
  firstTokenMs: number;
  tokensPerSecond: number;
  tokens: number;
}

/**
 * As the caller sees it: time to the first chunk, and tokens after the first per second
 * from the first chunk until the whole text is in the caller's hands (on both paths).
 */
export function sample(started: number, firstAt: number, endedAt: number, tokens: number): StreamSample {
  const decodeSeconds = (endedAt - firstAt) / 1000;
  return { firstTokenMs: firstAt - started, tokensPerSecond: decodeSeconds > 0 ? (tokens - 1) / decodeSeconds : 0, tokens };
}

/** A client of the studio's HTTP host: calls over HTTP, `llm:chunk` events over its WebSocket, as the browser UI does. */
export async function connect(url: string) {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/api/events?token=${TOKEN}`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const chunkListeners = new Map<string, (text: string) => void>();
  socket.on('message', (data) => {
    const event = JSON.parse(String(data)) as StudioEvent;
    if (event.name === 'llm:chunk') {
      const { requestId, text } = event.payload as { requestId: string; text: string };
      chunkListeners.get(requestId)?.(text);
    }
  });
  let requests = 0;

  // node:http on a kept-alive connection: Node's fetch costs several milliseconds a call here, which is the client's, not the studio's.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    const body = JSON.stringify(input);
    const answer = await new Promise<string>((resolve, reject) => {
      const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      const sent = request(`${url}/api/call/${method}`, { method: 'POST', agent, headers }, (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve(text)).on('error', reject);
      });
      sent.on('error', reject).end(body);
    });
    const result = JSON.parse(answer) as { ok: true; value: MethodOutput<M> } | { ok: false; error: { message: string } };
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
    return result.value;
  }

  /** A streaming call, timed from the request leaving to its answer and last chunk having arrived. */
  async function stream<M extends 'llm:generate' | 'chat:send'>(
    method: M,
    input: MethodInput<M>,
  ): Promise<StreamSample & { result: MethodOutput<M> }> {
    const requestId = `bench-${++requests}`;
    let firstAt = 0;
    let text = '';
    let allArrived = () => {};
    chunkListeners.set(requestId, (chunk) => {
      firstAt ||= performance.now();
      text += chunk;
      allArrived();
    });
    const started = performance.now();
    const result = await call(method, { ...input, requestId });
    // Events and the answer travel on different connections: wait for the last chunk before timing the stream.
    await new Promise<void>((resolve) => {
      allArrived = () => text === result.text && resolve();
      allArrived();
    });
    const endedAt = performance.now();
    chunkListeners.delete(requestId);
    return { ...sample(started, firstAt, endedAt, result.tokens), result };
  }

  return {
    call,
    stream,
    /** Calls `listener` with each chunk of `requestId` as it arrives over the WebSocket. */
    listen(requestId: string, listener: (text: string) => void) {
      chunkListeners.set(requestId, listener);
      return () => chunkListeners.delete(requestId);
    },
    close: () => {
      socket.close();
      agent.destroy();
    },
  };
}

/**
 * A studio as `npm run serve` runs it, in this process: a temp workspace with the
 * synthetic ~77 MB Q4_0 model in its models folder, the machine's thread count, the HTTP
 * host on a free port, and a client of it.
 */
export async function startBenchStudio(name: string) {
  const dir = mkdtempSync(join(tmpdir(), `loreweaver-bench-${name}-`));
  const modelsDir = join(dir, 'models');
  mkdirSync(modelsDir);
  const model = writeGguf(join(modelsDir, 'bench.gguf'), BENCH_MODEL);
  const threads = defaultThreads();
  const studio = new Studio({
    workspaceDir: dir,
    workspaceLocked: true,
    configDir: join(dir, 'config'),
    host: 'browser',
    version: 'bench',
    modelsDir,
    createLlm: (events) => new LlmService(events, { threads }),
  });
  const host = await startHttpHost(studio, { host: '127.0.0.1', port: 0, token: TOKEN });
  const client = await connect(host.url);
  return {
    model,
    threads,
    studio,
    host,
    client,
    async close() {
      client.close();
      await host.close();
      studio.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
