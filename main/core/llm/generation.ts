import {
  LlamaChat,
  LlamaCompletion,
  type ChatHistoryItem,
  type ChatWrapper,
  type LlamaContextSequence,
  type LlamaGrammar,
  type Token,
} from 'node-llama-cpp';
import type { ChatMessage, StopReason } from '../../../preload/api';
import { ContinuationSpacing } from './continuation-spacing';
import { DEFAULT_MAX_TOKENS, type ChatTurnInput, type EngineGenerateInput, type EngineGeneration } from './protocol';

const STOP_REASONS: Record<string, StopReason> = {
  eogToken: 'eos',
  stopGenerationTrigger: 'eos',
  functionCalls: 'eos',
  customStopTrigger: 'stop',
  maxTokens: 'maxTokens',
  abort: 'cancelled',
};

/** node-llama-cpp's stop reason in the contract's words. */
export function toStopReason(reason: string): StopReason {
  return STOP_REASONS[reason] ?? 'eos';
}

/** The contract's messages as node-llama-cpp's chat history items. */
export function toHistoryItems(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  return messages.map((m) => (m.role === 'assistant' ? { type: 'model', response: [m.content] } : { type: m.role, text: m.content }));
}

/** The contract's messages as node-llama-cpp's chat history, ending in the model turn to write. */
export function toChatHistory(input: Pick<EngineGenerateInput, 'prompt' | 'messages' | 'system'>): ChatHistoryItem[] {
  const history = toHistoryItems([
    ...(input.system !== undefined ? [{ role: 'system' as const, content: input.system }] : []),
    ...(input.messages ?? [{ role: 'user' as const, content: input.prompt ?? '' }]),
  ]);
  // A trailing assistant message is a prefix the model continues; otherwise it starts a new turn.
  if (history.at(-1)?.type !== 'model') history.push({ type: 'model', response: [] });
  return history;
}

export interface GenerationHooks {
  signal: AbortSignal;
  onChunk(text: string): void;
}

/** The sampling and streaming options every node-llama-cpp generation call takes, from the contract's fields. */
export function generationOptions(
  input: Omit<ChatTurnInput, 'chatId' | 'text' | 'history'>,
  hooks: GenerationHooks,
  onTokens: (generated: readonly Token[]) => void,
) {
  return {
    maxTokens: input.maxTokens ?? DEFAULT_MAX_TOKENS,
    temperature: input.temperature,
    topP: input.topP,
    topK: input.topK,
    minP: input.minP,
    seed: input.seed,
    repeatPenalty: input.repeatPenalty === undefined ? undefined : { penalty: input.repeatPenalty },
    customStopTriggers: input.stop,
    signal: hooks.signal,
    stopOnAbortSignal: true,
    onTextChunk: hooks.onChunk,
    onToken: onTokens,
  };
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
  const options = { ...generationOptions(input, hooks, (generated) => (tokens += generated.length)), grammar };
  try {
    if (input.raw) {
      const prompt = input.prompt ?? '';
      const spacing = new ContinuationSpacing(sequence.model, prompt);
      const completion = new LlamaCompletion({ contextSequence: sequence });
      try {
        const result = await completion.generateCompletionWithMeta(prompt, {
          ...options,
          onToken: (generated: Token[]) => {
            spacing.tokens(generated);
            options.onToken(generated);
          },
          onTextChunk: (text: string) => hooks.onChunk(spacing.chunk(text)),
        });
        return { text: spacing.answer(result.response), tokens, stopReason: toStopReason(result.metadata.stopReason) };
      } finally {
        completion.dispose({ disposeSequence: false });
      }
    }
    const chat = new LlamaChat({ contextSequence: sequence, chatWrapper });
    try {
      const result = await chat.generateResponse(toChatHistory(input), options);
      return { text: result.response, tokens, stopReason: toStopReason(result.metadata.stopReason) };
    } finally {
      chat.dispose({ disposeSequence: false });
    }
  } catch (error) {
    // Cancelled before the first token (while the prompt was evaluated): nothing to keep.
    if (hooks.signal.aborted) return { text: '', tokens: 0, stopReason: 'cancelled' };
    throw error;
  }
}
