import { mixedGenerations } from '../tests/helpers/generation-workload';
import { engineProcess, mainRssBytes, megabytes } from '../tests/helpers/process-memory';
import { startBenchStudio } from './studio-client';

const CONTEXT_SIZE = 2048;
const WARM_UP = 10;
const CHECKPOINTS = [50, 200];
const MAX_TOKENS = 32;
/** "Flat": resident memory after 200 generations within this factor of that after 50. */
const GROWTH_TARGET = 1.1;

interface Reading {
  generations: number;
  engine: number;
  main: number;
}

/**
 * Resident memory of the model engine process and of the studio's process (HTTP host,
 * Studio, LlmService: what `npm run serve` runs) over 200 generations of the mixed
 * workload editors produce, on the synthetic ~77 MB Q4_0 model.
 */
export async function run(): Promise<void> {
  const bench = await startBenchStudio('engine-memory');
  const { client, threads } = bench;
  try {
    const status = await client.call('llm:load', { modelId: 'bench.gguf', contextSize: CONTEXT_SIZE });
    const workload = mixedGenerations(client.call, MAX_TOKENS);
    const read = (generations: number): Reading => ({ generations, engine: engineProcess(process.pid).rssBytes, main: mainRssBytes() });

    // The first generations pay one-off allocations (compute buffers, JIT): "start" is after them.
    for (let index = 0; index < WARM_UP; index++) await workload.generate(index);
    const readings = [read(0)];
    const started = performance.now();
    let done = 0;
    for (const checkpoint of CHECKPOINTS) {
      for (; done < checkpoint; done++) await workload.generate(WARM_UP + done);
      readings.push(read(done));
    }
    const seconds = (performance.now() - started) / 1000;
    await workload.close();

    const [start, at50, at200] = readings;
    console.log(
      `engine-memory benchmark: ${done} generations (templated, plain, JSON and chat turns in turn, up to ${MAX_TOKENS} tokens) ` +
        `after ${WARM_UP} to warm up, ${status.backend} backend, ${threads} thread(s), context ${CONTEXT_SIZE}, ${seconds.toFixed(0)} s`,
    );
    console.log('  resident memory      start      after 50   after 200   200 / 50   200 / start');
    for (const [label, pick] of [
      ['engine process', (r: Reading) => r.engine],
      ['studio process', (r: Reading) => r.main],
    ] as const) {
      console.log(
        `  ${label.padEnd(16)} ${megabytes(pick(start)).padStart(10)} ${megabytes(pick(at50)).padStart(11)} ${megabytes(pick(at200)).padStart(11)}` +
          `   ${(pick(at200) / pick(at50)).toFixed(3).padStart(8)}   ${(pick(at200) / pick(start)).toFixed(3).padStart(11)}`,
      );
    }
    for (const [label, ratio] of [
      ['engine', at200.engine / at50.engine],
      ['studio', at200.main / at50.main],
    ] as const) {
      console.log(
        `  ratio ${label} RSS after 200 / after 50: ${ratio.toFixed(3)} (target ≤ ${GROWTH_TARGET}) ${ratio <= GROWTH_TARGET ? 'ok' : 'OVER'}`,
      );
    }
  } finally {
    await bench.close();
  }
}
