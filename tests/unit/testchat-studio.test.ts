import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LlmService } from '../../main/core/llm/llm-service';
import type { Studio } from '../../main/core/studio';
import type { DialogueNode } from '../../main/domain/dialogue/dialogue-schema';
import { recordEvents, useModelFiles } from '../helpers/llm';
import { callOk, makeStudio } from '../helpers/studio';

const files = useModelFiles();
const dir = mkdtempSync(join(tmpdir(), 'loreweaver-testchat-'));
const withModel = (d: string) => makeStudio(d, { createLlm: (bus) => new LlmService(bus, { threads: 1 }) });
let studio: Studio;
let events: ReturnType<typeof recordEvents>;
let npcId: string;
let projectId: string;

beforeAll(async () => {
  studio = withModel(dir);
  events = recordEvents(studio.events);
  projectId = (await callOk(studio, 'projects:create', { name: 'Chat test' })).id;
  await callOk(studio, 'projects:open', { id: projectId });
  const npc = await callOk(studio, 'npcs:create', {
    name: 'Mira',
    persona: {
      role: 'smith',
      description: '{{char}} forges blades.',
      firstMessage: 'Welcome, {{user}}.',
      alternateGreetings: ['Back again?'],
      lorebook: {
        extensions: {},
        scanDepth: 2,
        entries: [
          {
            keys: ['dragon'],
            content: 'Vex the dragon sleeps under Ash Mountain.',
            enabled: true,
            insertionOrder: 1,
            extensions: {},
            name: 'Dragon',
          },
        ],
      },
    },
  });
  npcId = npc.id;
});
afterAll(() => {
  studio.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('free chat with an NPC', () => {
  it('opens with the greetings, streams replies, keeps versions, edits, branches and survives a restart', async () => {
    const started = await callOk(studio, 'conversations:start', { npcId });
    expect(started.title).toBe('Chat with Mira');
    expect(started.messages).toHaveLength(1);
    expect(started.messages[0]).toMatchObject({ role: 'npc', versions: ['Welcome, Player.', 'Back again?'], shown: 0 });

    // No model yet: the player's message is kept and the error says what to do.
    const refused = await studio.call('conversations:send', { id: started.id, text: 'Hello?' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/load a model/i) } });
    expect((await callOk(studio, 'conversations:get', { id: started.id })).messages.map((m) => m.role)).toEqual(['npc', 'user']);
    await callOk(studio, 'conversations:deleteMessage', {
      id: started.id,
      messageId: (await callOk(studio, 'conversations:get', { id: started.id })).messages[1].id,
    });

    await callOk(studio, 'models:import', { path: files().tiny });
    await callOk(studio, 'llm:load', { modelId: 'tiny.gguf', contextSize: 512, gpuLayers: 0 });

    const turns = [];
    for (const [i, text] of ['Hello there', 'Tell me about the dragon', 'Thanks'].entries()) {
      const turn = await callOk(studio, 'conversations:send', { id: started.id, text, requestId: `turn-${i}`, maxTokens: 6 });
      const streamed = events
        .of('llm:chunk')
        .filter((c) => c.requestId === `turn-${i}`)
        .map((c) => c.text)
        .join('');
      expect(turn.conversation.messages.at(-1)?.versions[0]).toBe(streamed.trim());
      turns.push(turn);
    }
    const conversation = turns[2].conversation;
    expect(conversation.messages.map((m) => m.role)).toEqual(['npc', 'user', 'npc', 'user', 'npc', 'user', 'npc']);
    // The dragon turn fired the lorebook entry; the turn after it still scans that message (depth 2).
    expect(conversation.messages[4].lore).toEqual(['Dragon']);
    // KV reuse: the third turn evaluates far fewer tokens than its context holds.
    expect(turns[2].evaluatedTokens).toBeGreaterThan(0);
    expect(turns[2].evaluatedTokens!).toBeLessThan(turns[2].contextTokens! / 2);

    const inspection = await callOk(studio, 'conversations:inspect', { id: started.id });
    expect(inspection.tokens).toBeGreaterThan(0);
    expect(inspection.contextSize).toBe(512);
    expect(inspection.text).toContain('Mira forges blades.');
    expect(inspection.messages.at(-1)).toEqual({ role: 'user', content: 'Thanks' });

    const regenerated = await callOk(studio, 'conversations:regenerate', { id: started.id, maxTokens: 6, temperature: 1 });
    const last = regenerated.conversation.messages.at(-1)!;
    expect(last.versions).toHaveLength(2);
    expect(last.shown).toBe(1);
    const flipped = await callOk(studio, 'conversations:showVersion', { id: started.id, messageId: last.id, version: 0 });
    expect(flipped.messages.at(-1)?.shown).toBe(0);
    const edited = await callOk(studio, 'conversations:edit', { id: started.id, messageId: last.id, text: 'Mind the forge.' });
    expect(edited.messages.at(-1)?.versions[0]).toBe('Mind the forge.');

    const branch = await callOk(studio, 'conversations:branch', { id: started.id, messageId: edited.messages[2].id });
    expect(branch.messages.map((m) => m.versions[m.shown])).toEqual(edited.messages.slice(0, 3).map((m) => m.versions[m.shown]));
    expect(branch.branchedFrom).toEqual({ conversationId: started.id, messageId: edited.messages[2].id });

    const invalid = await studio.call('conversations:showVersion', { id: started.id, messageId: last.id, version: 7 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    studio.close();
    studio = withModel(dir);
    events = recordEvents(studio.events);
    await callOk(studio, 'projects:open', { id: projectId });
    const listed = await callOk(studio, 'conversations:list', { npcId });
    expect(listed.map((c) => c.id).sort()).toEqual([started.id, branch.id].sort());
    expect((await callOk(studio, 'conversations:get', { id: started.id })).messages.at(-1)?.versions[0]).toBe('Mind the forge.');
  });

  it('stops a reply mid-stream and keeps what was written', async () => {
    await callOk(studio, 'models:import', { path: files().tiny }).catch(() => undefined);
    await callOk(studio, 'llm:load', { modelId: 'tiny.gguf', contextSize: 512, gpuLayers: 0 });
    const conversation = await callOk(studio, 'conversations:start', { npcId, title: 'Stop test' });
    const firstChunk = events.next('llm:chunk', (c) => c.requestId === 'stop-me');
    const running = callOk(studio, 'conversations:send', {
      id: conversation.id,
      text: 'Talk forever',
      requestId: 'stop-me',
      maxTokens: 4000,
    });
    await firstChunk;
    expect(await callOk(studio, 'llm:cancel', { requestId: 'stop-me' })).toEqual({ cancelled: true });
    const turn = await running;
    expect(turn.stopReason).toBe('cancelled');
    const reply = turn.conversation.messages.at(-1)!;
    expect(reply.role).toBe('npc');
    expect(reply.stopReason).toBe('cancelled');
  });

  it('tells the NPC the stories marked as project lore, as they are now', async () => {
    await callOk(studio, 'models:import', { path: files().tiny }).catch(() => undefined);
    await callOk(studio, 'llm:load', { modelId: 'tiny.gguf', contextSize: 512, gpuLayers: 0 });
    const story = (markdown: string, lore: boolean) => ({ schemaVersion: 1, markdown, lore });
    const item = await callOk(studio, 'content:create', {
      kind: 'story',
      name: 'The Ash War',
      data: story('The ash fell for a year.', true),
    });
    const conversation = await callOk(studio, 'conversations:start', { npcId, title: 'Lore test' });
    expect((await callOk(studio, 'conversations:inspect', { id: conversation.id })).text).toContain('The ash fell for a year.');

    await callOk(studio, 'content:save', { id: item.id, data: story('The ash fell for ten years.', true) });
    const edited = (await callOk(studio, 'conversations:inspect', { id: conversation.id })).text;
    expect(edited).toContain('The ash fell for ten years.');
    expect(edited).not.toContain('for a year.');
    await callOk(studio, 'content:save', { id: item.id, data: story('The ash fell for ten years.', false) });
    expect((await callOk(studio, 'conversations:inspect', { id: conversation.id })).text).not.toContain('The ash fell');
    await callOk(studio, 'content:delete', { id: item.id });
  });
});

describe('playthroughs of a dialogue', () => {
  const node = (n: Partial<DialogueNode> & { id: string; kind: DialogueNode['kind'] }) =>
    ({ position: { x: 0, y: 0 }, ...n }) as DialogueNode;
  let dialogueId: string;

  beforeAll(async () => {
    const dialogue = await callOk(studio, 'dialogues:create', { name: 'Gate', npcId });
    dialogueId = dialogue.id;
    await callOk(studio, 'dialogues:save', {
      id: dialogueId,
      baseRevision: dialogue.revision,
      variables: [{ name: 'gold', type: 'number', default: 0 }],
      startNodeId: 'hello',
      deleteNodeIds: Object.keys(dialogue.dialogue.nodes),
      upsertNodes: [
        node({ id: 'hello', kind: 'line', speaker: 'Mira', text: 'Halt.', lineId: 'hello', next: 'ask' }),
        node({
          id: 'ask',
          kind: 'choice',
          options: [
            { id: 'pay', text: 'Pay 10 gold', condition: '$gold >= 10', target: 'paid' },
            { id: 'tip', text: 'Find a coin', target: 'coin' },
            { id: 'go', text: 'Leave', target: 'bye' },
          ],
        }),
        node({ id: 'coin', kind: 'action', actions: [{ type: 'setVariable', variable: 'gold', operator: '+=', value: 10 }], next: 'muse' }),
        node({
          id: 'muse',
          kind: 'aiLine',
          speaker: 'Mira',
          instruction: 'Comment on the coin',
          fallbackText: 'Lucky you.',
          lineId: 'muse',
          next: 'ask',
        }),
        node({ id: 'paid', kind: 'line', speaker: 'Mira', text: 'Pass.', lineId: 'paid', next: 'bye' }),
        node({ id: 'bye', kind: 'end', outcome: 'left' }),
      ],
    });
  });

  it('plays through a condition, improvises an AI line, shows why a choice is closed, and replays the same after a restart', async () => {
    let view = await callOk(studio, 'playthroughs:start', { dialogueId, seed: 'fixed' });
    expect(view.step).toMatchObject({ type: 'line', text: 'Halt.' });
    view = await callOk(studio, 'playthroughs:advance', { id: view.playthrough.id });
    expect(view.step.type).toBe('choice');
    const options = view.step.type === 'choice' ? view.step.options : [];
    expect(options.find((o) => o.id === 'pay')).toMatchObject({ available: false, unavailableReason: 'Requires $gold >= 10' });
    const closed = await studio.call('playthroughs:choose', { id: view.playthrough.id, optionId: 'pay' });
    expect(closed).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    view = await callOk(studio, 'playthroughs:choose', { id: view.playthrough.id, optionId: 'tip' });
    expect(view.state.variables.gold).toBe(10);
    expect(view.step).toMatchObject({ type: 'aiLine', nodeId: 'muse' });
    view = await callOk(studio, 'playthroughs:improvise', { id: view.playthrough.id, requestId: 'muse-1', maxTokens: 6 });
    expect(view.improvised?.nodeId).toBe('muse');
    view = await callOk(studio, 'playthroughs:advance', { id: view.playthrough.id });
    expect(view.step.type === 'choice' && view.step.options.find((o) => o.id === 'pay')?.available).toBe(true);
    view = await callOk(studio, 'playthroughs:choose', { id: view.playthrough.id, optionId: 'pay' });
    view = await callOk(studio, 'playthroughs:advance', { id: view.playthrough.id });
    expect(view.step).toMatchObject({ type: 'end', reason: 'end', outcome: 'left' });
    expect(view.playthrough.log.map((e) => e.type)).toEqual(['line', 'choice', 'effect', 'line', 'choice', 'line', 'end']);
    expect(view.playthrough.log[2]).toMatchObject({ type: 'effect', text: '$gold: 0 → 10' });

    const transcript = await callOk(studio, 'playthroughs:transcript', { id: view.playthrough.id });
    expect(transcript.text).toContain('Mira: Halt.');
    expect(transcript.text).toContain('> Find a coin');
    expect(transcript.text).toContain('--- The end: left ---');

    studio.close();
    studio = withModel(dir);
    events = recordEvents(studio.events);
    await callOk(studio, 'projects:open', { id: projectId });
    const replayed = await callOk(studio, 'playthroughs:get', { id: view.playthrough.id });
    expect(replayed.step).toEqual(view.step);
    expect(replayed.state).toEqual(view.state);
    expect((await callOk(studio, 'playthroughs:list', { dialogueId })).map((p) => p.id)).toContain(view.playthrough.id);
  });

  it('lets the creator set the state to open a branch, and restart from any node', async () => {
    let view = await callOk(studio, 'playthroughs:start', { dialogueId, startNodeId: 'ask' });
    expect(view.step.type === 'choice' && view.step.options[0].available).toBe(false);
    view = await callOk(studio, 'playthroughs:state', { id: view.playthrough.id, state: { ...view.state, variables: { gold: 50 } } });
    expect(view.step.type === 'choice' && view.step.options[0].available).toBe(true);
    expect(view.playthrough.log.at(-1)).toMatchObject({ type: 'state', text: 'Variables: gold = 50' });
    view = await callOk(studio, 'playthroughs:restart', { id: view.playthrough.id, nodeId: 'paid' });
    expect(view.step).toMatchObject({ type: 'line', text: 'Pass.' });
    expect(view.state.variables.gold).toBe(0);
  });

  it('without a model, an AI line falls back to its authored text', async () => {
    await callOk(studio, 'llm:unload', {});
    let view = await callOk(studio, 'playthroughs:start', { dialogueId, startNodeId: 'muse' });
    view = await callOk(studio, 'playthroughs:improvise', { id: view.playthrough.id });
    expect(view.improvised).toEqual({ nodeId: 'muse', text: 'Lucky you.', source: 'fallback' });
    view = await callOk(studio, 'playthroughs:advance', { id: view.playthrough.id });
    expect(view.playthrough.log[0]).toMatchObject({ type: 'line', text: 'Lucky you.', source: 'fallback' });
  });

  it('maps typed words to a choice on screen, or answers in character and stays', async () => {
    await callOk(studio, 'llm:load', { modelId: 'tiny.gguf', contextSize: 512, gpuLayers: 0 });
    const start = await callOk(studio, 'playthroughs:start', { dialogueId, startNodeId: 'ask' });
    const view = await callOk(studio, 'playthroughs:say', { id: start.playthrough.id, text: 'I will leave now', maxTokens: 6 });
    const said = view.playthrough.log.find((e) => e.type === 'said');
    expect(said).toMatchObject({ type: 'said', text: 'I will leave now' });
    if (said?.type === 'said' && said.optionId) {
      // The model's answer is held to the ids on screen: an open one was taken.
      expect(['tip', 'go']).toContain(said.optionId);
      expect(view.step.nodeId).not.toBe('ask');
    } else {
      expect(view.step.nodeId).toBe('ask');
    }
  });
});
