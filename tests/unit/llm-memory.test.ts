import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LlmService } from '../../main/core/llm/llm-service';
import { mixedGenerations } from '../helpers/generation-workload';
import { useModelFiles } from '../helpers/llm';
import { engineProcess, mainRssBytes, megabytes } from '../helpers/process-memory';
import { callOk, makeStudio } from '../helpers/studio';

/** The quick form of `npm run bench -- engine-memory`: the tiny model, a few tokens a generation, a generous bound. */

const files = useModelFiles();
const dir = mkdtempSync(join(tmpdir(), 'loreweaver-llm-memory-'));
const studio = makeStudio(dir, { createLlm: (bus) => new LlmService(bus, { threads: 1 }) });
afterAll(() => {
  studio.close();
  rmSync(dir, { recursive: true, force: true });
});

const WARM_UP = 10;
/** Resident memory after 200 generations may exceed that after 50 by this factor at most. */
const BOUND = 1.25;

describe('memory over many generations', () => {
  it('keeps the engine and studio processes flat over 200 generations', async () => {
    await callOk(studio, 'models:import', { path: files().tiny });
    await callOk(studio, 'llm:load', { modelId: 'tiny.gguf', contextSize: 256, gpuLayers: 0 });
    const workload = mixedGenerations((method, input) => callOk(studio, method, input), 4);
    for (let index = 0; index < WARM_UP; index++) await workload.generate(index);

    const readings: { engine: number; main: number }[] = [];
    for (let done = 0; done < 200; done++) {
      if (done === 50) readings.push({ engine: engineProcess(process.pid).rssBytes, main: mainRssBytes() });
      await workload.generate(WARM_UP + done);
    }
    readings.push({ engine: engineProcess(process.pid).rssBytes, main: mainRssBytes() });
    await workload.close();

    const [at50, at200] = readings;
    const report = `engine ${megabytes(at50.engine)} → ${megabytes(at200.engine)}, studio ${megabytes(at50.main)} → ${megabytes(at200.main)}`;
    expect(at200.engine / at50.engine, report).toBeLessThanOrEqual(BOUND);
    expect(at200.main / at50.main, report).toBeLessThanOrEqual(BOUND);
    // The engine is still the one that started: no crash and restart hid a leak.
    expect((await callOk(studio, 'llm:status', {})).lastCrash).toBeNull();
  }, 120_000);
});
