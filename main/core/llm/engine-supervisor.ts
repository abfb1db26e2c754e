import { AppError } from '../app-error';
import type { EngineExit, EngineTransport, TransportFactory } from './engine-transport';
import { EngineMessage, operations, type OpInput, type OpName, type OpOutput } from './protocol';

export type EngineState = 'stopped' | 'starting' | 'running';
export type SupervisorChange = 'starting' | 'started' | 'crashed' | 'stopped';

export interface SupervisorOptions {
  transport: TransportFactory;
  onChange(change: SupervisorChange, reason: string | null): void;
  /** Loading the native backend takes about a second; a GPU driver probe can take longer. */
  startTimeoutMs?: number;
}

interface Pending {
  op: OpName;
  resolve(value: unknown): void;
  reject(error: Error): void;
  onChunk?(text: string): void;
}

interface Worker {
  transport: EngineTransport;
  pending: Map<number, Pending>;
  ready: Promise<void>;
  isReady: boolean;
  stopped: boolean;
  settleReady(error?: Error): void;
}

const DEFAULT_START_TIMEOUT_MS = 60_000;

/**
 * Owns the engine process: starts it on first use, matches replies and streamed chunks
 * to calls, and when the process dies unasked, fails the calls in flight with a clear
 * error, reports the crash and starts a fresh process.
 */
export class EngineSupervisor {
  private worker: Worker | null = null;
  private nextId = 1;
  lastCrash: { reason: string; at: string } | null = null;

  constructor(private readonly options: SupervisorOptions) {}

  get state(): EngineState {
    if (!this.worker) return 'stopped';
    return this.worker.isReady ? 'running' : 'starting';
  }

  async call<O extends OpName>(
    op: O,
    input: OpInput<O>,
    hooks: { onChunk?: (text: string) => void; signal?: AbortSignal } = {},
  ): Promise<OpOutput<O>> {
    const worker = await this.started();
    const id = this.nextId++;
    const result = new Promise<OpOutput<O>>((resolve, reject) => {
      worker.pending.set(id, { op, resolve: resolve as (value: unknown) => void, reject, onChunk: hooks.onChunk });
      worker.transport.send({ id, op, input });
    });
    const { signal } = hooks;
    if (signal) {
      const cancel = () => void this.call('cancel', { target: id }).catch(() => {});
      if (signal.aborted) cancel();
      else signal.addEventListener('abort', cancel, { once: true });
      void result.finally(() => signal.removeEventListener('abort', cancel)).catch(() => {});
    }
    return result;
  }

  /** Ends the engine process; calls in flight fail, the next call starts a new one. */
  stop(): void {
    const worker = this.worker;
    if (!worker) return;
    worker.stopped = true;
    this.worker = null;
    worker.transport.kill();
  }

  private async started(): Promise<Worker> {
    const worker = this.worker ?? this.start();
    await worker.ready;
    return worker;
  }

  private start(): Worker {
    const transport = this.options.transport();
    const timeoutMs = this.options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    let settleReady!: (error?: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        settleReady(new AppError('internal', `The model engine did not start within ${Math.round(timeoutMs / 1000)} s.`));
        if (this.worker === worker) this.stop();
      }, timeoutMs);
      settleReady = (error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
    });
    // Callers see a failed start through `ready`; this keeps a start nobody awaits from being reported as unhandled.
    ready.catch(() => {});
    const worker: Worker = { transport, pending: new Map(), ready, isReady: false, stopped: false, settleReady };
    this.worker = worker;
    transport.onMessage((message) => this.receive(worker, message));
    transport.onExit((exit) => this.exited(worker, exit));
    this.options.onChange('starting', null);
    return worker;
  }

  private receive(worker: Worker, raw: unknown): void {
    const parsed = EngineMessage.safeParse(raw);
    if (!parsed.success) {
      console.error('[loreweaver] the model engine sent a malformed message:', parsed.error.message);
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        worker.isReady = true;
        worker.settleReady();
        this.options.onChange('started', null);
        return;
      case 'fatal':
        worker.settleReady(new AppError('internal', message.message));
        return;
      case 'chunk':
        worker.pending.get(message.id)?.onChunk?.(message.text);
        return;
      case 'result': {
        const pending = this.take(worker, message.id);
        if (!pending) return;
        const value = operations[pending.op].output.safeParse(message.value);
        if (value.success) pending.resolve(value.data);
        else pending.reject(new AppError('internal', `The model engine answered ${pending.op} with a malformed result: ${value.error.message}`));
        return;
      }
      case 'error':
        this.take(worker, message.id)?.reject(new AppError(message.code, message.message));
    }
  }

  private take(worker: Worker, id: number): Pending | undefined {
    const pending = worker.pending.get(id);
    worker.pending.delete(id);
    return pending;
  }

  private exited(worker: Worker, exit: EngineExit): void {
    if (this.worker === worker) this.worker = null;
    const failures = [...worker.pending.values()];
    worker.pending.clear();
    if (worker.stopped) {
      const stopped = new AppError('internal', 'The model engine was stopped.');
      worker.settleReady(stopped);
      for (const pending of failures) pending.reject(stopped);
      this.options.onChange('stopped', null);
      return;
    }
    const reason = describeExit(exit);
    this.lastCrash = { reason, at: new Date().toISOString() };
    worker.settleReady(new AppError('internal', `The model engine could not start: ${reason}`));
    const crashed = new AppError(
      'internal',
      `The model engine crashed (${reason}) and was restarted without a model. Load the model again to continue.`,
    );
    for (const pending of failures) pending.reject(crashed);
    this.options.onChange('crashed', reason);
    // Restart only an engine that had come up: one that cannot start would crash again at once.
    if (worker.isReady && !this.worker) void this.started().catch(() => {});
  }
}

/** A crash reason a person can act on: how the process ended and the native message that explains it. */
export function describeExit(exit: EngineExit): string {
  const how = exit.signal ? `ended by ${exit.signal}` : `exited with code ${exit.code}`;
  const lines = exit.output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const telling = lines.findLast((line) => /GGML_ASSERT|error|abort|terminate|fault/i.test(line)) ?? lines.at(-1);
  return telling ? `${how}: ${telling.slice(0, 400)}` : how;
}
