/** Quests and the world they refer to: schema, record migrations, validation and the quest state machine. */
export * from './quest-schema';
export { loadQuest, newQuest, QuestRecord } from './quest-record';
export * from './world-schema';
export type { QuestChange } from './quest-change';
export type { QuestProblem, QuestProblemCode } from './quest-problem';
export {
  advanceQuest,
  completeObjective,
  completeQuest,
  failQuest,
  progressQuests,
  settleQuests,
  startBlocker,
  startQuest,
  QuestRuleError,
  type QuestContext,
  type WorldEvent,
} from './quest-machine';
export { createQuestTracker, type QuestTracker } from './quest-tracker';
export { validateQuests, type DialogueQuestAction, type QuestWorld } from './validate-quests';
