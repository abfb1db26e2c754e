import { z } from 'zod';
import { ScalarValue, VariableName } from '../dialogue/dialogue-schema';
import { EXPRESSION_LIMITS } from '../dialogue/expression/limits';

/**
 * The quest record: who gives it, what must be true before it can start, a list of stages
 * with objectives, the outcomes that lead from one stage to the next (or end the quest),
 * rewards, and conditions that fail it. Conditions are stored as the text the creator wrote
 * in the dialogue expression language; references to NPCs, items, locations and other
 * quests are ids, checked by `validateQuests`, never trusted by the runtime.
 */
export const QUEST_LIMITS = {
  maxStages: 100,
  maxObjectives: 32,
  maxOutcomes: 16,
  maxRewards: 32,
  maxPrerequisites: 32,
  maxFailConditions: 8,
  maxTags: 32,
  maxTextLength: 20_000,
  maxCount: 1_000_000,
} as const;

export const QuestRef = z.string().min(1).max(128);
/** A reference a form may leave empty while the creator picks it; validation reports it until then. */
const PendingRef = z.string().max(128);
/** Stage, objective and outcome ids: unique within the quest, so dialogue actions and saves can name them. */
export const QuestLocalId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'Ids are letters, digits and _ . : -, at most 64 long');
const Text = z.string().max(QUEST_LIMITS.maxTextLength);
const ShortText = z.string().max(200);
const Condition = z.string().max(EXPRESSION_LIMITS.maxLength);
const Count = z.number().int().min(1).max(QUEST_LIMITS.maxCount);

const objectiveBase = {
  id: QuestLocalId,
  /** What the journal says, e.g. "Bring 5 wolf pelts to Mara". */
  description: ShortText,
  /** Optional objectives never hold a stage back. */
  optional: z.boolean(),
  /** Left out of the journal until completed. */
  hidden: z.boolean(),
};

export const QuestObjective = z.discriminatedUnion('type', [
  /** Done by a `talk` event for the NPC (playing a dialogue that belongs to the NPC sends one). */
  z.object({ ...objectiveBase, type: z.literal('talk'), npcId: PendingRef }),
  /** Done while the inventory holds at least `count` of the item. */
  z.object({ ...objectiveBase, type: z.literal('collect'), itemId: PendingRef, count: Count }),
  /** Done by a `reach` event for the location. */
  z.object({ ...objectiveBase, type: z.literal('reach'), locationId: PendingRef }),
  /** Done after `count` `defeat` events naming the target (an enemy type or id the game defines). */
  z.object({ ...objectiveBase, type: z.literal('defeat'), target: ShortText.min(1), count: Count }),
  /** Done after `count` `custom` events with this name (a dialogue `command` action sends one). */
  z.object({ ...objectiveBase, type: z.literal('custom'), event: ShortText.min(1), count: Count }),
]);
export type QuestObjective = z.infer<typeof QuestObjective>;
export type ObjectiveType = QuestObjective['type'];

/** Where an outcome leads: another stage, or the end of the quest. */
export const QuestOutcome = z.object({
  id: QuestLocalId,
  /** Empty: always taken when reached. Outcomes are tried in order. */
  condition: Condition,
  result: z.enum(['stage', 'complete', 'fail']),
  /** The next stage, for `result: 'stage'`. */
  stageId: QuestLocalId.optional(),
});
export type QuestOutcome = z.infer<typeof QuestOutcome>;

const Position = z.object({ x: z.number().refine(Number.isFinite), y: z.number().refine(Number.isFinite) });

export const QuestStage = z.object({
  id: QuestLocalId,
  title: ShortText,
  /** The journal entry shown while this stage is current. */
  journal: Text,
  objectives: z.array(QuestObjective).max(QUEST_LIMITS.maxObjectives),
  /** No outcomes: finishing the stage completes the quest. */
  outcomes: z.array(QuestOutcome).max(QUEST_LIMITS.maxOutcomes),
  /** Left out of the journal until reached. */
  hidden: z.boolean(),
  /** Where the creator placed it in the flow view; auto layout when absent. */
  position: Position.optional(),
});
export type QuestStage = z.infer<typeof QuestStage>;

export const QuestReward = z.discriminatedUnion('type', [
  z.object({ type: z.literal('item'), itemId: PendingRef, count: Count }),
  /** Added to the number variable named by `currency` (e.g. `gold`). */
  z.object({ type: z.literal('currency'), currency: VariableName, amount: Count }),
  /** Added to the number variable `xp`. */
  z.object({ type: z.literal('experience'), amount: Count }),
  z.object({ type: z.literal('variable'), variable: VariableName, operator: z.enum(['=', '+=', '-=']), value: ScalarValue }),
  /** Makes another quest available even when its prerequisites are not met. */
  z.object({ type: z.literal('unlockQuest'), questId: PendingRef }),
]);
export type QuestReward = z.infer<typeof QuestReward>;
export type RewardType = QuestReward['type'];

export const DIFFICULTIES = ['trivial', 'easy', 'normal', 'hard', 'epic'] as const;
export const Difficulty = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof Difficulty>;

export const QUEST_SCHEMA_VERSION = 1;

export const Quest = z
  .object({
    schemaVersion: z.literal(QUEST_SCHEMA_VERSION),
    id: QuestRef,
    title: z.string().max(200),
    summary: Text,
    giverNpcId: QuestRef.optional(),
    tags: z.array(z.string().max(64)).max(QUEST_LIMITS.maxTags),
    level: z.number().int().min(0).max(1000),
    difficulty: Difficulty,
    prerequisites: z.object({
      /** Quests that must be completed first. */
      quests: z.array(QuestRef).max(QUEST_LIMITS.maxPrerequisites),
      /** Must also hold; empty means no condition. */
      condition: Condition,
    }),
    /** Empty while the quest has no stages; validation reports it. */
    startStageId: z.string().max(64),
    stages: z.array(QuestStage).max(QUEST_LIMITS.maxStages),
    /** Given when the quest completes, in order. */
    rewards: z.array(QuestReward).max(QUEST_LIMITS.maxRewards),
    /** While the quest is active, the first of these that holds fails it. */
    failConditions: z.array(Condition).max(QUEST_LIMITS.maxFailConditions),
    notes: Text,
  })
  .strict();
export type Quest = z.infer<typeof Quest>;
