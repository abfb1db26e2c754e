import { getLlama, LlamaChatSession, LlamaLogLevel, type LlamaContextSequence, type LlamaModel } from 'node-llama-cpp';
import type { MethodOutput } from '../preload/api';
import { BENCH_MODEL } from '../tests/fixtures/gguf-generator';
import { LINES, median, ms, sample, startBenchStudio, type StreamSample } from './studio-client';

const CONTEXT_SIZE = 2048;
const WARM_UP_RUNS = 3;
const GENERATION_RUNS = 11;
const GENERATION_TOKENS = 256;
const CHAT_RUNS = 3;
const CHAT_REPLY_TOKENS = 24;
const TOKENS_PER_SECOND_TARGET = 0.95;
const FIRST_TOKEN_BUDGET_MS = 25;
const CHAT_GROWTH_TARGET = 1.5;
const SYSTEM = 'You are Marta, the innkeeper of the Gilded Goose. Answer in one or two sentences.';

/** node-llama-cpp used directly in this process, as its guide shows: a chat session on a context sequence. */
async function bareStream(session: LlamaChatSession, prompt: string, maxTokens: number): Promise<StreamSample> {
  let firstAt = 0;
  let tokens = 0;
  const started = performance.now();
  await session.prompt(prompt, {
    maxTokens,
    onTextChunk: () => (firstAt ||= performance.now()),
    onToken: (generated) => (tokens += generated.length),
  });
  return sample(started, firstAt, performance.now(), tokens);
}

/** A one-off generation: a new session on the one sequence, which keeps the cache of the shared prefix as the studio's engine does. */
async function bareGenerate(sequence: LlamaContextSequence, prompt: string, maxTokens: number): Promise<StreamSample> {
  const session = new LlamaChatSession({ contextSequence: sequence, systemPrompt: SYSTEM });
  try {
    return await bareStream(session, prompt, maxTokens);
  } finally {
    session.dispose({ disposeSequence: false });
  }
}

/** Time to the first generated token of each turn of a bare LlamaChatSession with its default context shift. */
async function bareChat(model: LlamaModel, threads: number): Promise<number[]> {
  const context = await model.createContext({ contextSize: CONTEXT_SIZE, threads });
  const session = new LlamaChatSession({ contextSequence: context.getSequence(), systemPrompt: SYSTEM });
  const firstTokens: number[] = [];
  for (const line of LINES) {
    const started = performance.now();
    let firstAt = 0;
    await session.prompt(line, { maxTokens: CHAT_REPLY_TOKENS, onToken: () => (firstAt ||= performance.now()) });
    firstTokens.push(firstAt - started);
  }
  await context.dispose();
  return firstTokens;
}

/**
 * Generation speed and time to first token of the synthetic ~77 MB Q4_0 model on the
 * studio's thread count, through the studio's full path (HTTP API → Studio → engine
 * process → `llm:chunk` events back over the WebSocket) against node-llama-cpp in this
 * process; then chat KV reuse: time to first token of turn 20 against turn 2.
 */
