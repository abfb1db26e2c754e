import type { DialogueAction } from './dialogue-schema';
import type { DialogueState } from './dialogue-state-types';
import { splitCommandText } from './command-text';
import { typeOfValue, type ExprType, type Value, type ValueType } from './expression/ast';
import { own, setOwn } from './own-property';
import { PlayError } from './play-error';
import type { RuntimeEvent } from './runtime-event';
import type { RuntimeLanguage } from './runtime-language';
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

/** What actions read of the dialogue being played: its variables' types (smart ones cannot be set) and its language. */
export interface ActionContext {
  /** The type each variable's stored value has, or `smart`. */
  readonly types: ReadonlyMap<string, ValueType | 'smart'>;
  /** Each variable's type in expressions (`enum:Food` for an enum), which a set expression must have. */
  readonly expressionTypes: ReadonlyMap<string, ExprType>;
  readonly language: RuntimeLanguage;
}

/**
 * Applies one action to the state in place and returns the events it caused. Quest
 * actions go through the quest state machine (main/domain/quest/quest-machine.ts): they
 * start the quest when needed, so "complete objective" works on a quest the player picked
 * up elsewhere and on one they did not, and repeating an action that changes nothing
 * records nothing. With quest definitions (`quests.definitions`), prerequisites, stages,
 * outcomes and rewards apply; a `command` action is also the custom world event of its
 * name; and after every action the active quests settle, since a variable or an item can
 * be what a stage or a fail condition waits for. An action that cannot apply (adding to a
 * string, setting a smart variable, a failed assertion) throws PlayError.
 */
export function applyAction(
  action: DialogueAction,
  state: DialogueState,
  context: ActionContext,
  nodeId: string,
  quests: QuestContext,
): RuntimeEvent[] {
  const events: RuntimeEvent[] = [];
  const changes: QuestChange[] = [];
  try {
    applyOne(action, state, context, nodeId, quests, events, changes);
  } catch (error) {
    if (error instanceof QuestRuleError) throw new PlayError(error.message);
    throw error;
  }
  if (quests.definitions.size > 0) settleQuests(quests, changes);
  for (const change of changes) events.push({ ...change, nodeId });
  return events;
}

/**
 * The value a set-variable action gives: `=` replaces (the type must stay the declared one,
 * or for an undeclared variable the one it has); `+=` and `-=` add and subtract numbers, and
 * `+=` also joins strings.
 */
function assigned(operator: '=' | '+=' | '-=', variable: string, from: Value | undefined, to: Value, type: ValueType | undefined): Value {
  if (operator === '=') {
    if (type !== undefined && typeOfValue(to) !== type)
      throw new PlayError(`$${variable} is a ${type}; cannot set it to ${JSON.stringify(to)}`);
    return to;
  }
  if (typeof from === 'number' && typeof to === 'number') return operator === '+=' ? from + to : from - to;
  if (operator === '+=' && typeof from === 'string' && typeof to === 'string') return from + to;
  throw new PlayError(`'${operator}' needs numbers; $${variable} is ${JSON.stringify(from)} and the value ${JSON.stringify(to)}`);
}

function applyOne(
  action: DialogueAction,
  state: DialogueState,
  context: ActionContext,
  nodeId: string,
  quests: QuestContext,
  events: RuntimeEvent[],
  changes: QuestChange[],
): void {
  switch (action.type) {
    case 'setVariable': {
      const declared = context.types.get(action.variable);
      if (declared === 'smart') throw new PlayError(`$${action.variable} is a smart variable; it cannot be set`);
      const from = own(state.variables, action.variable);
      const value =
        action.expression === undefined
          ? action.value
          : context.language.value(action.expression, 'Value', context.expressionTypes.get(action.variable));
      const to = assigned(action.operator, action.variable, from, value, declared ?? (from === undefined ? undefined : typeOfValue(from)));
      if (from !== to) {
        setOwn(state.variables, action.variable, to);
        events.push({ type: 'variableChanged', nodeId, name: action.variable, from, to });
      }
      break;
    }
    case 'call':
      context.language.value(action.expression, 'Call');
      break;
    case 'commandText': {
      const { name, args } = splitCommandText(action.text, context.language.text(action.text).text);
      command(name, args, nodeId, quests, events, changes);
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
      command(action.name, [...action.args], nodeId, quests, events, changes);
      break;
  }
}

/** A game command, recorded for the host; with quest definitions it is also the custom world event of its name. */
function command(name: string, args: Value[], nodeId: string, quests: QuestContext, events: RuntimeEvent[], changes: QuestChange[]): void {
  events.push({ type: 'command', nodeId, name, args });
  if (quests.definitions.size > 0) progressQuests(quests, { type: 'custom', name }, changes);
}
