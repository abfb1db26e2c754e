import type { DialogueState } from '../dialogue-state-types';
import { own } from '../own-property';
import type { Value, ValueType } from './ast';

/** What a condition may read while it is evaluated: the state, and the seeded generator for `random()`. */
export interface EvaluationScope {
  readonly state: DialogueState;
  /** The dialogue being played, for `visited`. */
  readonly dialogueId: string;
  /** Uniform in [0, 1), from the runtime's seeded generator. */
  random(): number;
}

export interface FunctionDefinition {
  readonly params: readonly ValueType[];
  readonly returns: ValueType;
  readonly summary: string;
  call(args: readonly Value[], scope: EvaluationScope): Value;
}

/** Thrown by a function given an argument its signature allows but its meaning does not. */
export class FunctionArgumentError extends Error {}

const quest = (scope: EvaluationScope, id: Value) => own(scope.state.quests, id as string);

/**
 * The functions conditions may call. Deliberately few, each a plain read of the dialogue
 * state, so the hand-written Luau runtime implements exactly the same set.
 */
export const EXPRESSION_FUNCTIONS: Readonly<Record<string, FunctionDefinition>> = Object.freeze({
  active: {
    params: ['string'],
    returns: 'bool',
    summary: 'active("quest") is true while the quest is started and not completed',
    call: ([id], scope) => quest(scope, id)?.status === 'active',
  },
  completed: {
    params: ['string'],
    returns: 'bool',
    summary: 'completed("quest") is true once the quest is completed',
    call: ([id], scope) => quest(scope, id)?.status === 'completed',
  },
  failed: {
    params: ['string'],
    returns: 'bool',
    summary: 'failed("quest") is true once the quest has failed',
    call: ([id], scope) => quest(scope, id)?.status === 'failed',
  },
  quest_stage: {
    params: ['string'],
    returns: 'number',
    summary: 'quest_stage("quest") is the stage the quest has reached; 0 before it starts',
    call: ([id], scope) => quest(scope, id)?.stage ?? 0,
  },
  quest_stage_id: {
    params: ['string'],
    returns: 'string',
    summary: 'quest_stage_id("quest") is the id of the stage the quest is at; "" before it starts or without a definition',
    call: ([id], scope) => quest(scope, id)?.stageId ?? '',
  },
  objective_done: {
    params: ['string', 'string'],
    returns: 'bool',
    summary: 'objective_done("quest", "objective") is true once that objective is completed',
    call: ([id, objective], scope) => own(quest(scope, id)?.objectives, objective as string) === true,
  },
  objective_count: {
    params: ['string', 'string'],
    returns: 'number',
    summary: 'objective_count("quest", "objective") is how many events the objective has counted (defeat 5 wolves)',
    call: ([id, objective], scope) => own(quest(scope, id)?.counts, objective as string) ?? 0,
  },
  item_count: {
    params: ['string'],
    returns: 'number',
    summary: 'item_count("item") is how many of the item the player holds',
    call: ([item], scope) => own(scope.state.inventory, item as string) ?? 0,
  },
  visited: {
    params: ['string'],
    returns: 'bool',
    summary: 'visited("node") is true once the node of this dialogue has been entered',
    call: ([node], scope) => (own(own(scope.state.visits, scope.dialogueId), node as string) ?? 0) > 0,
  },
  random: {
    params: ['number'],
    returns: 'number',
    summary: 'random(n) is a whole number from 0 to n - 1, from the seeded generator',
    call: ([n], scope) => {
      const count = n as number;
      if (!Number.isInteger(count) || count < 1 || count > 2 ** 31) {
        throw new FunctionArgumentError(`random() needs a whole number from 1 to 2^31, got ${count}`);
      }
      return Math.floor(scope.random() * count);
    },
  },
});

export const lookupFunction = (name: string): FunctionDefinition | undefined => own(EXPRESSION_FUNCTIONS, name);
