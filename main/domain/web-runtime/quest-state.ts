import type { QuestProgress } from '../dialogue/dialogue-state-types';
import { own, setOwn } from '../dialogue/own-property';
import type { RuntimeEvent } from '../dialogue/runtime-event';
import type { PackLike, PackQuest } from './pack-input';

export interface QuestState {
  readonly quests: Record<string, QuestProgress>;
  /** 'inactive' before the quest starts or unlocks, then 'available', 'active', 'completed' or 'failed'. */
  status(questId: string): 'inactive' | QuestProgress['status'];
  stage(questId: string): number;
  objectiveDone(questId: string, objectiveId: string): boolean;
  /** The quest as the pack defines it (name, stages, objectives), if the pack has it. */
  definition(questId: string): PackQuest | undefined;
  /**
   * Applies a runner's quest events: questStarted, questUnlocked, questAdvanced,
   * objectiveProgressed, objectiveCompleted, questCompleted, questFailed.
   */
  apply(events: readonly RuntimeEvent[]): void;
}

/**
 * The player's quest progress across conversations, for a game's quest log: it reads the
 * quest events runners report (it does not run the quest machine itself; runners and
 * trackers do), and `quests` goes to the next runner as `state.quests`.
 */
export function createQuestState(pack: PackLike, progress: Record<string, QuestProgress> = {}): QuestState {
  const quests = structuredClone(progress);
  const definitions: Record<string, PackQuest> = {};
  for (const definition of pack.quests ?? []) setOwn(definitions, definition.id, definition);
  const start = (questId: string): QuestProgress => {
    if (!own(quests, questId)) setOwn(quests, questId, { status: 'active', stage: 0, objectives: {} });
    return own(quests, questId)!;
  };
  return {
    get quests() {
      return structuredClone(quests);
    },
    status: (questId) => own(quests, questId)?.status ?? 'inactive',
    stage: (questId) => own(quests, questId)?.stage ?? 0,
    objectiveDone: (questId, objectiveId) => own(own(quests, questId)?.objectives, objectiveId) === true,
    definition: (questId) => own(definitions, questId),
    apply(events) {
      for (const event of events) {
        switch (event.type) {
          case 'questStarted':
            if (own(quests, event.questId)?.status === 'available')
              setOwn(quests, event.questId, { status: 'active', stage: 0, objectives: {} });
            start(event.questId);
            break;
          case 'questUnlocked':
            if (!own(quests, event.questId)) setOwn(quests, event.questId, { status: 'available', stage: 0, objectives: {} });
            break;
          case 'questAdvanced': {
            const quest = start(event.questId);
            quest.stage = event.stage;
            if (event.stageId !== undefined) quest.stageId = event.stageId;
            break;
          }
          case 'objectiveProgressed':
            setOwn((start(event.questId).counts ??= {}), event.objectiveId, event.count);
            break;
          case 'objectiveCompleted':
            setOwn(start(event.questId).objectives, event.objectiveId, true);
            break;
          case 'questCompleted':
            start(event.questId).status = 'completed';
            break;
          case 'questFailed':
            start(event.questId).status = 'failed';
            break;
        }
      }
    },
  };
}
