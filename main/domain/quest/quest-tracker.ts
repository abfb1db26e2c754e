import { emptyDialogueState, type DialogueState } from '../dialogue/dialogue-state-types';
import { createRandom } from '../dialogue/seeded-random';
import type { QuestChange } from './quest-change';
import {
  advanceQuest,
  completeObjective,
  completeQuest,
  failQuest,
  progressQuests,
  startBlocker,
  startQuest,
  type QuestContext,
  type WorldEvent,
} from './quest-machine';
import type { Quest } from './quest-schema';

export interface QuestTracker {
  /** A copy of the state: variables, quests, inventory, visits. */
  readonly state: DialogueState;
  /** Why the quest cannot start now, or null. */
  startBlocker(questId: string): string | null;
  start(questId: string): QuestChange[];
  advance(questId: string, stage?: number): QuestChange[];
  completeObjective(questId: string, objectiveId: string): QuestChange[];
  complete(questId: string): QuestChange[];
  fail(questId: string, reason?: string): QuestChange[];
  /** Feeds a world event (talk, collect, reach, defeat, custom) to the active quests. */
  progress(event: WorldEvent): QuestChange[];
}

/**
 * The quest state machine outside a conversation, over the same state a dialogue runtime
 * carries, as a game host drives it between dialogues (and as the tests drive it).
 */
export function createQuestTracker(
  quests: readonly Quest[],
  options: { state?: DialogueState; seed?: number | string } = {},
): QuestTracker {
  const state = structuredClone(options.state ?? emptyDialogueState());
  const random = createRandom(options.seed ?? 0);
  const ctx: QuestContext = { definitions: new Map(quests.map((q) => [q.id, q])), state, scope: { state, dialogueId: '', random } };
  return {
    get state() {
      return structuredClone(state);
    },
    startBlocker: (questId) => {
      const quest = ctx.definitions.get(questId);
      return quest ? startBlocker(ctx, quest) : null;
    },
    start: (questId) => startQuest(ctx, questId),
    advance: (questId, stage) => advanceQuest(ctx, questId, stage),
    completeObjective: (questId, objectiveId) => completeObjective(ctx, questId, objectiveId),
    complete: (questId) => completeQuest(ctx, questId),
    fail: (questId, reason) => failQuest(ctx, questId, reason),
    progress: (event) => progressQuests(ctx, event),
  };
}
