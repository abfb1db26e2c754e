import type { PromptInspection } from '../../../../preload/contract/testchat';

/**
 * How full the context is, as one figure the header and the inspector both show: the
 * prompt's tokens (counted by the model, or estimated without one) over the context size;
 * null while the context size is unknown.
 */
export function contextUse(inspection: PromptInspection | null): { tokens: number; contextSize: number; percent: number } | null {
  if (!inspection?.contextSize) return null;
  const tokens = inspection.tokens ?? inspection.estimatedTokens;
  return { tokens, contextSize: inspection.contextSize, percent: Math.round((tokens / inspection.contextSize) * 100) };
}
