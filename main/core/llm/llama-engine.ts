import { basename } from 'node:path';
import {
  getLlama,
  InsufficientMemoryError,
  LlamaLogLevel,
  resolveChatWrapper,
  type ChatWrapper,
  type Llama,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaModel,
} from 'node-llama-cpp';
import type { ChatMessage, LoadedModel, RenderedPrompt } from '../../../preload/api';
import { AppError } from '../app-error';
import { modelName, readGgufChecked } from '../models/gguf-file';
import { ChatSessions } from './chat-sessions';
import { generate, toChatHistory, type GenerationHooks } from './generation';
import { checkFit } from './memory-fit';
import type { ChatStartInput, ChatTurn, ChatTurnInput, EngineGenerateInput, EngineGeneration, EngineInfo, LoadInput } from './protocol';

/** "auto" context: the largest that fits, but no more than this unless asked; long contexts cost memory and load time. */
const AUTO_CONTEXT_LIMIT = 8192;

const RECENT_LOG_LINES = 20;

interface Loaded {
  model: LlamaModel;
  context: LlamaContext;
  sequence: LlamaContextSequence;
  /** Resolved once per model: detecting the wrapper from the chat template takes hundreds of milliseconds. */
  chatWrapper: ChatWrapper;
  chats: ChatSessions;
  info: LoadedModel;
}

/**
 * node-llama-cpp inside the engine process: one llama (backend), at most one model
 * with one context and one sequence for one-off generations, and the model's chats on
 * contexts of their own. It runs one operation at a time; the studio's queue decides
 * the order.
 */
export class LlamaEngine {
  private loaded: Loaded | null = null;
  private busy = false;

  private constructor(
    private readonly llama: Llama,
    private readonly recentLog: string[],
  ) {}

  static async create(): Promise<LlamaEngine> {
    const recentLog: string[] = [];
    const llama = await getLlama({
      gpu: 'auto',
      // Building llama.cpp from source takes many minutes: use the prebuilt binaries or say clearly that none fits.
      build: 'never',
      logLevel: LlamaLogLevel.warn,
      // llama.cpp explains a failed load only in its log; keep the last lines for the error message.
      logger: (level, message) => {
        recentLog.push(message.trim());
        if (recentLog.length > RECENT_LOG_LINES) recentLog.shift();
        if (level === LlamaLogLevel.error || level === LlamaLogLevel.fatal) process.stderr.write(`[llama.cpp] ${message}\n`);
      },
    });
    return new LlamaEngine(llama, recentLog);
  }

  async info(): Promise<EngineInfo> {
    const [vram, ram, gpuDevices] = await Promise.all([this.llama.getVramState(), this.llama.getRamState(), this.llama.getGpuDeviceNames()]);
    return {
      backend: this.llama.gpu === false ? 'cpu' : this.llama.gpu,
      gpuDevices,
      vram: this.llama.gpu === false ? null : { totalBytes: vram.total, freeBytes: vram.free },
      ram: { totalBytes: ram.total, freeBytes: ram.free },
      model: this.loaded?.info ?? null,
    };
  }

  async load(input: LoadInput): Promise<LoadedModel> {
    return this.exclusive(async () => {
      const started = performance.now();
      const { info, sizeBytes } = await readGgufChecked(input.path);
      const shape = await checkFit(this.llama, input.path, info, input);
      await this.release();
      let model: LlamaModel | undefined;
      try {
        this.recentLog.length = 0;
        model = await this.llama.loadModel({ modelPath: input.path, gpuLayers: input.gpuLayers });
        const context = await model.createContext({
          contextSize: input.contextSize === 'auto' ? { max: Math.min(AUTO_CONTEXT_LIMIT, shape.trainContextSize ?? AUTO_CONTEXT_LIMIT) } : input.contextSize,
          threads: input.threads,
          sequences: 1,
        });
        const sequence = context.getSequence();
        const chatWrapper = resolveChatWrapper(model);
        this.loaded = {
          model,
          context,
          sequence,
          chatWrapper,
          chats: new ChatSessions(model, chatWrapper, { contextSize: context.contextSize, threads: input.threads }),
          info: {
            path: input.path,
            name: modelName(info.metadata.general, input.path),
            architecture: info.metadata.general.architecture,
            sizeBytes,
            contextSize: context.contextSize,
            trainContextSize: shape.trainContextSize,
            gpuLayers: model.gpuLayers,
            totalLayers: shape.totalLayers,
            threads: input.threads,
            chatWrapper: chatWrapper.wrapperName,
            loadMs: performance.now() - started,
          },
        };
        return this.loaded.info;
      } catch (error) {
        await model?.dispose();
        throw this.loadError(input.path, error);
      }
    });
  }

