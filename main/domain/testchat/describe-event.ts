import type { RuntimeEvent } from '../dialogue/runtime-event';
import type { QuestOutline, ReferenceNames } from '../dialogue/reference-rules';

const stageName = (quest: QuestOutline | undefined, stage: number, stageId: string | undefined) => {
  const title = quest?.stages.find((s) => s.id === stageId)?.title.trim();
  return title || `stage ${stage + 1}`;
};

/**
 * A runtime effect in words for the playthrough log, naming quests, stages, objectives and
 * items as the creator wrote them: "$gold: 5 → 15", "Quest advanced: The Lost Anvil → Return
 * to Brannoc", "Gave 2 × Wolf pelt".
 */
export function describeEvent(event: RuntimeEvent, names: ReferenceNames): string {
  if (event.type === 'variableChanged') {
    return `$${event.name}: ${event.from === undefined ? 'unset' : JSON.stringify(event.from)} → ${JSON.stringify(event.to)}`;
  }
  if (event.type === 'itemGiven') {
    return `${event.count >= 0 ? 'Gave' : 'Took'} ${Math.abs(event.count)} × ${names.item(event.itemId) ?? event.itemId}`;
  }
  if (event.type === 'command') return `Command ${event.name}(${event.args.map((arg) => JSON.stringify(arg)).join(', ')})`;
  const quest = names.quest(event.questId);
  const title = quest?.title.trim() || event.questId;
  switch (event.type) {
    case 'questStarted':
      return `Quest started: ${title}`;
    case 'questStartRefused':
      return `Quest not started: ${title} (${event.reason})`;
    case 'questUnlocked':
      return `Quest unlocked: ${title}`;
    case 'questAdvanced':
      return `Quest advanced: ${title} → ${stageName(quest, event.stage, event.stageId)}`;
    case 'objectiveProgressed':
    case 'objectiveCompleted': {
      const objective = quest?.objectives.find((o) => o.id === event.objectiveId)?.description.trim() || event.objectiveId;
      return event.type === 'objectiveCompleted'
        ? `Objective done: ${objective} (${title})`
        : `Objective progress: ${objective}, ${event.count} of ${event.of} (${title})`;
    }
    case 'questCompleted':
      return `Quest completed: ${title}`;
    case 'questFailed':
      return `Quest failed: ${title} (${event.reason})`;
  }
}
