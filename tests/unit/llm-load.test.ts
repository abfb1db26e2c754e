import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LlmService } from '../../main/core/llm/llm-service';
import { recordEvents, useModelFiles } from '../helpers/llm';
import { callOk, makeStudio } from '../helpers/studio';

/**
 * Several editors using the model at once through the contract, as the renderer does:
 * NPC and script editors streaming text, quest drafting asking for JSON, and test chats
 * sending turns, with some requests stopped while they wait and some while they stream.
 */

const files = useModelFiles();
const dir = mkdtempSync(join(tmpdir(), 'loreweaver-llm-load-'));
const studio = makeStudio(dir, { createLlm: (bus) => new LlmService(bus, { threads: 1 }) });
const events = recordEvents(studio.events);
afterAll(() => {
  studio.close();
  rmSync(dir, { recursive: true, force: true });
});

const SHORT = 6;
/** Long enough that it is still streaming when it is stopped. */
const ENDLESS = 20_000;
/** Bounded by its grammar, so the answer is complete within a few tokens. */
const SCHEMA = { type: 'object', properties: { mood: { enum: ['calm', 'angry'] } }, required: ['mood'] };

interface Outcome {
  requestId: string;
  text: string;
  tokens: number;
  stopReason: string;
}

const streamed = (requestId: string): string =>
  events
    .of('llm:chunk')
    .filter((chunk) => chunk.requestId === requestId)
    .map((chunk) => chunk.text)
    .join('');

describe('generation under load', () => {
  it('serves 20 concurrent requests from several editors, cancelling queued and streaming ones cleanly', async () => {
    await callOk(studio, 'models:import', { path: files().tiny });
    await callOk(studio, 'llm:load', { modelId: 'tiny.gguf', contextSize: 256, gpuLayers: 0 });
    const chats = await Promise.all([callOk(studio, 'chat:start', { system: 'You are Mira, a smith.' }), callOk(studio, 'chat:start', {})]);

    const cancelWhileQueued = new Set(['npc-4', 'quest-3', 'chat-1-2']);
    const cancelWhileStreaming = new Set(['npc-2', 'chat-0-1']);
    const maxTokens = (requestId: string) => (cancelWhileStreaming.has(requestId) ? ENDLESS : SHORT);

    const requests = new Map<string, Promise<Outcome>>();
    // The NPC editor and the script editor stream text.
    for (let i = 0; i < 5; i++) {
      const requestId = `npc-${i}`;
      requests.set(
        requestId,
        callOk(studio, 'llm:generate', { requestId, prompt: `Describe villager ${i}`, raw: true, maxTokens: maxTokens(requestId) }),
      );
    }
    for (let i = 0; i < 3; i++) {
      const requestId = `script-${i}`;
      requests.set(
        requestId,
        callOk(studio, 'llm:generate', { requestId, messages: [{ role: 'user', content: `local x${i} =` }], maxTokens: SHORT }),
      );
    }
    // Quest drafting asks for JSON.
    for (let i = 0; i < 5; i++) {
      const requestId = `quest-${i}`;
      requests.set(
        requestId,
        callOk(studio, 'llm:generateJson', { requestId, prompt: `Guard ${i}: mood?`, schema: SCHEMA, maxTokens: 64 }),
      );
    }
    // Two test chats, each sending turns one after another without waiting for the replies.
    chats.forEach((chat, c) => {
      const turns = c === 0 ? 4 : 3;
      for (let t = 0; t < turns; t++) {
        const requestId = `chat-${c}-${t}`;
        requests.set(
          requestId,
          callOk(studio, 'chat:send', { chatId: chat.chatId, requestId, text: `Turn ${t}`, maxTokens: maxTokens(requestId) }),
        );
      }
    });
    expect(requests.size).toBe(20);

    // Once the first request streams, every other one is waiting in the queue.
    await events.next('llm:chunk', (chunk) => chunk.requestId === 'npc-0');
    for (const requestId of cancelWhileQueued) {
      expect(await callOk(studio, 'llm:cancel', { requestId })).toEqual({ cancelled: true });
    }
    for (const requestId of cancelWhileStreaming) {
      void events.next('llm:chunk', (chunk) => chunk.requestId === requestId).then(() => callOk(studio, 'llm:cancel', { requestId }));
    }

    const outcomes = new Map<string, Outcome>();
    for (const [requestId, pending] of requests) outcomes.set(requestId, await pending);

    for (const [requestId, outcome] of outcomes) {
      expect(outcome.requestId).toBe(requestId);
      if (cancelWhileQueued.has(requestId)) {
        expect(outcome, requestId).toMatchObject({ stopReason: 'cancelled', tokens: 0, text: '' });
        expect(streamed(requestId), requestId).toBe('');
      } else if (cancelWhileStreaming.has(requestId)) {
        expect(outcome.stopReason, requestId).toBe('cancelled');
        expect(outcome.tokens, requestId).toBeGreaterThan(0);
        expect(outcome.tokens, requestId).toBeLessThan(ENDLESS);
      } else {
        expect(outcome.stopReason, requestId).not.toBe('cancelled');
        expect(outcome.tokens, requestId).toBeGreaterThan(0);
      }
      if (!requestId.startsWith('quest-')) expect(streamed(requestId), requestId).toBe(outcome.text);
    }
    for (let i = 0; i < 5; i++) {
      const quest = outcomes.get(`quest-${i}`) as Outcome & { value: unknown };
      if (cancelWhileQueued.has(`quest-${i}`)) expect(quest.value).toBeNull();
      else expect(['calm', 'angry']).toContain((quest.value as { mood: string }).mood);
    }

    // Each chat kept exactly the turns that produced a reply, in the order they were sent.
    const userTurns = async (chatId: string) =>
      (await callOk(studio, 'chat:history', { chatId })).messages.filter((m) => m.role === 'user').map((m) => m.content);
    expect(await userTurns(chats[0].chatId)).toEqual(['Turn 0', 'Turn 1', 'Turn 2', 'Turn 3']);
    expect(await userTurns(chats[1].chatId)).toEqual(['Turn 0', 'Turn 1']);

    // The engine never crashed and serves the next request.
    expect(events.of('llm:state').filter((s) => s.change === 'crashed')).toEqual([]);
    expect(await callOk(studio, 'llm:status', {})).toMatchObject({ engine: 'running', model: { name: 'loreweaver-tiny' } });
    expect(await callOk(studio, 'llm:generate', { prompt: 'After the rush', maxTokens: 4 })).toMatchObject({
      tokens: 4,
      stopReason: 'maxTokens',
    });
    expect(await callOk(studio, 'chat:send', { chatId: chats[1].chatId, text: 'Still there?', maxTokens: 3 })).toMatchObject({ tokens: 3 });
    // The engine's start and three contexts on one thread take a while on a busy machine.
  }, 120_000);
});
