import type {
  ObjectiveType,
  Quest,
  QuestObjective,
  QuestOutcome,
  QuestReward,
  QuestStage,
  RewardType,
} from '../../../../main/domain/quest';

/**
 * Every edit of the quest editor as a named command: one pure function from the quest to
 * the next quest, one undo step (typing in one field coalesces by `group`). Forms, the flow
 * view and AI actions all go through these, so they are tested without a DOM.
 */
export type QuestCommand =
  | { type: 'setFields'; fields: Partial<Omit<Quest, 'schemaVersion' | 'id' | 'stages'>> }
  | { type: 'addStage'; after?: string }
  | { type: 'updateStage'; stageId: string; fields: Partial<Omit<QuestStage, 'id' | 'objectives' | 'outcomes'>> }
  | { type: 'removeStage'; stageId: string }
  | { type: 'setStartStage'; stageId: string }
  | { type: 'addObjective'; stageId: string; objectiveType: ObjectiveType }
  | { type: 'updateObjective'; stageId: string; index: number; objective: QuestObjective }
  | { type: 'removeObjective'; stageId: string; index: number }
  | { type: 'addOutcome'; stageId: string; result: QuestOutcome['result']; targetStageId?: string }
  | { type: 'updateOutcome'; stageId: string; index: number; outcome: QuestOutcome }
  | { type: 'removeOutcome'; stageId: string; index: number }
  | { type: 'addReward'; rewardType: RewardType }
  | { type: 'updateReward'; index: number; reward: QuestReward }
  | { type: 'removeReward'; index: number }
  | { type: 'setJournals'; journals: Record<string, string> }
  | { type: 'addRewards'; rewards: QuestReward[] };

/** An id not yet used by `taken`: `base`, else `base_2`, `base_3`… */
export function freshId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

const objectiveIds = (quest: Quest) => quest.stages.flatMap((stage) => stage.objectives.map((o) => o.id));

export function newObjective(type: ObjectiveType, id: string): QuestObjective {
  const base = { id, description: '', optional: false, hidden: false };
  switch (type) {
    case 'talk':
      return { ...base, type, npcId: '' };
    case 'collect':
      return { ...base, type, itemId: '', count: 1 };
    case 'reach':
      return { ...base, type, locationId: '' };
    case 'defeat':
      return { ...base, type, target: 'enemy', count: 1 };
    case 'custom':
      return { ...base, type, event: 'event', count: 1 };
  }
}

export function newReward(type: RewardType): QuestReward {
  switch (type) {
    case 'item':
      return { type, itemId: '', count: 1 };
    case 'currency':
      return { type, currency: 'gold', amount: 10 };
    case 'experience':
      return { type, amount: 100 };
    case 'variable':
      return { type, variable: 'flag', operator: '=', value: true };
    case 'unlockQuest':
      return { type, questId: '' };
  }
}

const mapStage = (quest: Quest, stageId: string, change: (stage: QuestStage) => QuestStage): Quest => ({
  ...quest,
  stages: quest.stages.map((stage) => (stage.id === stageId ? change(stage) : stage)),
});
const replaceAt = <T>(list: readonly T[], index: number, value: T) => list.map((item, i) => (i === index ? value : item));
const removeAt = <T>(list: readonly T[], index: number) => list.filter((_, i) => i !== index);

/** What the undo menu and the history call each command. */
export const COMMAND_LABELS: Record<QuestCommand['type'], string> = {
  setFields: 'Edit quest',
  addStage: 'Add stage',
  updateStage: 'Edit stage',
  removeStage: 'Delete stage',
  setStartStage: 'Set start stage',
  addObjective: 'Add objective',
  updateObjective: 'Edit objective',
  removeObjective: 'Delete objective',
  addOutcome: 'Add outcome',
  updateOutcome: 'Edit outcome',
  removeOutcome: 'Delete outcome',
  addReward: 'Add reward',
  updateReward: 'Edit reward',
  removeReward: 'Delete reward',
  setJournals: 'Write journal entries',
  addRewards: 'Add suggested rewards',
};

export function performQuestCommand(quest: Quest, command: QuestCommand): Quest {
  switch (command.type) {
    case 'setFields':
      return { ...quest, ...command.fields };
    case 'addStage': {
      const id = freshId(
        `stage_${quest.stages.length + 1}`,
        quest.stages.map((s) => s.id),
      );
      const stage: QuestStage = { id, title: `Stage ${quest.stages.length + 1}`, journal: '', objectives: [], outcomes: [], hidden: false };
      const withStage = { ...quest, stages: [...quest.stages, stage], startStageId: quest.stages.length ? quest.startStageId : id };
      if (!command.after) return withStage;
      // A stage added after another is where that stage leads when it has nowhere else to go.
      return mapStage(withStage, command.after, (from) =>
        from.outcomes.length ? from : { ...from, outcomes: [{ id: 'next', condition: '', result: 'stage', stageId: id }] },
      );
    }
    case 'updateStage':
      return mapStage(quest, command.stageId, (stage) => ({ ...stage, ...command.fields }));
    case 'removeStage': {
      const stages = quest.stages
        .filter((stage) => stage.id !== command.stageId)
        .map((stage) => ({ ...stage, outcomes: stage.outcomes.filter((o) => !(o.result === 'stage' && o.stageId === command.stageId)) }));
      const startStageId = quest.startStageId === command.stageId ? (stages[0]?.id ?? '') : quest.startStageId;
      return { ...quest, stages, startStageId };
    }
    case 'setStartStage':
      return { ...quest, startStageId: command.stageId };
    case 'addObjective': {
      const id = freshId(command.objectiveType, objectiveIds(quest));
      return mapStage(quest, command.stageId, (stage) => ({
        ...stage,
        objectives: [...stage.objectives, newObjective(command.objectiveType, id)],
      }));
    }
    case 'updateObjective':
      return mapStage(quest, command.stageId, (stage) => ({
        ...stage,
        objectives: replaceAt(stage.objectives, command.index, command.objective),
      }));
    case 'removeObjective':
      return mapStage(quest, command.stageId, (stage) => ({ ...stage, objectives: removeAt(stage.objectives, command.index) }));
    case 'addOutcome':
      return mapStage(quest, command.stageId, (stage) => {
        const id = freshId(
          command.result === 'stage' ? 'next' : command.result,
          stage.outcomes.map((o) => o.id),
        );
        const outcome: QuestOutcome = { id, condition: '', result: command.result };
        if (command.result === 'stage') outcome.stageId = command.targetStageId ?? quest.stages.find((s) => s.id !== stage.id)?.id;
        return { ...stage, outcomes: [...stage.outcomes, outcome] };
      });
    case 'updateOutcome':
      return mapStage(quest, command.stageId, (stage) => ({
        ...stage,
        outcomes: replaceAt(stage.outcomes, command.index, command.outcome),
      }));
    case 'removeOutcome':
      return mapStage(quest, command.stageId, (stage) => ({ ...stage, outcomes: removeAt(stage.outcomes, command.index) }));
    case 'addReward':
      return { ...quest, rewards: [...quest.rewards, newReward(command.rewardType)] };
    case 'updateReward':
      return { ...quest, rewards: replaceAt(quest.rewards, command.index, command.reward) };
    case 'removeReward':
      return { ...quest, rewards: removeAt(quest.rewards, command.index) };
    case 'setJournals':
      return { ...quest, stages: quest.stages.map((stage) => ({ ...stage, journal: command.journals[stage.id] ?? stage.journal })) };
    case 'addRewards':
      return { ...quest, rewards: [...quest.rewards, ...command.rewards] };
  }
}
