import type { Value } from './expression/ast';

/**
 * One quest's progress. `available`: unlocked by another quest's reward but not started;
 * `failed` is final like `completed`. `stage` is the index of the current stage in the
 * quest's definition (or the number an `advanceQuest` action set, for quests the runtime
 * has no definition of); `stageId` names it when there is a definition. `counts` holds
 * progress of objectives that need several events (defeat 5 wolves).
 */
export interface QuestProgress {
  status: 'available' | 'active' | 'completed' | 'failed';
  stage: number;
  stageId?: string;
  /** Objective id → completed. */
  objectives: Record<string, boolean>;
  /** Objective id → events counted so far, for objectives with a count. */
  counts?: Record<string, number>;
}

/**
 * What a playthrough changes and what conditions read: variables, quests, inventory and
 * which nodes were seen. Plain JSON so test chat can save it and a jump to another
 * dialogue can carry it over. Declared apart from its zod schema (dialogue-state.ts) so
 * the runtime, and the web runtime built from it, carry no zod.
 */
export interface DialogueState {
  variables: Record<string, Value>;
  quests: Record<string, QuestProgress>;
  /** Item id → count held. */
  inventory: Record<string, number>;
  /** Dialogue id → node id → times entered, so `visited()` survives jumps between dialogues. */
  visits: Record<string, Record<string, number>>;
  /**
   * Dialogue id → key → times played, for `once` and saliency: a once line by its node id, a
   * once option or branch and every group candidate by `nodeId#id`.
   */
  seen: Record<string, Record<string, number>>;
}

export const emptyDialogueState = (): DialogueState => ({ variables: {}, quests: {}, inventory: {}, visits: {}, seen: {} });
