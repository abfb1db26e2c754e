import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LlmService } from '../../main/core/llm/llm-service';
import { recordEvents, useModelFiles } from '../helpers/llm';
import { callOk, makeStudio } from '../helpers/studio';

const files = useModelFiles();
const dir = mkdtempSync(join(tmpdir(), 'loreweaver-studio-llm-'));
const studio = makeStudio(dir, { createLlm: (bus) => new LlmService(bus, { threads: 1 }) });
const events = recordEvents(studio.events);
afterAll(() => {
  studio.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the model methods of the contract', () => {
  it('imports, loads, streams, cancels, generates JSON and unloads a removed model', async () => {
    await callOk(studio, 'models:import', { path: files().tiny });
    const loaded = await callOk(studio, 'llm:load', { modelId: 'tiny.gguf', contextSize: 256, gpuLayers: 0 });
    expect(loaded).toMatchObject({ engine: 'running', threads: 1, model: { name: 'loreweaver-tiny', contextSize: 256, gpuLayers: 0 } });

    const text = await callOk(studio, 'llm:generate', {
      requestId: 'contract-1',
      messages: [{ role: 'user', content: 'Hello' }],
      maxTokens: 12,
    });
    expect(text).toMatchObject({ requestId: 'contract-1', tokens: 12, stopReason: 'maxTokens' });
    expect(
      events
        .of('llm:chunk')
        .filter((c) => c.requestId === 'contract-1')
        .map((c) => c.text)
        .join(''),
    ).toBe(text.text);

    const firstChunk = events.next('llm:chunk', (c) => c.requestId === 'contract-2');
    const running = callOk(studio, 'llm:generate', { requestId: 'contract-2', prompt: 'On and on', raw: true, maxTokens: 20_000 });
    await firstChunk;
    expect(await callOk(studio, 'llm:cancel', { requestId: 'contract-2' })).toEqual({ cancelled: true });
    expect((await running).stopReason).toBe('cancelled');

    const json = await callOk(studio, 'llm:generateJson', {
      prompt: 'Is the guard awake?',
      schema: { type: 'object', properties: { awake: { type: 'boolean' } }, required: ['awake'] },
    });
    expect(typeof (json.value as { awake: unknown }).awake).toBe('boolean');

    expect(await callOk(studio, 'models:remove', { id: 'tiny.gguf' })).toEqual({ id: 'tiny.gguf' });
    expect((await callOk(studio, 'llm:status', {})).model).toBeNull();
    expect(await callOk(studio, 'models:list', {})).toEqual([]);
  });

  it('rejects generation input that names neither or both sources, or raw text with a system prompt', async () => {
    for (const input of [
      {},
      { prompt: 'a', messages: [{ role: 'user', content: 'b' }] },
      { prompt: 'a', raw: true, system: 's' },
      { prompt: 'a', maxTokens: 0 },
    ]) {
      expect(await studio.call('llm:generate', input), JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
  });
});
