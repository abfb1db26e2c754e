/**
 * The engine process: node-llama-cpp runs here, never in the studio's process, so a
 * native abort (llama.cpp asserts on some malformed models) ends this process only. The
 * studio's supervisor restarts it. Bundled as out/main/llm-worker.js.
 */
import { toAppError } from '../app-error';
import { ChunkBatcher } from './chunk-batcher';
import { connectToStudio } from './engine-port';
import type { GenerationHooks } from './generation';
import { LlamaEngine } from './llama-engine';
import { EngineErrorCode, EngineRequest, operations, type OpInput, type OpName, type OpOutput } from './protocol';

type Handlers = { [O in OpName]: (input: OpInput<O>, id: number) => Promise<OpOutput<O>> };

async function main(): Promise<void> {
  const port = connectToStudio();
  let engine: LlamaEngine;
  try {
    engine = await LlamaEngine.create();
  } catch (error) {
    const hint = 'If no prebuilt llama.cpp binary fits this machine, build one with `npx --no node-llama-cpp source download`.';
    port.send({ type: 'fatal', message: `node-llama-cpp could not start: ${(error as Error).message}. ${hint}` });
    process.exit(1);
  }
  const running = new Map<number, AbortController>();

  /** Runs a streaming operation under call `id`: its chunks go back with the id, and `cancel` can stop it. */
  async function streaming<T>(id: number, work: (hooks: GenerationHooks) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const chunks = new ChunkBatcher((text) => port.send({ type: 'chunk', id, text }));
    running.set(id, controller);
    try {
      return await work({ signal: controller.signal, onChunk: (text) => chunks.push(text) });
    } finally {
      chunks.flush();
      running.delete(id);
    }
  }

  const handlers: Handlers = {
    info: () => engine.info(),
    load: (input) => engine.load(input),
    unload: () => engine.unload(),
    generate: (input, id) => streaming(id, (hooks) => engine.generate(input, hooks)),
    chatStart: (input) => engine.chatStart(input),
    chatSend: (input, id) => streaming(id, (hooks) => engine.chatSend(input, hooks)),
    chatReset: ({ chatId }) => engine.chatReset(chatId),
    chatEnd: ({ chatId }) => engine.chatEnd(chatId),
    renderChat: ({ messages }) => engine.renderChat(messages),
    countTokens: ({ texts }) => engine.countTokens(texts),
    cancel: async ({ target }) => {
      const controller = running.get(target);
      controller?.abort();
      return { cancelled: Boolean(controller) };
    },
  };

  port.onMessage(async (raw) => {
    const request = EngineRequest.safeParse(raw);
    if (!request.success) {
      process.stderr.write(`[engine] ignored a malformed request: ${request.error.message}\n`);
      return;
    }
    const { id, op, input } = request.data;
    try {
      const parsed = operations[op].input.parse(input);
      const handler = handlers[op] as (input: unknown, id: number) => Promise<unknown>;
      port.send({ type: 'result', id, value: await handler(parsed, id) });
    } catch (error) {
      const appError = toAppError(error);
      const code = EngineErrorCode.safeParse(appError.code);
      port.send({ type: 'error', id, code: code.success ? code.data : 'internal', message: appError.message });
    }
  });
  port.send({ type: 'ready', pid: process.pid });
}

void main();
