import type { DialogueAction } from './dialogue-schema';
import type { DialogueState } from './dialogue-state-types';
import { typeOfValue, type ValueType } from './expression/ast';
import { own, setOwn } from './own-property';
import type { RuntimeEvent } from './runtime-event';
import type { QuestChange } from '../quest/quest-change';
import {
  advanceQuest,
  completeObjective,
  completeQuest,
  progressQuests,
  QuestRuleError,
  settleQuests,
  startQuest,
  type QuestContext,
} from '../quest/quest-machine';

/** An action that cannot apply to this state, such as adding to a string variable. */
export class ActionError extends Error {}

/**
 * Applies one action to the state in place and returns the events it caused. Quest
 * actions go through the quest state machine (main/domain/quest/quest-machine.ts): they
 * start the quest when needed, so "complete objective" works on a quest the player picked
 * up elsewhere and on one they did not, and repeating an action that changes nothing
 * records nothing. With quest definitions (`quests.definitions`), prerequisites, stages,
 * outcomes and rewards apply; a `command` action is also the custom world event of its
 * name; and after every action the active quests settle, since a variable or an item can
 * be what a stage or a fail condition waits for.
 */
export function applyAction(
  action: DialogueAction,
  state: DialogueState,
  declared: ReadonlyMap<string, ValueType>,
  nodeId: string,
  quests: QuestContext,
): RuntimeEvent[] {
  const events: RuntimeEvent[] = [];
  const changes: QuestChange[] = [];
  try {
    applyOne(action, state, declared, nodeId, quests, events, changes);
  } catch (error) {
    if (error instanceof QuestRuleError) throw new ActionError(error.message);
    throw error;
  }
  if (quests.definitions.size > 0) settleQuests(quests, changes);
  for (const change of changes) events.push({ ...change, nodeId });
  return events;
}

function applyOne(
  action: DialogueAction,
  state: DialogueState,
  declared: ReadonlyMap<string, ValueType>,
  nodeId: string,
  quests: QuestContext,
  events: RuntimeEvent[],
  changes: QuestChange[],
): void {
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
      startQuest(quests, action.questId, changes);
      break;
    case 'advanceQuest':
      advanceQuest(quests, action.questId, action.stage, changes);
      break;
    case 'completeObjective':
      completeObjective(quests, action.questId, action.objectiveId, changes);
      break;
    case 'completeQuest':
      completeQuest(quests, action.questId, changes);
      break;
    case 'giveItem':
      setOwn(state.inventory, action.itemId, (own(state.inventory, action.itemId) ?? 0) + action.count);
      events.push({ type: 'itemGiven', nodeId, itemId: action.itemId, count: action.count });
      break;
    case 'command':
      events.push({ type: 'command', nodeId, name: action.name, args: [...action.args] });
      if (quests.definitions.size > 0) progressQuests(quests, { type: 'custom', name: action.name }, changes);
      break;
  }
}