  async unload(): Promise<{ unloaded: boolean }> {
    return this.exclusive(async () => ({ unloaded: await this.release() }));
  }

  async generate(input: EngineGenerateInput, hooks: GenerationHooks): Promise<EngineGeneration> {
    return this.withModel(async (loaded) => {
      const grammar = input.jsonSchema ? await this.grammarFor(input.jsonSchema) : undefined;
      return generate(loaded.sequence, loaded.chatWrapper, input, grammar, hooks);
    });
  }

  chatStart(input: ChatStartInput): Promise<{ contextSize: number }> {
    return this.withModel((loaded) => loaded.chats.start(input));
  }

  chatSend(input: ChatTurnInput, hooks: GenerationHooks): Promise<ChatTurn> {
    return this.withModel((loaded) => loaded.chats.send(input, hooks));
  }

  chatReset(chatId: string): Promise<{ reset: boolean }> {
    return this.withModel(async (loaded) => loaded.chats.reset(chatId));
  }

  chatEnd(chatId: string): Promise<{ ended: boolean }> {
    return this.exclusive(async () => (this.loaded ? this.loaded.chats.end(chatId) : { ended: false }));
  }

  /** How many of the loaded model's tokens each text is. */
  countTokens(texts: string[]): Promise<{ counts: number[] }> {
    return this.withModel(async ({ model }) => ({ counts: texts.map((text) => model.tokenize(text).length) }));
  }

  /** The messages through the model's chat template, as a chat turn would send them, and their token count. */
  renderChat(messages: ChatMessage[]): Promise<RenderedPrompt> {
    return this.withModel(async ({ model, chatWrapper }) => {
      const history = toChatHistory({ messages });
      const { contextText } = chatWrapper.generateContextState({ chatHistory: history });
      return { text: contextText.toString(), tokens: contextText.tokenize(model.tokenizer).length };
    });
  }

  private withModel<T>(work: (loaded: Loaded) => Promise<T>): Promise<T> {
    return this.exclusive(() => {
      if (!this.loaded) throw new AppError('conflict', 'No model is loaded. Load a model first.');
      return work(this.loaded);
    });
  }

  private async grammarFor(schema: Record<string, unknown>) {
    try {
      return await this.llama.createGrammarForJsonSchema(schema as Parameters<Llama['createGrammarForJsonSchema']>[0]);
    } catch (error) {
      throw new AppError('invalid_input', `The JSON schema cannot be turned into a grammar: ${(error as Error).message}`);
    }
  }

  private async release(): Promise<boolean> {
    const loaded = this.loaded;
    this.loaded = null;
    if (!loaded) return false;
    await loaded.chats.endAll();
    await loaded.context.dispose();
    await loaded.model.dispose();
    return true;
  }

  /** The queue in the studio runs one operation at a time; this guards the engine against a second client all the same. */
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) throw new AppError('conflict', 'The engine is busy with another operation.');
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }

  private loadError(path: string, error: unknown): AppError {
    if (error instanceof AppError) return error;
    if (error instanceof InsufficientMemoryError) {
      return new AppError('invalid_input', `${basename(path)} does not fit in memory: ${error.message}. Try fewer GPU layers or a smaller context.`);
    }
    const detail = this.recentLog.find((line) => /error|invalid|corrupt/i.test(line));
    const message = (error as Error).message ?? String(error);
    return new AppError('invalid_input', `${basename(path)} could not be loaded: ${message}${detail ? ` (${detail})` : ''}`);
  }
}
