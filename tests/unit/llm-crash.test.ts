import { describe, expect, it } from 'vitest';
import { forkTransport, type EngineTransport } from '../../main/core/llm/engine-transport';
import { useLlm, useModelFiles } from '../helpers/llm';

const files = useModelFiles();
let current: EngineTransport | undefined;
const { llm, events } = useLlm({
  transport: () => {
    current = forkTransport();
    return current;
  },
});

describe('engine crash isolation', () => {
  it('contains a native abort in the engine process, restarts it and serves the next request', async () => {
    await llm.load(files().tiny);
    const restarted = events.next('llm:state', (s) => s.change === 'started');

    await expect(llm.load(files().broken['duplicate-tokens'])).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringMatching(/The model engine crashed \(ended by SIGABRT: .*GGML_ASSERT.*\) and was restarted without a model/),
    });
    const crash = events.of('llm:state').find((s) => s.change === 'crashed');
    expect(crash).toMatchObject({ crashed: true, model: null, reason: expect.stringMatching(/GGML_ASSERT/) });
    await restarted;

    const status = await llm.status();
    expect(status).toMatchObject({ engine: 'running', model: null, lastCrash: { reason: crash?.reason } });
    await llm.load(files().tiny);
    expect((await llm.generate({ prompt: 'After the storm', maxTokens: 4 })).tokens).toBe(4);
  });

  it('fails the generation in flight and the ones queued behind it get a fresh engine', async () => {
    const firstChunk = events.next('llm:chunk', (c) => c.requestId === 'doomed');
    const doomed = llm.generate({ requestId: 'doomed', prompt: 'x', raw: true, maxTokens: 20_000 });
    const queued = llm.generate({ requestId: 'behind', prompt: 'y', maxTokens: 2 });
    await firstChunk;
    current?.kill();

    await expect(doomed).rejects.toMatchObject({ code: 'internal', message: expect.stringMatching(/crashed \(ended by SIGKILL\)/) });
    await expect(queued).rejects.toMatchObject({ code: 'conflict', message: /No model is loaded/ });
    await llm.load(files().tiny);
    expect((await llm.generate({ prompt: 'Back again', maxTokens: 2 })).tokens).toBe(2);
  });
});
