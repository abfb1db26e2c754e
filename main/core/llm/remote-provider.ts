import type { ChatMessage, RenderedPrompt } from '../../../preload/api';
import { AppError } from '../app-error';
import type { GenerationHooks } from './generation';
import { DEFAULT_MAX_TOKENS, type EngineGenerateInput, type EngineGeneration } from './protocol';
import type { ChatTurnRequest, LlmProvider, ProviderChat, ProviderTurn } from './provider';
import { exceedsContext, httpError, refusesJsonSchema, unreachableError } from './remote-errors';
import { sseData } from './sse';

export interface RemoteServer {
  /** The base URL OpenAI's SDKs would use, usually ending in /v1. */
  baseUrl: string;
  apiKey?: string;
  model: string;
}

export interface RemoteTimeouts {
  /** Until the server answers. Ollama loads a model on its first request, which can take a minute or more. */
  responseTimeoutMs?: number;
  /** The longest silence allowed between two streamed chunks. */
  idleTimeoutMs?: number;
}

const DEFAULT_RESPONSE_TIMEOUT_MS = 180_000;
const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

interface Usage {
  prompt_tokens?: number;
  completion_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number };
}

interface StreamEvent {
  choices?: { delta?: { content?: string | null }; message?: { content?: string | null }; text?: string; finish_reason?: string | null }[];
  usage?: Usage | null;
  error?: { message?: string } | string;
}

interface RemoteResult {
  generation: EngineGeneration;
  usage: Usage | null;
}

/**
 * An OpenAI-compatible server (Ollama, LM Studio, llama-server, vLLM or a hosted API)
 * behind the provider interface: chat completions streamed as server-sent events, raw
 * continuations through /completions. JSON asks for `response_format: json_schema` and,
 * on a server that refuses it, asks in the prompt instead; the service validates either
 * way. The server keeps no chat state, so each chat turn sends the whole conversation.
 */
export class RemoteProvider implements LlmProvider {
  readonly kind = 'remote';
  /** Until the server refuses it once. */
  private jsonSchemaSupported = true;

  constructor(
    private readonly server: RemoteServer,
    private readonly timeouts: RemoteTimeouts = {},
  ) {}

  async generate(input: EngineGenerateInput, hooks: GenerationHooks): Promise<EngineGeneration> {
    return (await this.complete(input, hooks)).generation;
  }

  async startChat(): Promise<{ contextSize: null }> {
    return { contextSize: null };
  }

  /** When the conversation outgrows the server's context, the oldest exchanges are left out of the request (the chat keeps them). */
  async sendChat(chat: ProviderChat, turn: ChatTurnRequest, hooks: GenerationHooks): Promise<ProviderTurn> {
    // The service has already put a replaced history into the chat's messages.
    const { text, history: _history, ...sampling } = turn;
    const head = chat.messages[0]?.role === 'system' ? chat.messages.slice(0, 1) : [];
    let rest: ChatMessage[] = [...chat.messages.slice(head.length), { role: 'user', content: text }];
    for (;;) {
      try {
        const { generation, usage } = await this.complete({ ...sampling, messages: [...head, ...rest] }, hooks);
        const promptTokens = usage?.prompt_tokens;
        return {
          ...generation,
          committed: generation.stopReason !== 'cancelled' || generation.text !== '',
          promptMs: null,
          evaluatedTokens: promptTokens === undefined ? null : promptTokens - (usage?.prompt_tokens_details?.cached_tokens ?? 0),
          contextTokens: promptTokens === undefined ? null : promptTokens + (usage?.completion_tokens ?? 0),
        };
      } catch (error) {
        const reply = rest.findIndex((message) => message.role === 'assistant');
        if (!exceedsContext(error) || reply < 0) throw error;
        rest = rest.slice(reply + 1);
      }
    }
  }

  /** The server applies its own template and does not say how; the inspector shows the messages as sent. */
  async renderPrompt(messages: ChatMessage[]): Promise<RenderedPrompt> {
    return { text: messages.map((m) => `[${m.role}]\n${m.content}`).join('\n\n'), tokens: null };
  }

  async countTokens(): Promise<null> {
    return null;
  }

  async resetChat(): Promise<void> {}

  async endChat(): Promise<void> {}

  private async complete(input: EngineGenerateInput, hooks: GenerationHooks): Promise<RemoteResult> {
    if (input.raw) return this.stream('/completions', { prompt: input.prompt ?? '', ...this.sampling(input) }, hooks);
    const messages = [
      ...(input.system !== undefined ? [{ role: 'system' as const, content: input.system }] : []),
      ...(input.messages ?? [{ role: 'user' as const, content: input.prompt ?? '' }]),
    ];
    const body = { messages, ...this.sampling(input) };
    if (!input.jsonSchema) return this.stream('/chat/completions', body, hooks);
    if (this.jsonSchemaSupported) {
      try {
        const responseFormat = { type: 'json_schema', json_schema: { name: 'answer', schema: input.jsonSchema, strict: false } };
        return await this.stream('/chat/completions', { ...body, response_format: responseFormat }, hooks);
      } catch (error) {
        if (!refusesJsonSchema(error)) throw error;
        this.jsonSchemaSupported = false;
      }
    }
    return this.stream('/chat/completions', { ...body, messages: withJsonInstruction(messages, input.jsonSchema) }, hooks);
  }

