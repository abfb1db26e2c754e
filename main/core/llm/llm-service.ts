import { randomUUID } from 'node:crypto';
import type {
  ChatInfo,
  ChatMessage,
  ChatSendInput,
  ChatSendOutput,
  ContextSize,
  GenerateInput,
  GenerateJsonInput,
  GenerateJsonOutput,
  GenerateOutput,
  GpuLayers,
  LlmStateChange,
  LlmStatus,
  LoadedModel,
  ProviderInfo,
  RenderedPrompt,
} from '../../../preload/api';
import { AppError } from '../app-error';
import type { EventBus } from '../event-bus';
import type { ProviderSetting } from '../workspace/settings';
import { ChatStore } from './chat-store';
import { EngineSupervisor, type SupervisorChange } from './engine-supervisor';
import { forkTransport, type TransportFactory } from './engine-transport';
import { jsonChecker, repairRequest, type JsonCheck } from './json-output';
import { LocalProvider } from './local-provider';
import type { EngineGenerateInput, EngineGeneration } from './protocol';
import type { LlmProvider } from './provider';
import { toProviderInfo } from './provider-setting';
import { RemoteProvider, type RemoteTimeouts } from './remote-provider';
import { RequestQueue } from './request-queue';
import { defaultThreads } from './threads';

export interface LlmServiceOptions {
  /** Threads for a model loaded without its own setting; defaults to every core but one. */
  threads?: number;
  /** How the engine process is started; a forked Node process unless the host provides another. */
  transport?: TransportFactory;
  startTimeoutMs?: number;
  /** How long a remote provider may take to answer and may pause while streaming. */
  remoteTimeouts?: RemoteTimeouts;
}

export interface LoadOptions {
  gpuLayers?: GpuLayers;
  contextSize?: ContextSize;
  threads?: number;
}

export interface ChatStartOptions {
  system?: string;
  messages?: ChatMessage[];
  contextSize?: number;
}

type Generation = Omit<GenerateOutput, 'requestId'>;
type Timings = GenerateOutput['timings'];

const cancelled = (): Generation => ({
  text: '',
  tokens: 0,
  stopReason: 'cancelled',
  timings: { firstTokenMs: null, tokensPerSecond: 0, totalMs: 0 },
});

/**
 * The studio's model: the local engine process or a remote server, behind one fair
 * queue. Generations and chat turns are keyed by request id, stream `llm:chunk` events
 * and can be cancelled while they wait or while they run; engine lifecycle changes go
 * out as `llm:state` events. Chats live on the provider that started them and end, with
 * a reason their callers see, when it loses them (model unloaded, engine restarted,
 * provider changed).
 */
export class LlmService {
  readonly threads: number;
  private readonly supervisor: EngineSupervisor;
  private readonly local: LocalProvider;
  private readonly remoteTimeouts: RemoteTimeouts | undefined;
  private provider: LlmProvider;
  private providerSetting: ProviderSetting = { kind: 'local' };
  private readonly queue = new RequestQueue();
  private readonly requests = new Map<string, AbortController>();
  private readonly chats = new ChatStore();
  private model: LoadedModel | null = null;
  private lastTokensPerSecond: number | null = null;

  constructor(
    private readonly events: EventBus,
    options: LlmServiceOptions = {},
  ) {
    this.threads = options.threads ?? defaultThreads();
    this.remoteTimeouts = options.remoteTimeouts;
    this.supervisor = new EngineSupervisor({
      transport: options.transport ?? (() => forkTransport()),
      startTimeoutMs: options.startTimeoutMs,
      onChange: (change, reason) => this.supervisorChanged(change, reason),
    });
    this.local = new LocalProvider(this.supervisor);
    this.provider = this.local;
  }

  /** Path of the loaded model, if any. */
  /** The loaded local model's context size; null on a remote provider, which does not say. */
  get loadedContextSize(): number | null {
    return this.provider.kind === 'local' ? (this.model?.contextSize ?? null) : null;
  }

  get loadedPath(): string | null {
    return this.model?.path ?? null;
  }

  get providerInfo(): ProviderInfo {
    return toProviderInfo(this.providerSetting);
  }

  /**
   * Serves what comes next from another provider. The open chats end: their context
   * lives with the provider they started on. Requests already queued run on the new one.
   */
  setProvider(setting: ProviderSetting): ProviderInfo {
    this.providerSetting = setting;
    this.provider = setting.kind === 'local' ? this.local : new RemoteProvider(setting, this.remoteTimeouts);
    const reason = 'the model provider changed';
    this.chats.endAll(reason, 'remote');
    for (const chatId of this.chats.endAll(reason, 'local')) this.freeLocalChat(chatId);
    return this.providerInfo;
  }

