import {
  InsufficientMemoryError,
  LlamaChatSession,
  type ChatHistoryItem,
  type ChatWrapper,
  type LlamaContext,
  type LlamaModel,
} from 'node-llama-cpp';
import { AppError } from '../app-error';
import { dropOldestExchanges } from './context-shift';
import { generationOptions, toHistoryItems, toStopReason, type GenerationHooks } from './generation';
import type { ChatStartInput, ChatTurn, ChatTurnInput } from './protocol';

/**
 * Chats whose context stays in memory. Each context costs a KV cache of its own size, so
 * past this many the chat used longest ago gives its context up; its next turn builds a
 * new one and evaluates its history once.
 */
const MAX_RESIDENT_CHATS = 4;

interface Resident {
  context: LlamaContext;
  session: LlamaChatSession;
}

interface Chat {
  contextSize: number;
  /** What the chat started with, for a reset. */
  initial: ChatHistoryItem[];
  /** The history while the chat holds no context. */
  history: ChatHistoryItem[];
  resident: Resident | null;
  usedAt: number;
  /** Input tokens node-llama-cpp charged during this turn for moving kept turns in a context shift. */
  shiftCharged: number;
}

/** The sampling options of a turn, without what only says which chat and what history. */
const turnOptions = ({ chatId: _chatId, text: _text, history: _history, ...options }: ChatTurnInput) => options;

/**
 * The chats of the loaded model, each a LlamaChatSession on a context sequence of its
 * own. The sequence keeps the KV cache of the conversation between turns, whatever else
 * the engine runs in between, so a new turn evaluates only the tokens it adds.
 */
export class ChatSessions {
  private readonly chats = new Map<string, Chat>();
  private clock = 0;

  constructor(
    private readonly model: LlamaModel,
    private readonly chatWrapper: ChatWrapper,
    private readonly defaults: { contextSize: number; threads: number },
  ) {}

  async start(input: ChatStartInput): Promise<{ contextSize: number }> {
    if (this.chats.has(input.chatId)) throw new AppError('conflict', `A chat with id "${input.chatId}" is already open.`);
    const initial = toHistoryItems(input.messages);
    const chat: Chat = {
      contextSize: input.contextSize ?? this.defaults.contextSize,
      initial,
      history: initial,
      resident: null,
      usedAt: 0,
      shiftCharged: 0,
    };
    const { context } = await this.residentOf(chat);
    this.chats.set(input.chatId, chat);
    return { contextSize: context.contextSize };
  }

  async send(input: ChatTurnInput, hooks: GenerationHooks): Promise<ChatTurn> {
    const chat = this.chats.get(input.chatId);
    if (!chat) throw new AppError('not_found', `The engine has no chat "${input.chatId}".`);
    const { session } = await this.residentOf(chat);
    if (input.history) session.setChatHistory(toHistoryItems(input.history));
    const { sequence } = session;
    const meterBefore = sequence.tokenMeter.getState();
    chat.shiftCharged = 0;
    let tokens = 0;
    const started = performance.now();
    let firstTokenAt: number | null = null;
    // node-llama-cpp meters the prompt's last token, the one that yields logits, as output.
    const counts = () => {
      const used = sequence.tokenMeter.diff(meterBefore);
      return {
        evaluatedTokens: Math.max(0, used.usedInputTokens - chat.shiftCharged + Math.min(1, used.usedOutputTokens)),
        contextTokens: sequence.nextTokenIndex,
        promptMs: firstTokenAt === null ? null : firstTokenAt - started,
      };
    };
    try {
      const result = await session.promptWithMeta(
        input.text,
        generationOptions(turnOptions(input), hooks, (generated) => {
          firstTokenAt ??= performance.now();
          tokens += generated.length;
        }),
      );
      return { text: result.responseText, tokens, stopReason: toStopReason(result.stopReason), committed: true, ...counts() };
    } catch (error) {
      // Cancelled before the first token: the session did not record the turn.
      if (hooks.signal.aborted) return { text: '', tokens: 0, stopReason: 'cancelled', committed: false, ...counts() };
      throw error;
    }
  }

  /** Back to how the chat started; the cached tokens of that start are kept and reused. */
  reset(chatId: string): { reset: boolean } {
    const chat = this.chats.get(chatId);
    if (!chat) return { reset: false };
    chat.history = chat.initial;
    chat.resident?.session.setChatHistory(chat.initial);
    return { reset: true };
  }

  async end(chatId: string): Promise<{ ended: boolean }> {
    const chat = this.chats.get(chatId);
    if (!chat) return { ended: false };
    this.chats.delete(chatId);
    await this.release(chat);
    return { ended: true };
  }

  /** Frees every chat's context: the model is about to go. */
  async endAll(): Promise<void> {
    const chats = [...this.chats.values()];
    this.chats.clear();
    for (const chat of chats) await this.release(chat);
  }

  private async residentOf(chat: Chat): Promise<Resident> {
    chat.usedAt = ++this.clock;
    if (chat.resident) return chat.resident;
    const others = [...this.chats.values()].filter((other) => other.resident && other !== chat).sort((a, b) => a.usedAt - b.usedAt);
    while (others.length >= MAX_RESIDENT_CHATS) await this.release(others.shift() as Chat);
    const context = await this.createContext(chat.contextSize, others);
    const sequence = context.getSequence();
    const session = new LlamaChatSession({
      contextSequence: sequence,
      chatWrapper: this.chatWrapper,
      contextShift: { strategy: dropOldestExchanges(sequence, (charged) => (chat.shiftCharged += charged)) },
    });
    session.setChatHistory(chat.history);
    chat.resident = { context, session };
    return chat.resident;
  }

  /** A context for one chat; when memory runs short, the chats used longest ago give theirs up first. */
  private async createContext(contextSize: number, others: Chat[]): Promise<LlamaContext> {
    for (;;) {
      try {
        return await this.model.createContext({ contextSize, threads: this.defaults.threads, sequences: 1 });
      } catch (error) {
        if (!(error instanceof InsufficientMemoryError)) throw error;
        const oldest = others.shift();
        if (!oldest) {
          throw new AppError(
            'invalid_input',
            `A chat context of ${contextSize} tokens does not fit in memory: ${error.message}. Start the chat with a smaller contextSize.`,
          );
        }
        await this.release(oldest);
      }
    }
  }

  private async release(chat: Chat): Promise<void> {
    const resident = chat.resident;
    if (!resident) return;
    chat.resident = null;
    chat.history = resident.session.getChatHistory();
    resident.session.dispose();
    await resident.context.dispose();
  }
}
