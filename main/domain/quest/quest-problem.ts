import type { ProblemSeverity } from '../dialogue/dialogue-problem';
import type { Span } from '../dialogue/expression/ast';
import type { ConditionProblemCode } from '../dialogue/expression/condition';

export type QuestProblemCode =
  | 'empty_title'
  | 'missing_start'
  | 'unknown_stage'
  | 'duplicate_id'
  | 'unknown_npc'
  | 'unknown_item'
  | 'unknown_location'
  | 'unknown_quest'
  | 'unknown_objective'
  | ConditionProblemCode
  | 'unreachable_stage'
  | 'no_way_to_complete'
  | 'no_required_objective'
  | 'prerequisite_cycle'
  | 'reward_target';

/**
 * One finding of `validateQuests`, located for the validation panel: the quest (absent for
 * a dialogue action naming a quest that does not exist), the stage, a field path within the
 * quest, a span within a condition, and for problems found in dialogues the dialogue and node.
 */
export interface QuestProblem {
  severity: ProblemSeverity;
  code: QuestProblemCode;
  message: string;
  questId?: string;
  stageId?: string;
  field?: string;
  span?: Span;
  dialogueId?: string;
  nodeId?: string;
}
