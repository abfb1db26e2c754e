import { LlamaChat, LlamaCompletion, type ChatHistoryItem, type ChatWrapper, type LlamaContextSequence, type LlamaGrammar } from 'node-llama-cpp';
import type { ChatMessage, StopReason } from '../../../preload/api';
import type { EngineGenerateInput, EngineGeneration } from './protocol';

/** Without a limit a model that never emits its end token would run until cancelled. */
const DEFAULT_MAX_TOKENS = 1024;

const STOP_REASONS: Record<string, StopReason> = {
  eogToken: 'eos',
  stopGenerationTrigger: 'eos',
  functionCalls: 'eos',
  customStopTrigger: 'stop',
  maxTokens: 'maxTokens',
  abort: 'cancelled',
};

/** The contract's messages as node-llama-cpp's chat history, ending in the model turn to write. */
export function toChatHistory(input: Pick<EngineGenerateInput, 'prompt' | 'messages' | 'system'>): ChatHistoryItem[] {
  const messages: ChatMessage[] = [
    ...(input.system !== undefined ? [{ role: 'system' as const, content: input.system }] : []),
    ...(input.messages ?? [{ role: 'user' as const, content: input.prompt ?? '' }]),
  ];
  const history: ChatHistoryItem[] = messages.map((m) =>
    m.role === 'assistant' ? { type: 'model', response: [m.content] } : { type: m.role, text: m.content },
  );
  // A trailing assistant message is a prefix the model continues; otherwise it starts a new turn.
  if (history.at(-1)?.type !== 'model') history.push({ type: 'model', response: [] });
  return history;
}

export interface GenerationHooks {
  signal: AbortSignal;
  onChunk(text: string): void;
}

/**
 * One generation on the engine's sequence: through the model's chat template, or as a
 * plain continuation when `raw`. Cancelling keeps what was generated so far.
 */
export async function generate(
  sequence: LlamaContextSequence,
  chatWrapper: ChatWrapper,
  input: EngineGenerateInput,
  grammar: LlamaGrammar | undefined,
  hooks: GenerationHooks,
): Promise<EngineGeneration> {
  let tokens = 0;
  const options = {
    maxTokens: input.maxTokens ?? DEFAULT_MAX_TOKENS,
    temperature: input.temperature,
    topP: input.topP,
    topK: input.topK,
    minP: input.minP,
    seed: input.seed,
    repeatPenalty: input.repeatPenalty === undefined ? undefined : { penalty: input.repeatPenalty },
    customStopTriggers: input.stop,
    grammar,
    signal: hooks.signal,
    stopOnAbortSignal: true,
    onTextChunk: hooks.onChunk,
    onToken: (generated: readonly unknown[]) => {
      tokens += generated.length;
    },
  };
  try {
    if (input.raw) {
      const completion = new LlamaCompletion({ contextSequence: sequence });
      try {
        const result = await completion.generateCompletionWithMeta(input.prompt ?? '', options);
        return { text: result.response, tokens, stopReason: STOP_REASONS[result.metadata.stopReason] ?? 'eos' };
      } finally {
        completion.dispose({ disposeSequence: false });
      }
    }
    const chat = new LlamaChat({ contextSequence: sequence, chatWrapper });
    try {
      const result = await chat.generateResponse(toChatHistory(input), options);
      return { text: result.response, tokens, stopReason: STOP_REASONS[result.metadata.stopReason] ?? 'eos' };
    } finally {
      chat.dispose({ disposeSequence: false });
    }
  } catch (error) {
    // Cancelled before the first token (while the prompt was evaluated): nothing to keep.
    if (hooks.signal.aborted) return { text: '', tokens: 0, stopReason: 'cancelled' };
    throw error;
  }
}