export async function run(): Promise<void> {
  const bench = await startBenchStudio('llm');
  const { client, threads, model: file } = bench;
  const llama = await getLlama({ gpu: 'auto', build: 'never', logLevel: LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath: file.path });
  const context = await model.createContext({ contextSize: CONTEXT_SIZE, threads });
  const sequence = context.getSequence();
  try {
    const status = await client.call('llm:load', { modelId: 'bench.gguf', contextSize: CONTEXT_SIZE });
    const prompt = (run: number) => `Tell me the tale of the lighthouse keeper of Vell, part ${run + 1}.`;
    // A few of each first: the first evaluations pay one-off costs (JIT, first allocations) that neither side should carry.
    for (let run = 0; run < WARM_UP_RUNS; run++) {
      await client.stream('llm:generate', { system: SYSTEM, prompt: `Warm up ${run}.`, maxTokens: 8 });
      await bareGenerate(sequence, `Warm up ${run}.`, 8);
    }

    // Each run pairs the two paths back to back, in alternating order, so the ratios compare like with like on a shared machine.
    const pairs: { studio: StreamSample & { result: MethodOutput<'llm:generate'> }; bare: StreamSample }[] = [];
    for (let run = 0; run < GENERATION_RUNS; run++) {
      const input = { system: SYSTEM, prompt: prompt(run), maxTokens: GENERATION_TOKENS };
      if (run % 2 === 0) {
        const studioRun = await client.stream('llm:generate', input);
        pairs.push({ studio: studioRun, bare: await bareGenerate(sequence, input.prompt, GENERATION_TOKENS) });
      } else {
        const bareRun = await bareGenerate(sequence, input.prompt, GENERATION_TOKENS);
        pairs.push({ bare: bareRun, studio: await client.stream('llm:generate', input) });
      }
    }

    const chats: { firstTokenMs: number; evaluatedTokens: number; contextTokens: number }[][] = [];
    for (let run = 0; run < CHAT_RUNS; run++) {
      const { chatId } = await client.call('chat:start', { system: SYSTEM });
      const turns = [];
      for (const line of LINES) {
        const turn = await client.stream('chat:send', { chatId, text: line, maxTokens: CHAT_REPLY_TOKENS });
        turns.push({
          // The engine's time to the first generated token: first text can trail it while stop-sequence look-ahead holds it back.
          firstTokenMs: turn.result.promptMs ?? turn.firstTokenMs,
          evaluatedTokens: turn.result.evaluatedTokens ?? 0,
          contextTokens: turn.result.contextTokens ?? 0,
        });
      }
      await client.call('chat:end', { chatId });
      chats.push(turns);
    }
    const bareChats: number[][] = [];
    for (let run = 0; run < CHAT_RUNS; run++) bareChats.push(await bareChat(model, threads));

    const of = <T>(values: T[], pick: (value: T) => number) => median(values.map(pick));
    const last = LINES.length - 1;
    console.log(
      `llm benchmark: ${(file.bytes / 1e6).toFixed(0)} MB Q4_0 synthetic model (${BENCH_MODEL.blockCount} layers, ${BENCH_MODEL.vocabSize} tokens), ` +
        `${status.backend} backend, ${threads} thread(s), context ${CONTEXT_SIZE}`,
    );
    console.log(`  generation, ${GENERATION_TOKENS} tokens, ${GENERATION_RUNS} runs of each (medians):`);
    console.log(
      `    bare node-llama-cpp in process:              ${of(pairs, (p) => p.bare.tokensPerSecond).toFixed(1)} tokens/s, ` +
        `first token ${ms(of(pairs, (p) => p.bare.firstTokenMs))}`,
    );
    console.log(
      `    studio (HTTP → engine process → WebSocket):  ${of(pairs, (p) => p.studio.tokensPerSecond).toFixed(1)} tokens/s, ` +
        `first token ${ms(of(pairs, (p) => p.studio.firstTokenMs))} ` +
        `(${ms(of(pairs, (p) => p.studio.result.timings.firstTokenMs ?? 0))} of it from the studio's queue to the engine's first chunk)`,
    );
    console.log(`  chat, ${LINES.length} turns of ${CHAT_REPLY_TOKENS}-token replies, ${CHAT_RUNS} chats (medians per turn):`);
    for (const index of [1, last]) {
      const firstTokenMs = of(chats, (turns) => turns[index].firstTokenMs);
      const evaluated = of(chats, (turns) => turns[index].evaluatedTokens);
      console.log(
        `    studio turn ${String(index + 1).padEnd(3)} first token ${ms(firstTokenMs)}: evaluated ${evaluated} tokens ` +
          `(${(firstTokenMs / evaluated).toFixed(2)} ms each), context then ${of(chats, (turns) => turns[index].contextTokens)} tokens`,
      );
    }
    console.log(
      `    bare LlamaChatSession (reference): turn 2 ${ms(of(bareChats, (t) => t[1]))}, turn 20 ${ms(of(bareChats, (t) => t[last]))}`,
    );
    const speedRatio = of(pairs, (p) => p.studio.tokensPerSecond / p.bare.tokensPerSecond);
    console.log(`  ratio tokens/s studio / bare: ${speedRatio.toFixed(3)} (target ≥ ${TOKENS_PER_SECOND_TARGET})`);
    const firstTokenExtra = of(pairs, (p) => p.studio.firstTokenMs - p.bare.firstTokenMs);
    console.log(
      `  first token studio − bare: ${firstTokenExtra >= 0 ? '+' : ''}${firstTokenExtra.toFixed(1)} ms (target ≤ +${FIRST_TOKEN_BUDGET_MS} ms)`,
    );
    const growth = of(chats, (turns) => turns[last].firstTokenMs / turns[1].firstTokenMs);
    console.log(`  ratio chat first token turn 20 / turn 2 (studio): ${growth.toFixed(2)} (target ≤ ${CHAT_GROWTH_TARGET})`);
    console.log(`  ratio chat first token turn 20 / turn 2 (bare reference): ${of(bareChats, (t) => t[last] / t[1]).toFixed(2)}`);
  } finally {
    await context.dispose();
    await model.dispose();
    await bench.close();
  }
}
