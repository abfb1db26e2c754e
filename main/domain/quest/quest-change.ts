import type { Value } from '../dialogue/expression/ast';

/**
 * What the quest state machine changed, in the order it changed it. The dialogue runtime
 * adds the node that caused it; a game host feeding world events gets them as they are.
 */
export type QuestChange =
  | { type: 'questStarted'; questId: string }
  /** The player cannot start the quest yet: `reason` says which prerequisite is missing. */
  | { type: 'questStartRefused'; questId: string; reason: string }
  | { type: 'questUnlocked'; questId: string }
  /** `stageId` is set when the quest has a definition. */
  | { type: 'questAdvanced'; questId: string; stage: number; stageId?: string }
  | { type: 'objectiveProgressed'; questId: string; objectiveId: string; count: number; of: number }
  | { type: 'objectiveCompleted'; questId: string; objectiveId: string }
  | { type: 'questCompleted'; questId: string }
  | { type: 'questFailed'; questId: string; reason: string }
  /** Effects of quest rewards, in reward order. */
  | { type: 'variableChanged'; name: string; from: Value | undefined; to: Value }
  | { type: 'itemGiven'; itemId: string; count: number };
