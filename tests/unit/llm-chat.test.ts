import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forkTransport, type EngineTransport } from '../../main/core/llm/engine-transport';
import { LlmService } from '../../main/core/llm/llm-service';
import type { ChatSendOutput } from '../../preload/api';
import { recordEvents, useModelFiles } from '../helpers/llm';
import { callOk, makeStudio } from '../helpers/studio';

const files = useModelFiles();
const dir = mkdtempSync(join(tmpdir(), 'loreweaver-chat-'));
let engine: EngineTransport | undefined;
const studio = makeStudio(dir, {
  createLlm: (bus) =>
    new LlmService(bus, {
      threads: 1,
      transport: () => {
        engine = forkTransport();
        return engine;
      },
    }),
});
const events = recordEvents(studio.events);
afterAll(() => {
  studio.close();
  rmSync(dir, { recursive: true, force: true });
});

const LINES = [
  'Good evening, innkeeper.',
  'Any rooms free tonight?',
  'How much for the stable?',
  'Who was that hooded stranger?',
  'Tell me about the old mill.',
];

async function load(): Promise<void> {
  await callOk(studio, 'llm:load', { modelId: 'tiny.gguf', contextSize: 512 });
}

beforeAll(async () => {
  await callOk(studio, 'models:import', { path: files().tiny, mode: 'link' });
  await load();
}, 30_000);