  /**
   * The engine and what serves generations. With a remote provider the local engine is
   * only asked when it already runs: starting it (seconds, and memory) just to report
   * that no model is loaded would cost the creator for nothing.
   */
  async status(): Promise<LlmStatus> {
    const idle = this.provider.kind === 'remote' && this.supervisor.state !== 'running';
    const info = idle ? null : await this.supervisor.call('info', {});
    return {
      engine: this.supervisor.state,
      backend: info?.backend ?? null,
      gpuDevices: info?.gpuDevices ?? [],
      vram: info?.vram ?? null,
      ram: info?.ram ?? null,
      threads: this.threads,
      model: info?.model ?? null,
      queued: this.queue.length,
      lastTokensPerSecond: this.lastTokensPerSecond,
      lastCrash: this.supervisor.lastCrash,
      provider: this.providerInfo,
    };
  }

  /** Loads a model file (replacing the loaded one) once the requests ahead of it are done. */
  load(path: string, options: LoadOptions = {}): Promise<LoadedModel> {
    return this.queue.run(async () => {
      this.stateChanged('loading', null);
      try {
        this.model = await this.supervisor.call('load', {
          path,
          gpuLayers: options.gpuLayers ?? 'auto',
          contextSize: options.contextSize ?? 'auto',
          threads: options.threads ?? this.threads,
        });
      } catch (error) {
        // A file refused before loading leaves the previous model in place, a failure while loading does not,
        // and a crash has already cleared it (the engine is restarting; asking it would only delay the error).
        if (this.supervisor.state === 'running') this.model = (await this.supervisor.call('info', {}).catch(() => null))?.model ?? null;
        if (!this.model) this.chats.endAll('its model was unloaded', 'local');
        this.stateChanged(this.model ? 'loaded' : 'unloaded', (error as Error).message);
        throw error;
      }
      this.chats.endAll('another model was loaded', 'local');
      this.stateChanged('loaded', null);
      return this.model;
    });
  }

  unload(): Promise<{ unloaded: boolean }> {
    return this.queue.run(async () => {
      const result = await this.supervisor.call('unload', {});
      this.model = null;
      this.chats.endAll('its model was unloaded', 'local');
      this.stateChanged('unloaded', null);
      return result;
    });
  }

  generate(input: GenerateInput): Promise<GenerateOutput> {
    const { requestId: _requestId, ...engineInput } = input;
    return this.track(input.requestId, (requestId, signal) =>
      this.queue.run(() => this.runGeneration(requestId, engineInput, signal), signal, cancelled),
    );
  }

  /**
   * JSON constrained by the schema (a grammar on the local engine, `response_format` or
   * the prompt on a remote server), validated against it, with one repair attempt if
   * the first answer fails. Both attempts stream under the same request id.
   */
  async generateJson(input: GenerateJsonInput): Promise<GenerateJsonOutput> {
    const check = jsonChecker(input.schema);
    const { requestId: _requestId, schema, ...rest } = input;
    const request: EngineGenerateInput = { ...rest, jsonSchema: schema };
    return this.track(input.requestId, (requestId, signal) =>
      this.queue.run(
        () => this.runJson(requestId, request, check, signal),
        signal,
        () => ({ ...cancelled(), value: null, attempts: 1 }),
      ),
    );
  }

  /** Cancels a generation or chat turn that is queued or running; it resolves with what it generated so far. */
  cancel(requestId: string): { cancelled: boolean } {
    const controller = this.requests.get(requestId);
    controller?.abort();
    return { cancelled: Boolean(controller) };
  }

  /** Starts a chat on the active provider; on the local engine it gets a context of its own (the loaded model's size unless given). */
  chatStart(options: ChatStartOptions): Promise<ChatInfo> {
    return this.queue.run(async () => {
      const provider = this.provider;
      const chat = this.chats.add({
        chatId: randomUUID(),
        provider: provider.kind,
        system: options.system ?? null,
        initial: options.messages ?? [],
      });
      try {
        chat.contextSize = (await provider.startChat(chat, options.contextSize)).contextSize;
      } catch (error) {
        this.chats.remove(chat.chatId);
        throw error;
      }
      return this.chats.info(chat.chatId);
    });
  }

  /** One turn: the user's text in, the reply streamed out; the turn joins the history unless it was cancelled before any reply. */
  async chatSend(input: ChatSendInput): Promise<ChatSendOutput> {
    const { requestId: _requestId, chatId, ...turn } = input;
    const chat = this.chats.open(chatId);
    const whenCancelled = () => ({ ...cancelled(), chatId, evaluatedTokens: null, contextTokens: null, promptMs: null });
    return this.track(input.requestId, async (requestId, signal) => {
      chat.requests.add(requestId);
      try {
        return await this.queue.run(
          async () => {
            // The chat may have ended while the turn waited.
            const open = this.chats.open(chatId);
            if (turn.history) this.chats.replaceMessages(chatId, turn.history);
            const provider = this.provider;
            const { committed, ...result } = await this.timed(requestId, (onChunk) => provider.sendChat(open, turn, { signal, onChunk }));
            if (committed) this.chats.addTurn(chatId, turn.text, result.text);
            return { ...result, chatId };
          },
          signal,
          whenCancelled,
        );
      } finally {
        chat.requests.delete(requestId);
      }
    });
  }

  /** The messages as the active provider's model would read them, with their token count, without generating. */
  renderPrompt(messages: ChatMessage[]): Promise<RenderedPrompt> {
    return this.queue.run(() => this.provider.renderPrompt(messages));
  }

