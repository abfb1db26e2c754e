import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LlmService } from '../../main/core/llm/llm-service';
import { useLlm } from '../helpers/llm';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const API_KEY = 'sk-test-1234';
const MODEL = 'llama3.2:1b';

interface ChatBody {
  model: string;
  messages?: { role: string; content: string }[];
  prompt?: string;
  max_tokens: number;
  temperature: number;
  stream: boolean;
  response_format?: { type: string; json_schema: { schema: unknown } };
}

/**
 * A fake OpenAI-compatible server on 127.0.0.1: checks the key and the model, streams
 * its reply word by word as server-sent events with usage at the end, and can be told
 * to refuse json_schema, to limit its context, to stream forever, to never answer or
 * to ignore `stream` and answer in one JSON body.
 */
class FakeOpenAi {
  requests: { path: string; authorization?: string; body: ChatBody }[] = [];
  /** What the next replies say, in turn; the last one repeats. Default: an echo of the last user message. */
  replies: string[] = [];
  supportsJsonSchema = true;
  maxMessages = Infinity;
  mode: 'normal' | 'endless' | 'silent' | 'unstreamed' = 'normal';
  disconnected = 0;
  private server: Server = createServer((request, response) => void this.handle(request, response));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    Object.assign(this, { requests: [], replies: [], supportsJsonSchema: true, maxMessages: Infinity, mode: 'normal' });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of request) raw += chunk;
    const body = JSON.parse(raw) as ChatBody;
    const path = request.url ?? '';
    this.requests.push({ path, authorization: request.headers.authorization, body });
    const fail = (status: number, message: string): void => {
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message } }));
    };
    if (request.headers.authorization !== `Bearer ${API_KEY}`) return fail(401, 'Incorrect API key provided');
    if (body.model !== MODEL) return fail(404, `model "${body.model}" not found, try pulling it first`);
    if (body.response_format && !this.supportsJsonSchema) return fail(400, "'response_format.type' must be 'json_object' or 'text'");
    if ((body.messages?.length ?? 0) > this.maxMessages) return fail(400, "This model's maximum context length is 64 tokens");
    if (this.mode === 'silent') return;
    const lastUser = body.messages?.findLast((m) => m.role === 'user')?.content ?? body.prompt ?? '';
    if (this.mode === 'unstreamed') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          choices: [{ message: { content: `You said: ${lastUser}` }, finish_reason: 'stop' }],
          usage: { completion_tokens: 3 },
        }),
      );
      return;
    }

    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.on('close', () => {
      if (!response.writableEnded) this.disconnected += 1;
    });
    const send = (event: object) => response.write(`data: ${JSON.stringify(event)}\n\n`);
    const piece = (text: string) =>
      path.endsWith('/completions') && !path.endsWith('/chat/completions') ? { text } : { delta: { content: text } };
    if (this.mode === 'endless') {
      const timer = setInterval(() => send({ choices: [piece('la ')] }), 5);
      response.on('close', () => clearInterval(timer));
      return;
    }
    const reply = this.replies.length > 1 ? (this.replies.shift() as string) : (this.replies[0] ?? `You said: ${lastUser}`);
    const words = reply.split(/(?<= )/);
    const kept = words.slice(0, body.max_tokens);
    send({ choices: [{ delta: { role: 'assistant' } }] });
    for (const word of kept) send({ choices: [piece(word)] });
    send({ choices: [{ delta: {}, finish_reason: kept.length < words.length ? 'length' : 'stop' }] });
    send({
      choices: [],
      usage: {
        prompt_tokens: 10 * (body.messages?.length ?? 1),
        completion_tokens: kept.length,
        prompt_tokens_details: { cached_tokens: 4 },
      },
    });
    response.end('data: [DONE]\n\n');
  }
}

const fake = new FakeOpenAi();
let baseUrl = '';
beforeAll(async () => {
  baseUrl = await fake.start();
});
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

const tempDir = useTempDirs();
const { llm, events } = useLlm({ remoteTimeouts: { responseTimeoutMs: 400, idleTimeoutMs: 400 } });
const useRemote = (overrides: { apiKey?: string; model?: string; baseUrl?: string } = {}) =>
  llm.setProvider({ kind: 'remote', baseUrl, apiKey: API_KEY, model: MODEL, ...overrides });

