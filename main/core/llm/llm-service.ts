import { randomUUID } from 'node:crypto';
import type {
  ContextSize,
  GenerateInput,
  GenerateJsonInput,
  GenerateJsonOutput,
  GenerateOutput,
  GpuLayers,
  LlmStateChange,
  LlmStatus,
  LoadedModel,
} from '../../../preload/api';
import { AppError } from '../app-error';
import type { EventBus } from '../event-bus';
import { EngineSupervisor, type SupervisorChange } from './engine-supervisor';
import { forkTransport, type TransportFactory } from './engine-transport';
import { jsonChecker, repairRequest, type JsonCheck } from './json-output';
import type { EngineGenerateInput } from './protocol';
import { RequestQueue } from './request-queue';
import { defaultThreads } from './threads';

export interface LlmServiceOptions {
  /** Threads for a model loaded without its own setting; defaults to every core but one. */
  threads?: number;
  /** How the engine process is started; a forked Node process unless the host provides another. */
  transport?: TransportFactory;
  startTimeoutMs?: number;
}

export interface LoadOptions {
  gpuLayers?: GpuLayers;
  contextSize?: ContextSize;
  threads?: number;
}

type Generation = Omit<GenerateOutput, 'requestId'>;

const cancelled = (): Generation => ({
  text: '',
  tokens: 0,
  stopReason: 'cancelled',
  timings: { firstTokenMs: null, tokensPerSecond: 0, totalMs: 0 },
});

/**
 * The studio's local model: one engine process behind a fair queue. Generations are
 * keyed by request id, stream `llm:chunk` events and can be cancelled while they wait
 * or while they run; engine lifecycle changes go out as `llm:state` events.
 */
export class LlmService {
  readonly threads: number;
  private readonly supervisor: EngineSupervisor;
  private readonly queue = new RequestQueue();
  private readonly requests = new Map<string, AbortController>();
  private model: LoadedModel | null = null;
  private lastTokensPerSecond: number | null = null;

  constructor(
    private readonly events: EventBus,
    options: LlmServiceOptions = {},
  ) {
    this.threads = options.threads ?? defaultThreads();
    this.supervisor = new EngineSupervisor({
      transport: options.transport ?? (() => forkTransport()),
      startTimeoutMs: options.startTimeoutMs,
      onChange: (change, reason) => this.supervisorChanged(change, reason),
    });
  }

  /** Path of the loaded model, if any. */
  get loadedPath(): string | null {
    return this.model?.path ?? null;
  }

  /** Starts the engine if it is not running: the backend and memory are only known from inside it. */
  async status(): Promise<LlmStatus> {
    const info = await this.supervisor.call('info', {});
    return {
      engine: this.supervisor.state,
      backend: info.backend,
      gpuDevices: info.gpuDevices,
      vram: info.vram,
      ram: info.ram,
      threads: this.threads,
      model: info.model,
      queued: this.queue.length,
      lastTokensPerSecond: this.lastTokensPerSecond,
      lastCrash: this.supervisor.lastCrash,
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
        this.stateChanged(this.model ? 'loaded' : 'unloaded', (error as Error).message);
        throw error;
      }
      this.stateChanged('loaded', null);
      return this.model;
    });
  }

  unload(): Promise<{ unloaded: boolean }> {
    return this.queue.run(async () => {
      const result = await this.supervisor.call('unload', {});
      this.model = null;
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
   * Grammar-constrained JSON, validated against the schema, with one repair attempt if
   * the first answer fails. Both attempts stream under the same request id.
   */
  async generateJson(input: GenerateJsonInput): Promise<GenerateJsonOutput> {
    const check = jsonChecker(input.schema);
    const { requestId: _requestId, schema, ...rest } = input;
    const request: EngineGenerateInput = { ...rest, jsonSchema: schema };
    return this.track(input.requestId, (requestId, signal) =>
      this.queue.run(() => this.runJson(requestId, request, check, signal), signal, () => ({ ...cancelled(), value: null, attempts: 1 })),
    );
  }

  /** Cancels a generation that is queued or running; it resolves with what it generated so far. */
  cancel(requestId: string): { cancelled: boolean } {
    const controller = this.requests.get(requestId);
    controller?.abort();
    return { cancelled: Boolean(controller) };
  }

  /** Ends the engine process and with it the loaded model. */
  close(): void {
    this.supervisor.stop();
  }

  private async track<T>(requestId: string | undefined, run: (requestId: string, signal: AbortSignal) => Promise<Omit<T, 'requestId'>>): Promise<T> {
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

  private async runGeneration(requestId: string, input: EngineGenerateInput, signal: AbortSignal): Promise<Generation> {
    const started = performance.now();
    let firstAt: number | null = null;
    const result = await this.supervisor.call('generate', input, {
      signal,
      onChunk: (text) => {
        firstAt ??= performance.now();
        this.events.emit('llm:chunk', { requestId, text });
      },
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
    if (change === 'crashed' || change === 'stopped') this.model = null;
    this.stateChanged(change, reason);
  }

  private stateChanged(change: LlmStateChange['change'], reason: string | null): void {
    this.events.emit('llm:state', { change, model: this.model, crashed: change === 'crashed', reason });
  }
}