describe('chat sessions on the local engine', () => {
  it('keeps each chat on its own context so a new turn evaluates only what it adds', async () => {
    const chat = await callOk(studio, 'chat:start', { system: 'You are Marta, the innkeeper of the Gilded Goose.' });
    expect(chat).toMatchObject({
      provider: 'local',
      system: 'You are Marta, the innkeeper of the Gilded Goose.',
      messages: [],
      contextSize: 512,
      ended: null,
    });

    const turns: ChatSendOutput[] = [];
    for (const [index, text] of LINES.slice(0, 4).entries()) {
      const requestId = `kv-${index}`;
      const turn = await callOk(studio, 'chat:send', { chatId: chat.chatId, requestId, text, maxTokens: 12 });
      expect(turn).toMatchObject({ chatId: chat.chatId, requestId, tokens: 12, stopReason: 'maxTokens' });
      expect(
        events
          .of('llm:chunk')
          .filter((c) => c.requestId === requestId)
          .map((c) => c.text)
          .join(''),
      ).toBe(turn.text);
      turns.push(turn);
      // A one-off generation in between uses the engine's other sequence and leaves the chat's cache alone.
      await callOk(studio, 'llm:generate', { prompt: 'Something else entirely', maxTokens: 4 });
    }
    for (let i = 1; i < turns.length; i++) {
      expect(turns[i].evaluatedTokens).toBeLessThan(turns[i - 1].contextTokens as number);
      expect(turns[i].contextTokens).toBeGreaterThan(turns[i - 1].contextTokens as number);
    }
    // The cost of a turn does not grow with the history behind it.
    expect(turns[3].evaluatedTokens).toBeLessThan((turns[3].contextTokens as number) / 2);

    const history = await callOk(studio, 'chat:history', { chatId: chat.chatId });
    expect(history.messages.map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    expect(history.messages.filter((m) => m.role === 'assistant').map((m) => m.content)).toEqual(turns.map((t) => t.text));

    expect((await callOk(studio, 'chat:reset', { chatId: chat.chatId })).messages).toEqual([]);
    const again = await callOk(studio, 'chat:send', { chatId: chat.chatId, text: LINES[0], maxTokens: 12 });
    expect(again.text).toBe(turns[0].text);
    expect(await callOk(studio, 'chat:end', { chatId: chat.chatId })).toEqual({ ended: true });
    expect(await studio.call('chat:history', { chatId: chat.chatId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('keeps working when the history outgrows the context, dropping the oldest exchanges without evaluating the rest again', async () => {
    const chat = await callOk(studio, 'chat:start', { system: 'You are a bard.', contextSize: 256 });
    expect(chat.contextSize).toBe(256);
    const turns: ChatSendOutput[] = [];
    for (let i = 0; i < 14; i++) {
      turns.push(await callOk(studio, 'chat:send', { chatId: chat.chatId, text: LINES[i % LINES.length], maxTokens: 24 }));
    }
    expect(turns.every((turn) => turn.tokens === 24 && (turn.contextTokens as number) <= 256)).toBe(true);
    const shifted = turns.findIndex((turn, i) => i > 0 && (turn.contextTokens as number) < (turns[i - 1].contextTokens as number));
    expect(shifted).toBeGreaterThan(0);
    // The turn that made room evaluated its own tokens, not the kept part of the history.
    expect(turns[shifted].evaluatedTokens).toBeLessThan((turns[shifted].contextTokens as number) / 2);
    expect((await callOk(studio, 'chat:history', { chatId: chat.chatId })).messages).toHaveLength(28);
    await callOk(studio, 'chat:end', { chatId: chat.chatId });
  });

  it('lets more chats run than keep a context; the one used longest ago rebuilds its context and carries on', async () => {
    const chats = [];
    for (let i = 0; i < 5; i++) {
      const chat = await callOk(studio, 'chat:start', { system: `You are villager number ${i}.`, contextSize: 128 });
      await callOk(studio, 'chat:send', { chatId: chat.chatId, text: LINES[i], maxTokens: 8 });
      chats.push(chat);
    }
    const resumed = await callOk(studio, 'chat:send', { chatId: chats[0].chatId, text: 'And you?', maxTokens: 8 });
    // Its context went to the fifth chat, so this turn evaluated the whole conversation again.
    expect(resumed.evaluatedTokens).toBeGreaterThanOrEqual((resumed.contextTokens as number) - resumed.tokens);
    expect((await callOk(studio, 'chat:history', { chatId: chats[0].chatId })).messages).toHaveLength(4);
    const warm = await callOk(studio, 'chat:send', { chatId: chats[4].chatId, text: 'And you?', maxTokens: 8 });
    expect(warm.evaluatedTokens).toBeLessThan((warm.contextTokens as number) / 2);
    for (const chat of chats) await callOk(studio, 'chat:end', { chatId: chat.chatId });
  });

  it('cancels a running turn, keeping what it wrote, and one still queued, keeping nothing; the chat goes on', async () => {
    const chat = await callOk(studio, 'chat:start', {});
    const firstChunk = events.next('llm:chunk', (c) => c.requestId === 'chat-long');
    const running = callOk(studio, 'chat:send', {
      chatId: chat.chatId,
      requestId: 'chat-long',
      text: 'Tell me everything.',
      maxTokens: 20_000,
    });
    const queued = callOk(studio, 'chat:send', { chatId: chat.chatId, requestId: 'chat-queued', text: 'And then?', maxTokens: 5 });
    await firstChunk;
    expect(await callOk(studio, 'llm:cancel', { requestId: 'chat-queued' })).toEqual({ cancelled: true });
    expect(await queued).toMatchObject({ requestId: 'chat-queued', text: '', tokens: 0, stopReason: 'cancelled' });
    expect(await callOk(studio, 'llm:cancel', { requestId: 'chat-long' })).toEqual({ cancelled: true });
    const cut = await running;
    expect(cut.stopReason).toBe('cancelled');
    expect(cut.text.length).toBeGreaterThan(0);

    const next = await callOk(studio, 'chat:send', { chatId: chat.chatId, text: 'Go on.', maxTokens: 6 });
    expect(next).toMatchObject({ tokens: 6, stopReason: 'maxTokens' });
    expect((await callOk(studio, 'chat:history', { chatId: chat.chatId })).messages).toEqual([
      { role: 'user', content: 'Tell me everything.' },
      { role: 'assistant', content: cut.text },
      { role: 'user', content: 'Go on.' },
      { role: 'assistant', content: next.text },
    ]);
    await callOk(studio, 'chat:end', { chatId: chat.chatId });
  });

  it('ends chats when their model unloads or the engine restarts, with a clear error; their history stays readable', async () => {
    const messages = [{ role: 'assistant' as const, content: 'Welcome, traveller.' }];
    const chat = await callOk(studio, 'chat:start', { system: 'You are a guard.', messages });
    await callOk(studio, 'chat:send', { chatId: chat.chatId, text: 'Let me in.', maxTokens: 4 });
    await callOk(studio, 'llm:unload', {});

    expect(await studio.call('chat:send', { chatId: chat.chatId, text: 'Hello?' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/This chat has ended: its model was unloaded\. Start a new chat/) },
    });
    const history = await callOk(studio, 'chat:history', { chatId: chat.chatId });
    expect(history).toMatchObject({ ended: 'its model was unloaded', system: 'You are a guard.' });
    expect(history.messages).toHaveLength(3);
    expect(await studio.call('chat:start', {})).toMatchObject({ ok: false, error: { code: 'conflict', message: /No model is loaded/ } });

    await load();
    const fresh = await callOk(studio, 'chat:start', { system: history.system ?? undefined, messages: history.messages });
    const firstChunk = events.next('llm:chunk', (c) => c.requestId === 'doomed-turn');
    const doomed = callOk(studio, 'chat:send', { chatId: fresh.chatId, requestId: 'doomed-turn', text: 'Open up!', maxTokens: 20_000 });
    await firstChunk;
    const restarted = events.next('llm:state', (s) => s.change === 'started');
    engine?.kill();
    await expect(doomed).rejects.toThrow(/crashed/);
    expect((await callOk(studio, 'chat:history', { chatId: fresh.chatId })).ended).toBe('the model engine crashed and was restarted');
    await restarted;
    await load();
  });
});