describe('the remote provider setting', () => {
  it('is stored with the studio settings and reported without the API key', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir, { createLlm: (bus) => new LlmService(bus, { threads: 1 }) });
    try {
      expect(await callOk(studio, 'llm:provider:get', {})).toEqual({ kind: 'local' });
      const remote = await callOk(studio, 'llm:provider:set', { kind: 'remote', baseUrl: `${baseUrl}/`, apiKey: API_KEY, model: MODEL });
      expect(remote).toEqual({ kind: 'remote', baseUrl, model: MODEL, apiKeySet: true });
      expect(await callOk(studio, 'llm:provider:set', { kind: 'remote', baseUrl, model: 'other' })).toMatchObject({ apiKeySet: true });
      const status = await callOk(studio, 'llm:status', {});
      expect(status.provider).toEqual({ kind: 'remote', baseUrl, model: 'other', apiKeySet: true });
      expect(JSON.stringify(status)).not.toContain(API_KEY);
      // Asking for the status does not start the local engine the remote provider made idle.
      expect(status).toMatchObject({ engine: 'stopped', backend: null, model: null });

      const chat = await callOk(studio, 'chat:start', { system: 'Be brief.' });
      expect(chat).toMatchObject({ provider: 'remote', contextSize: null });
      await callOk(studio, 'llm:provider:set', { kind: 'remote', baseUrl, model: MODEL, apiKey: API_KEY });
      expect((await callOk(studio, 'chat:history', { chatId: chat.chatId })).ended).toBe('the model provider changed');
    } finally {
      studio.close();
    }
    const settings = readFileSync(join(dir, '.loreweaver', 'settings.json'), 'utf8');
    expect(JSON.parse(settings).llmProvider).toEqual({ kind: 'remote', baseUrl, apiKey: API_KEY, model: MODEL });

    const reopened = makeStudio(dir, { createLlm: (bus) => new LlmService(bus, { threads: 1 }) });
    try {
      expect(await callOk(reopened, 'llm:provider:get', {})).toEqual({ kind: 'remote', baseUrl, model: MODEL, apiKeySet: true });
      expect(await callOk(reopened, 'llm:provider:set', { kind: 'remote', baseUrl, model: MODEL, apiKey: null })).toMatchObject({
        apiKeySet: false,
      });
      expect(await reopened.call('llm:provider:set', { kind: 'remote', baseUrl: 'file:///etc', model: MODEL })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
      expect(await callOk(reopened, 'llm:provider:set', { kind: 'local' })).toEqual({ kind: 'local' });
    } finally {
      reopened.close();
    }
  });
});

