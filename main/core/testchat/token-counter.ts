import type { LlmService } from '../llm/llm-service';

/** Characters per token when the model cannot say: on the short side, so prompts rather fit than overflow. */
const CHARS_PER_TOKEN = 3;

export const estimateTokens = (text: string): number => Math.ceil(text.length / CHARS_PER_TOKEN);

/**
 * Runs a pure computation that counts tokens synchronously with the model's exact counts:
 * a first pass with estimates records every text it counts, the engine counts them all in
 * one call, and a second pass runs on the exact numbers (estimates for anything new).
 */
export async function withExactCounts<T>(llm: LlmService, compute: (count: (text: string) => number) => T): Promise<T> {
  const seen = new Set<string>();
  compute((text) => {
    seen.add(text);
    return estimateTokens(text);
  });
  const texts = [...seen];
  const counts = await llm.countTokens(texts).catch(() => null);
  if (!counts) return compute(estimateTokens);
  const exact = new Map(texts.map((text, i) => [text, counts[i]]));
  return compute((text) => exact.get(text) ?? estimateTokens(text));
}