  /**
   * Sampling in OpenAI's names. Greedy unless asked otherwise, as on the local engine;
   * the llama.cpp-only options go only when set, since hosted APIs refuse unknown ones.
   */
  private sampling(input: EngineGenerateInput) {
    return {
      model: this.server.model,
      max_tokens: input.maxTokens ?? DEFAULT_MAX_TOKENS,
      temperature: input.temperature ?? 0,
      ...(input.topP !== undefined && { top_p: input.topP }),
      ...(input.topK !== undefined && { top_k: input.topK }),
      ...(input.minP !== undefined && { min_p: input.minP }),
      ...(input.repeatPenalty !== undefined && { repeat_penalty: input.repeatPenalty }),
      ...(input.seed !== undefined && { seed: input.seed }),
      ...(input.stop !== undefined && { stop: input.stop }),
    };
  }

  /** One streamed request. Cancelling keeps what arrived; a timeout, a refusal or a dead server is an error. */
  private async stream(path: string, body: object, hooks: GenerationHooks): Promise<RemoteResult> {
    let text = '';
    let chunks = 0;
    if (hooks.signal.aborted) return cancelledWith(text, chunks);
    const controller = new AbortController();
    const cancel = () => controller.abort();
    hooks.signal.addEventListener('abort', cancel, { once: true });
    let timeout: string | null = null;
    let timer: NodeJS.Timeout | undefined;
    const arm = (ms: number, what: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timeout = `${what} ${Math.round(ms / 1000)} s`;
        controller.abort();
      }, ms);
    };
    arm(this.timeouts.responseTimeoutMs ?? DEFAULT_RESPONSE_TIMEOUT_MS, 'did not answer within');
    const idleMs = this.timeouts.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    try {
      const response = await fetch(`${this.server.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(this.server.apiKey && { authorization: `Bearer ${this.server.apiKey}` }),
        },
        body: JSON.stringify({ ...body, stream: true, stream_options: { include_usage: true } }),
        signal: controller.signal,
      });
      if (!response.ok) throw await httpError(response, this.server);
      if (!response.body) throw new AppError('internal', `The model server at ${this.server.baseUrl} sent an empty answer.`);
      let finish: string | null = null;
      let usage: Usage | null = null;
      arm(idleMs, 'stopped sending for');
      // A server that ignores `stream` answers with one JSON completion: it arrives as a single chunk.
      const answers = response.headers.get('content-type')?.includes('application/json') ? [await response.text()] : sseData(response.body);
      for await (const data of answers) {
        arm(idleMs, 'stopped sending for');
        const event = parseEvent(data, this.server.baseUrl);
        const choice = event.choices?.[0];
        const piece = choice?.delta?.content ?? choice?.message?.content ?? choice?.text ?? '';
        if (piece) {
          text += piece;
          chunks += 1;
          hooks.onChunk(piece);
        }
        finish = choice?.finish_reason ?? finish;
        usage = event.usage ?? usage;
      }
      return {
        generation: { text, tokens: usage?.completion_tokens ?? chunks, stopReason: finish === 'length' ? 'maxTokens' : 'eos' },
        usage,
      };
    } catch (error) {
      if (hooks.signal.aborted) return cancelledWith(text, chunks);
      if (timeout) throw new AppError('internal', `The model server at ${this.server.baseUrl} ${timeout}.`);
      if (error instanceof AppError) throw error;
      throw unreachableError(error, this.server.baseUrl);
    } finally {
      clearTimeout(timer);
      hooks.signal.removeEventListener('abort', cancel);
    }
  }
}

function cancelledWith(text: string, chunks: number): RemoteResult {
  return { generation: { text, tokens: chunks, stopReason: 'cancelled' }, usage: null };
}

function parseEvent(data: string, baseUrl: string): StreamEvent {
  let event: StreamEvent;
  try {
    event = JSON.parse(data) as StreamEvent;
  } catch {
    throw new AppError('internal', `The model server at ${baseUrl} streamed something that is not JSON: ${data.slice(0, 200)}`);
  }
  if (event.error) {
    const message = typeof event.error === 'string' ? event.error : (event.error.message ?? 'unknown error');
    throw new AppError('internal', `The model server at ${baseUrl} failed while streaming: ${message}`);
  }
  return event;
}

/** For a server without `response_format: json_schema`: the schema goes into the system prompt. */
function withJsonInstruction(messages: ChatMessage[], schema: Record<string, unknown>): ChatMessage[] {
  const instruction = `Answer with JSON only: no prose, no code fences. The JSON must match this JSON schema:\n${JSON.stringify(schema)}`;
  if (messages[0]?.role !== 'system') return [{ role: 'system', content: instruction }, ...messages];
  return [{ role: 'system', content: `${messages[0].content}\n\n${instruction}` }, ...messages.slice(1)];
}
