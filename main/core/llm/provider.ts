import type { ChatMessage, ChatSendInput, RenderedPrompt } from '../../../preload/api';
import type { GenerationHooks } from './generation';
import type { EngineGenerateInput, EngineGeneration } from './protocol';

/** A chat as a provider needs it: its id, and its messages so far with the system prompt first. */
export interface ProviderChat {
  chatId: string;
  messages: readonly ChatMessage[];
}

export type ChatTurnRequest = Omit<ChatSendInput, 'chatId' | 'requestId'>;

export interface ProviderTurn extends EngineGeneration {
  /** False when the turn was cancelled before the model wrote anything: it does not join the history. */
  committed: boolean;
  evaluatedTokens: number | null;
  /** Time to the first generated token, when the provider can tell. */
  promptMs: number | null;
  contextTokens: number | null;
}

/**
 * What the studio needs from whatever runs the model: the local engine process or an
 * OpenAI-compatible server. The service above it owns the queue, request ids, events,
 * timings, JSON validation and chat histories, so both providers behave the same.
 */
export interface LlmProvider {
  readonly kind: 'local' | 'remote';
  generate(input: EngineGenerateInput, hooks: GenerationHooks): Promise<EngineGeneration>;
  startChat(chat: ProviderChat, contextSize: number | undefined): Promise<{ contextSize: number | null }>;
  sendChat(chat: ProviderChat, turn: ChatTurnRequest, hooks: GenerationHooks): Promise<ProviderTurn>;
  resetChat(chatId: string): Promise<void>;
  /** The messages as this provider's model reads them, for the prompt inspector. */
  renderPrompt(messages: ChatMessage[]): Promise<RenderedPrompt>;
  /** Each text's length in the model's tokens, or null when the provider cannot say. */
  countTokens(texts: string[]): Promise<number[] | null>;
  endChat(chatId: string): Promise<void>;
}
