import { z } from 'zod';
import type { DialogueState as DialogueStateShape, QuestProgress as QuestProgressShape } from './dialogue-state-types';

/** The dialogue state's schemas, for state that crosses the contract (test chat saves and edits it); the types are in dialogue-state-types.ts. */
const Value = z.union([z.boolean(), z.number(), z.string()]);

export const QuestProgress = z.object({
  status: z.enum(['available', 'active', 'completed', 'failed']),
  stage: z.number().int().nonnegative(),
  stageId: z.string().optional(),
  objectives: z.record(z.string(), z.boolean()),
  counts: z.record(z.string(), z.number().int().nonnegative()).optional(),
}) satisfies z.ZodType<QuestProgressShape>;
export type QuestProgress = QuestProgressShape;

export const DialogueState = z.object({
  variables: z.record(z.string(), Value),
  quests: z.record(z.string(), QuestProgress),
  inventory: z.record(z.string(), z.number().int().nonnegative()),
  visits: z.record(z.string(), z.record(z.string(), z.number().int().nonnegative())),
  /** Absent in states saved before `once` existed: nothing seen yet. */
  seen: z.record(z.string(), z.record(z.string(), z.number().int().nonnegative())).default({}),
}) satisfies z.ZodType<DialogueStateShape>;
export type DialogueState = DialogueStateShape;

export { emptyDialogueState } from './dialogue-state-types';
