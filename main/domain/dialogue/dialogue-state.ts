import { z } from 'zod';

/**
 * What a playthrough changes and what conditions read: variables, quests, inventory and
 * which nodes were seen. Plain JSON so test chat can save it and a jump to another
 * dialogue can carry it over.
 */
const Value = z.union([z.boolean(), z.number(), z.string()]);

export const QuestProgress = z.object({
  status: z.enum(['active', 'completed']),
  stage: z.number().int().nonnegative(),
  /** Objective id → completed. */
  objectives: z.record(z.string(), z.boolean()),
});
export type QuestProgress = z.infer<typeof QuestProgress>;

export const DialogueState = z.object({
  variables: z.record(z.string(), Value),
  quests: z.record(z.string(), QuestProgress),
  /** Item id → count held. */
  inventory: z.record(z.string(), z.number().int().nonnegative()),
  /** Dialogue id → node id → times entered, so `visited()` survives jumps between dialogues. */
  visits: z.record(z.string(), z.record(z.string(), z.number().int().nonnegative())),
});
export type DialogueState = z.infer<typeof DialogueState>;

export const emptyDialogueState = (): DialogueState => ({ variables: {}, quests: {}, inventory: {}, visits: {} });
