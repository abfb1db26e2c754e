import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GGUF_DEFECTS, writeGguf } from '../fixtures/gguf-generator';
import { useLlm, useModelFiles } from '../helpers/llm';

const files = useModelFiles();
const { llm, events } = useLlm();

/** Long enough to still be running when the test reacts to its first chunk (the tiny model makes ~1500 tokens/s). */
const LONG = 20_000;

beforeAll(async () => {
  await llm.load(files().tiny);
}, 30_000);

describe('the local model engine', () => {
  it('loads a model and reports it, the backend and the threads in its status', async () => {
    const status = await llm.status();
    expect(status).toMatchObject({
      engine: 'running',
      threads: 1,
      queued: 0,
      model: { name: 'loreweaver-tiny', architecture: 'llama', contextSize: 512, trainContextSize: 512, threads: 1, chatWrapper: 'ChatML' },
    });
    expect(['cuda', 'vulkan', 'metal', 'cpu']).toContain(status.backend);
    expect(status.ram?.totalBytes).toBeGreaterThan(0);
    expect(events.of('llm:state').map((s) => s.change)).toEqual(expect.arrayContaining(['starting', 'started', 'loading', 'loaded']));
  });

  it('streams chunks keyed by the request id that add up to the text', async () => {
    const result = await llm.generate({ requestId: 'stream-1', system: 'You are a bard.', prompt: 'Sing of the sea.', maxTokens: 40 });
    const chunks = events.of('llm:chunk').filter((c) => c.requestId === 'stream-1');
    expect(result).toMatchObject({ requestId: 'stream-1', tokens: 40, stopReason: 'maxTokens' });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((c) => c.text).join('')).toBe(result.text);
    expect(result.timings.firstTokenMs).toBeGreaterThan(0);
    expect(result.timings.tokensPerSecond).toBeGreaterThan(0);
    expect((await llm.status()).lastTokensPerSecond).toBeGreaterThan(0);
  });

  it('continues raw text greedily and deterministically, and stops at a stop string', async () => {
    const first = await llm.generate({ prompt: 'Once upon a time', raw: true, maxTokens: 30 });
    const again = await llm.generate({ prompt: 'Once upon a time', raw: true, maxTokens: 30 });
    expect(again.text).toBe(first.text);
    const stop = first.text.slice(10, 14);
    const stopped = await llm.generate({ prompt: 'Once upon a time', raw: true, maxTokens: 30, stop: [stop] });
    expect(stopped.stopReason).toBe('stop');
    expect(stopped.text).toBe(first.text.slice(0, first.text.indexOf(stop)));
  });

  it('cancels a running generation, keeps what it had and serves the next request', async () => {
    const firstChunk = events.next('llm:chunk', (c) => c.requestId === 'long-1');
    const running = llm.generate({ requestId: 'long-1', prompt: 'Go on and on', raw: true, maxTokens: LONG });
    await firstChunk;
    expect(llm.cancel('long-1')).toEqual({ cancelled: true });
    const result = await running;
    expect(result.stopReason).toBe('cancelled');
    expect(result.tokens).toBeGreaterThan(0);
    expect(result.tokens).toBeLessThan(LONG);
    expect(result.text.length).toBeGreaterThan(0);

    expect(llm.cancel('long-1')).toEqual({ cancelled: false });
    expect(await llm.generate({ prompt: 'And again', maxTokens: 5 })).toMatchObject({ tokens: 5, stopReason: 'maxTokens' });
  });

  it('serves queued requests in arrival order and resolves one cancelled while queued at once', async () => {
    const order: string[] = [];
    const start = (id: string, maxTokens: number) =>
      llm.generate({ requestId: id, prompt: id, raw: true, maxTokens }).then((result) => {
        order.push(id);
        return result;
      });
    const a = start('queue-a', 400);
    const b = start('queue-b', 400);
    const c = start('queue-c', 20);
    expect((await llm.status()).queued).toBe(2);

    expect(llm.cancel('queue-b')).toEqual({ cancelled: true });
    expect(await b).toMatchObject({ requestId: 'queue-b', text: '', tokens: 0, stopReason: 'cancelled', timings: { firstTokenMs: null } });
    expect(order).toEqual(['queue-b']);

    const [resultA, resultC] = await Promise.all([a, c]);
    expect(order).toEqual(['queue-b', 'queue-a', 'queue-c']);
    expect([resultA.tokens, resultC.tokens]).toEqual([400, 20]);
    const chunkOwners = events
      .of('llm:chunk')
      .map((chunk) => chunk.requestId)
      .filter((id) => id.startsWith('queue-'));
    expect(chunkOwners.lastIndexOf('queue-a')).toBeLessThan(chunkOwners.indexOf('queue-c'));
    expect(chunkOwners).not.toContain('queue-b');
  });

  it('refuses a second generation under a request id that is still running', async () => {
    const running = llm.generate({ requestId: 'twice', prompt: 'x', raw: true, maxTokens: LONG });
    await expect(llm.generate({ requestId: 'twice', prompt: 'y', maxTokens: 1 })).rejects.toMatchObject({ code: 'conflict' });
    llm.cancel('twice');
    expect((await running).stopReason).toBe('cancelled');
  });

  it('generates JSON that follows an enum and boolean schema and passes zod', async () => {
    const Npc = z.object({ mood: z.enum(['calm', 'angry', 'afraid']), hostile: z.boolean(), greets: z.boolean() });
    const result = await llm.generateJson({
      prompt: 'Describe the innkeeper as JSON.',
      schema: z.toJSONSchema(Npc) as Record<string, unknown>,
      maxTokens: 200,
    });
    expect(Npc.parse(result.value)).toEqual(result.value);
    expect(result.attempts).toBe(1);
    expect(JSON.parse(result.text)).toEqual(result.value);

    const answer = await llm.generateJson({ prompt: 'Yes or no?', schema: { enum: ['yes', 'no'] }, maxTokens: 20 });
    expect(['yes', 'no']).toContain(answer.value);
  });

  it('tries one repair when the JSON is cut short, then fails with a clear error; refuses a schema it cannot use', async () => {
    const schema = { type: 'object', properties: { mood: { enum: ['calm', 'angry'] } }, required: ['mood'] };
    await expect(llm.generateJson({ prompt: 'JSON please', schema, maxTokens: 2 })).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/did not produce valid JSON after a repair attempt: it is not complete JSON/),
    });
    await expect(llm.generateJson({ prompt: 'JSON please', schema: { type: 'dragon' } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/JSON schema is not valid/),
    });
  });

  it('refuses every broken file with a clear error and keeps serving the loaded model', async () => {
    const expected: Record<Exclude<(typeof GGUF_DEFECTS)[number], 'duplicate-tokens'>, RegExp> = {
      empty: /the file is empty/,
      'bad-magic': /does not start with the GGUF signature/,
      'truncated-header': /header is cut short/,
      'truncated-data': /the file is truncated/,
      'huge-counts': /impossible sizes or counts/,
    };
    for (const [defect, message] of Object.entries(expected)) {
      await expect(llm.load(files().broken[defect as keyof typeof expected]), defect).rejects.toMatchObject({
        code: 'invalid_input',
        message: expect.stringMatching(message),
      });
    }
    expect((await llm.status()).model?.name).toBe('loreweaver-tiny');
    expect((await llm.generate({ prompt: 'Still here?', maxTokens: 3 })).tokens).toBe(3);
  });

  it('refuses a model that does not fit in memory before loading it, saying what it needs and what would fit', async () => {
    // Sparse files: their declared size costs no disk space, and the fit check reads only the header.
    const huge = writeGguf(join(files().dir, 'huge.gguf'), {
      sparse: true,
      embeddingLength: 8192,
      headCount: 64,
      headCountKv: 8,
      feedForwardLength: 28_672,
      blockCount: 120,
    }).path;
    await expect(llm.load(huge)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/huge\.gguf does not fit in memory .*: it needs about \d+\.\d GiB of RAM .*Try a smaller model/),
    });
    const deep = writeGguf(join(files().dir, 'deep.gguf'), {
      sparse: true,
      tensorType: 'q4_0',
      embeddingLength: 1024,
      headCount: 16,
      headCountKv: 16,
      feedForwardLength: 1024,
      blockCount: 128,
      contextLength: 4096,
    }).path;
    await expect(llm.load(deep, { contextSize: 1_048_576 })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/a context of 1048576 tokens: .* Try (\d+ GPU layers and )?a context of \d+ tokens/),
    });
    expect((await llm.status()).model?.name).toBe('loreweaver-tiny');
  });

  it('switches to a Q4_0 model and back without restarting', async () => {
    expect((await llm.load(files().tinyQ4)).name).toBe('loreweaver-tiny-q4');
    expect((await llm.generate({ prompt: 'Quantized', maxTokens: 8 })).tokens).toBe(8);
    await llm.unload();
    expect((await llm.status()).model).toBeNull();
    await expect(llm.generate({ prompt: 'Nothing loaded', maxTokens: 1 })).rejects.toMatchObject({
      code: 'conflict',
      message: /No model is loaded/,
    });
    await llm.load(files().tiny);
    expect(events.of('llm:state').some((s) => s.change === 'crashed')).toBe(false);
  });
});