describe('generation on a remote OpenAI-compatible server', () => {
  it('streams chunks under the request id and sends the key, the model and greedy sampling', async () => {
    useRemote();
    const result = await llm.generate({ requestId: 'remote-1', system: 'You are a bard.', prompt: 'Sing of the sea.', maxTokens: 50 });
    expect(result).toMatchObject({ requestId: 'remote-1', text: 'You said: Sing of the sea.', tokens: 6, stopReason: 'eos' });
    const chunks = events.of('llm:chunk').filter((c) => c.requestId === 'remote-1');
    expect(chunks.length).toBe(6);
    expect(chunks.map((c) => c.text).join('')).toBe(result.text);
    expect(result.timings.firstTokenMs).toBeGreaterThan(0);
    expect(fake.requests[0]).toMatchObject({
      path: '/v1/chat/completions',
      authorization: `Bearer ${API_KEY}`,
      body: {
        model: MODEL,
        stream: true,
        max_tokens: 50,
        temperature: 0,
        messages: [
          { role: 'system', content: 'You are a bard.' },
          { role: 'user', content: 'Sing of the sea.' },
        ],
      },
    });

    expect(await llm.generate({ prompt: 'Once upon', raw: true, maxTokens: 2 })).toMatchObject({
      text: 'You said: ',
      stopReason: 'maxTokens',
    });
    expect(fake.requests[1]).toMatchObject({ path: '/v1/completions', body: { prompt: 'Once upon' } });

    fake.mode = 'unstreamed';
    expect(await llm.generate({ requestId: 'remote-whole', prompt: 'All at once' })).toMatchObject({
      text: 'You said: All at once',
      tokens: 3,
    });
    expect(events.of('llm:chunk').filter((c) => c.requestId === 'remote-whole')).toHaveLength(1);
  });

  it('cancels a stream, closing the connection and keeping what arrived; the next request is served', async () => {
    useRemote();
    fake.mode = 'endless';
    const firstChunk = events.next('llm:chunk', (c) => c.requestId === 'remote-long');
    const running = llm.generate({ requestId: 'remote-long', prompt: 'Go on forever' });
    await firstChunk;
    expect(llm.cancel('remote-long')).toEqual({ cancelled: true });
    const result = await running;
    expect(result.stopReason).toBe('cancelled');
    expect(result.text).toMatch(/^(la )+$/);
    await expect.poll(() => fake.disconnected).toBe(1);

    fake.mode = 'normal';
    expect((await llm.generate({ prompt: 'Still there?' })).text).toBe('You said: Still there?');
  });

  it('names the problem: a refused key, an unknown model, a server that is down or silent', async () => {
    useRemote({ apiKey: 'sk-wrong' });
    await expect(llm.generate({ prompt: 'Hi' })).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/refused the request \(HTTP 401\); check the API key: Incorrect API key provided/),
    });
    useRemote({ model: 'gpt-9' });
    await expect(llm.generate({ prompt: 'Hi' })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/has no model "gpt-9"/),
    });

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    useRemote({ baseUrl: `http://127.0.0.1:${port}/v1` });
    await expect(llm.generate({ prompt: 'Hi' })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/Could not reach the model server at http:\/\/127\.0\.0\.1:\d+\/v1 \(ECONNREFUSED\)/),
    });

    useRemote();
    fake.mode = 'silent';
    await expect(llm.generate({ prompt: 'Hi' })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/did not answer within/),
    });
  });

  it('asks for json_schema, falls back to the prompt where it is refused, validates and repairs once', async () => {
    const Npc = z.object({ mood: z.enum(['calm', 'angry']), hostile: z.boolean() });
    const schema = z.toJSONSchema(Npc) as Record<string, unknown>;
    useRemote();
    fake.replies = ['{"mood": "calm", "hostile": false}'];
    const first = await llm.generateJson({ prompt: 'Describe the guard.', schema });
    expect(first).toMatchObject({ value: { mood: 'calm', hostile: false }, attempts: 1 });
    expect(fake.requests[0].body.response_format).toMatchObject({ type: 'json_schema', json_schema: { schema } });

    fake.reset();
    fake.supportsJsonSchema = false;
    fake.replies = ['{"mood": "sleepy", "hostile": false}', '```json\n{"mood": "angry", "hostile": true}\n```'];
    const repaired = await llm.generateJson({ prompt: 'Describe the guard.', schema });
    expect(repaired).toMatchObject({ value: { mood: 'angry', hostile: true }, attempts: 2 });
    expect(fake.requests.map((r) => Boolean(r.body.response_format))).toEqual([true, false, false]);
    expect(fake.requests[1].body.messages?.[0]).toMatchObject({
      role: 'system',
      content: expect.stringContaining('"enum":["calm","angry"]'),
    });
    expect(fake.requests[2].body.messages?.at(-1)?.content).toMatch(/That answer is invalid: mood/);

    fake.replies = ['no JSON here', 'still none'];
    await expect(llm.generateJson({ prompt: 'Describe the guard.', schema })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/did not produce valid JSON after a repair attempt/),
    });
  });

  it('chats by sending the whole conversation, leaving out the oldest exchanges when the server runs out of context', async () => {
    useRemote();
    const chat = await llm.chatStart({ system: 'You are Marta.', messages: [{ role: 'assistant', content: 'Welcome!' }] });
    const first = await llm.chatSend({ chatId: chat.chatId, text: 'A room, please.' });
    expect(first).toMatchObject({ chatId: chat.chatId, text: 'You said: A room, please.', evaluatedTokens: 26, contextTokens: 35 });
    fake.maxMessages = 4;
    const second = await llm.chatSend({ chatId: chat.chatId, text: 'For two nights.' });
    expect(second.text).toBe('You said: For two nights.');
    expect(fake.requests.map((r) => r.body.messages?.map((m) => m.content))).toEqual([
      ['You are Marta.', 'Welcome!', 'A room, please.'],
      ['You are Marta.', 'Welcome!', 'A room, please.', 'You said: A room, please.', 'For two nights.'],
      ['You are Marta.', 'A room, please.', 'You said: A room, please.', 'For two nights.'],
    ]);
    expect(llm.chatHistory(chat.chatId).messages).toHaveLength(5);
  });
});
