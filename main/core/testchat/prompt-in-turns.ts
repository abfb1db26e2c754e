import { matchLorebookInTurns } from '../../domain/testchat/lorebook-scan';
import { assemblePrompt, loreMessages, type AssembledPrompt, type PromptInput } from '../../domain/testchat/prompt-assembly';
import { eventLoopTurns } from '../event-loop-turns';
import type { LlmService } from '../llm/llm-service';
import { withExactCounts } from './token-counter';

/**
 * A test-chat prompt built without holding the event loop: the lorebook's keys (10,000
 * entries at most, each a search of the conversation) are matched a few milliseconds at a
 * time, then the prompt is assembled on the model's exact token counts.
 */
export async function assemblePromptInTurns(
  llm: LlmService,
  input: Omit<PromptInput, 'countTokens' | 'matched'>,
): Promise<AssembledPrompt> {
  const matched = await matchLorebookInTurns(input.persona.lorebook, loreMessages(input), eventLoopTurns());
  return withExactCounts(llm, (countTokens) => assemblePrompt({ ...input, matched, countTokens }));
}
