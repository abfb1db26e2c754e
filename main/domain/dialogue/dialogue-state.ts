import { z } from 'zod';

/**
 * What a playthrough changes and what conditions read: variables, quests, inventory and
 * which nodes were seen. Plain JSON so test chat can save it and a jump to another
 * dialogue can carry it over.
 */
const Value = z.union([z.boolean(), z.number(), z.string()]);

/**
 * One quest's progress. `available`: unlocked by another quest's reward but not started;
 * `failed` is final like `completed`. `stage` is the index of the current stage in the
 * quest's definition (or the number an `advanceQuest` action set, for quests the runtime
 * has no definition of); `stageId` names it when there is a definition. `counts` holds
 * progress of objectives that need several events (defeat 5 wolves).
 */
export const QuestProgress = z.object({
  status: z.enum(['available', 'active', 'completed', 'failed']),
  stage: z.number().int().nonnegative(),
  stageId: z.string().optional(),
  /** Objective id → completed. */
  objectives: z.record(z.string(), z.boolean()),
  /** Objective id → events counted so far, for objectives with a count. */
  counts: z.record(z.string(), z.number().int().nonnegative()).optional(),
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