  /** Each text's length in the active model's tokens; null when the provider cannot say or no model is loaded. */
  countTokens(texts: string[]): Promise<number[] | null> {
    if (this.provider.kind === 'local' && !this.model) return Promise.resolve(null);
    return this.queue.run(() => this.provider.countTokens(texts));
  }

  chatHistory(chatId: string): ChatInfo {
    return this.chats.info(chatId);
  }

  /** Takes a chat back to how it started, after the turns ahead of it in the queue. */
  async chatReset(chatId: string): Promise<ChatInfo> {
    this.chats.open(chatId);
    return this.queue.run(async () => {
      this.chats.open(chatId);
      await this.provider.resetChat(chatId);
      this.chats.reset(chatId);
      return this.chats.info(chatId);
    });
  }

  /** Ends a chat at once: its queued and running turns are cancelled, and the engine frees its context when its turn in the queue comes. */
  chatEnd(chatId: string): { ended: boolean } {
    const chat = this.chats.remove(chatId);
    if (!chat) return { ended: false };
    for (const requestId of chat.requests) this.cancel(requestId);
    if (!chat.ended && chat.provider === 'local') this.freeLocalChat(chatId);
    return { ended: true };
  }

  /** Ends the engine process and with it the loaded model. */
  close(): void {
    this.supervisor.stop();
  }

  /** Frees a chat's context in the engine; an engine that stopped meanwhile has freed it already, and is not started again for it. */
  private freeLocalChat(chatId: string): void {
    if (this.supervisor.state === 'stopped') return;
    void this.queue.run(async () => (this.supervisor.state === 'stopped' ? undefined : this.local.endChat(chatId))).catch(() => {});
  }

  private async track<T>(
    requestId: string | undefined,
    run: (requestId: string, signal: AbortSignal) => Promise<Omit<T, 'requestId'>>,
  ): Promise<T> {
    const id = requestId ?? randomUUID();
    if (this.requests.has(id)) throw new AppError('conflict', `A generation with request id "${id}" is already running.`);
    const controller = new AbortController();
    this.requests.set(id, controller);
    try {
      return { requestId: id, ...(await run(id, controller.signal)) } as T;
    } finally {
      this.requests.delete(id);
    }
  }

  private async runJson(
    requestId: string,
    request: EngineGenerateInput,
    check: (text: string) => JsonCheck,
    signal: AbortSignal,
  ): Promise<Omit<GenerateJsonOutput, 'requestId'>> {
    const first = await this.runGeneration(requestId, request, signal);
    if (first.stopReason === 'cancelled') return { ...first, value: null, attempts: 1 };
    const verdict = check(first.text);
    if (verdict.ok) return { ...first, value: verdict.value, attempts: 1 };

    const retry = await this.runGeneration(requestId, repairRequest(request, first.text, verdict.problem), signal);
    const both = {
      ...retry,
      tokens: first.tokens + retry.tokens,
      timings: { ...retry.timings, firstTokenMs: first.timings.firstTokenMs, totalMs: first.timings.totalMs + retry.timings.totalMs },
    };
    if (retry.stopReason === 'cancelled') return { ...both, value: null, attempts: 2 };
    const second = check(retry.text);
    if (!second.ok) throw new AppError('internal', `The model did not produce valid JSON after a repair attempt: ${second.problem}`);
    return { ...both, value: second.value, attempts: 2 };
  }

  private runGeneration(requestId: string, input: EngineGenerateInput, signal: AbortSignal): Promise<Generation> {
    const provider = this.provider;
    return this.timed(requestId, (onChunk) => provider.generate(input, { signal, onChunk }));
  }

  /** Runs one streaming call: its chunks go out as `llm:chunk` events under the request id, and it is timed from the studio's side. */
  private async timed<T extends EngineGeneration>(
    requestId: string,
    run: (onChunk: (text: string) => void) => Promise<T>,
  ): Promise<T & { timings: Timings }> {
    const started = performance.now();
    let firstAt: number | null = null;
    const result = await run((text) => {
      firstAt ??= performance.now();
      this.events.emit('llm:chunk', { requestId, text });
    });
    const ended = performance.now();
    const decodeSeconds = firstAt === null ? 0 : (ended - firstAt) / 1000;
    const tokensPerSecond = result.tokens > 1 && decodeSeconds > 0 ? (result.tokens - 1) / decodeSeconds : 0;
    if (tokensPerSecond > 0) this.lastTokensPerSecond = tokensPerSecond;
    return {
      ...result,
      timings: { firstTokenMs: firstAt === null ? null : firstAt - started, tokensPerSecond, totalMs: ended - started },
    };
  }

  private supervisorChanged(change: SupervisorChange, reason: string | null): void {
    if (change === 'crashed' || change === 'stopped') {
      this.model = null;
      this.chats.endAll(change === 'crashed' ? 'the model engine crashed and was restarted' : 'the model engine stopped', 'local');
    }
    this.stateChanged(change, reason);
  }

  private stateChanged(change: LlmStateChange['change'], reason: string | null): void {
    this.events.emit('llm:state', { change, model: this.model, crashed: change === 'crashed', reason });
  }
}
