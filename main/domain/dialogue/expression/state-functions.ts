import { own } from '../own-property';
import type { Value } from './ast';
import type { EvaluationScope, FunctionDefinition } from './function-definition';

const quest = (scope: EvaluationScope, id: Value) => own(scope.state.quests, id as string);
const visits = (scope: EvaluationScope, node: Value) => own(own(scope.state.visits, scope.dialogueId), node as string) ?? 0;

/** Reads of the playthrough's state: quests, inventory and visits. */
export const STATE_FUNCTIONS: Readonly<Record<string, FunctionDefinition>> = {
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
    summary: 'visited("node") is true once the node of this dialogue has been visited (a section: left)',
    call: ([node], scope) => visits(scope, node) > 0,
  },
  visited_count: {
    params: ['string'],
    returns: 'number',
    summary: 'visited_count("node") is how many times the node of this dialogue has been visited (a section: left)',
    call: ([node], scope) => visits(scope, node),
  },
};
