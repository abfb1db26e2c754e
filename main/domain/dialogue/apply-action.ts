import type { DialogueAction } from './dialogue-schema';
import type { DialogueState, QuestProgress } from './dialogue-state';
import { typeOfValue, type ValueType } from './expression/ast';
import { own, setOwn } from './own-property';
import type { RuntimeEvent } from './runtime-event';

/** An action that cannot apply to this state, such as adding to a string variable. */
export class ActionError extends Error {}

/**
 * Applies one action to the state in place and returns the events it caused. Quest
 * actions start the quest when needed, so "complete objective" works on a quest the
 * player picked up elsewhere and on one they did not; repeating an action that changes
 * nothing records nothing.
 */
export function applyAction(
  action: DialogueAction,
  state: DialogueState,
  declared: ReadonlyMap<string, ValueType>,
  nodeId: string,
): RuntimeEvent[] {
  const events: RuntimeEvent[] = [];
  const startQuest = (questId: string): QuestProgress => {
    let quest = own(state.quests, questId);
    if (!quest) {
      quest = { status: 'active', stage: 0, objectives: {} };
      setOwn(state.quests, questId, quest);
      events.push({ type: 'questStarted', nodeId, questId });
    }
    return quest;
  };

  switch (action.type) {
    case 'setVariable': {
      const from = own(state.variables, action.variable);
      const type = declared.get(action.variable) ?? (from === undefined ? undefined : typeOfValue(from));
      let to = action.value;
      if (action.operator !== '=') {
        if (typeof from !== 'number' || typeof to !== 'number') {
          throw new ActionError(
            `'${action.operator}' needs numbers; $${action.variable} is ${JSON.stringify(from)} and the value ${JSON.stringify(to)}`,
          );
        }
        to = action.operator === '+=' ? from + to : from - to;
      } else if (type !== undefined && typeOfValue(to) !== type) {
        throw new ActionError(`$${action.variable} is a ${type}; cannot set it to ${JSON.stringify(to)}`);
      }
      if (from !== to) {
        setOwn(state.variables, action.variable, to);
        events.push({ type: 'variableChanged', nodeId, name: action.variable, from, to });
      }
      break;
    }
    case 'startQuest':
      startQuest(action.questId);
      break;
    case 'advanceQuest': {
      const quest = startQuest(action.questId);
      const stage = action.stage ?? quest.stage + 1;
      if (stage !== quest.stage) {
        quest.stage = stage;
        events.push({ type: 'questAdvanced', nodeId, questId: action.questId, stage });
      }
      break;
    }
    case 'completeObjective': {
      const quest = startQuest(action.questId);
      if (own(quest.objectives, action.objectiveId) !== true) {
        setOwn(quest.objectives, action.objectiveId, true);
        events.push({ type: 'objectiveCompleted', nodeId, questId: action.questId, objectiveId: action.objectiveId });
      }
      break;
    }
    case 'completeQuest': {
      const quest = startQuest(action.questId);
      if (quest.status !== 'completed') {
        quest.status = 'completed';
        events.push({ type: 'questCompleted', nodeId, questId: action.questId });
      }
      break;
    }
    case 'giveItem':
      setOwn(state.inventory, action.itemId, (own(state.inventory, action.itemId) ?? 0) + action.count);
      events.push({ type: 'itemGiven', nodeId, itemId: action.itemId, count: action.count });
      break;
    case 'command':
      events.push({ type: 'command', nodeId, name: action.name, args: [...action.args] });
      break;
  }
  return events;
}
