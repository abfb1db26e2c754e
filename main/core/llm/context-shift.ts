import type { ChatHistoryItem, LLamaChatContextShiftOptions, LlamaContextSequence, Token } from 'node-llama-cpp';

/** Where the kept history began after the last shift, handed back by node-llama-cpp on the next one. */
interface ShiftMetadata {
  firstKept: number;
}

type ContextShiftStrategy = Extract<NonNullable<LLamaChatContextShiftOptions['strategy']>, (...args: never[]) => unknown>;

/**
 * What a chat does when its history outgrows its context: drop the oldest exchanges
 * whole (a user turn and the reply to it), keeping the first system message, then move
 * the KV cache of the turns it keeps into their new positions (llama.cpp shifts the
 * cached keys) instead of evaluating them again.
 *
 * node-llama-cpp's default strategy erases the first response and re-evaluates every
 * token after it, and frees only 10% of the context, so a full chat paid a whole-context
 * evaluation (seconds on a CPU) on every other turn. If even the latest turn alone does
 * not fit, this throws and node-llama-cpp falls back to its default, which truncates text.
 *
 * `onShift` receives the tokens node-llama-cpp's meter charged as input for the move:
 * they were not evaluated, so the chat's evaluated-token count leaves them out.
 */
export function dropOldestExchanges(sequence: LlamaContextSequence, onShift: (chargedTokens: number) => void): ContextShiftStrategy {
  return async ({ chatHistory, maxTokensCount, tokenizer, chatWrapper, lastShiftMetadata }) => {
    const tokensOf = (history: ChatHistoryItem[]) =>
      chatWrapper.generateContextState({ chatHistory: history }).contextText.tokenize(tokenizer);
    const head = chatHistory[0]?.type === 'system' ? chatHistory.slice(0, 1) : [];
    // Exchanges dropped before stay dropped: the history only grows at its end (a reset starts without metadata).
    // node-llama-cpp asks only once the whole history does not fit, so at least one more exchange goes.
    let start = Math.max(head.length, (lastShiftMetadata as ShiftMetadata | null | undefined)?.firstKept ?? 0);
    let kept: ChatHistoryItem[];
    let tokens: Token[];
    do {
      const reply = chatHistory.findIndex((item, index) => index >= start && item.type === 'model');
      if (reply < 0 || reply >= chatHistory.length - 1) throw new Error('The latest turn alone does not fit in the chat context.');
      start = reply + 1;
      kept = [...head, ...chatHistory.slice(start)];
      tokens = tokensOf(kept);
    } while (tokens.length > maxTokensCount);
    const charged = sequence.tokenMeter.usedInputTokens;
    await sequence.adaptStateToTokens(tokens, true);
    onShift(sequence.tokenMeter.usedInputTokens - charged);
    return { chatHistory: kept, metadata: { firstKept: start } satisfies ShiftMetadata };
  };
}
