import type { Span } from './expression/ast';
import type { ConditionProblemCode } from './expression/condition';
import type { ContextProblemCode } from './expression/expression-context';
import type { TemplateProblemCode } from './text/check-template';

export type ProblemSeverity = 'error' | 'warning';

export type DialogueProblemCode =
  | ConditionProblemCode
  | ContextProblemCode
  | TemplateProblemCode
  | 'missing_start'
  | 'dangling_target'
  | 'missing_target'
  | 'unreachable_node'
  | 'no_path_to_end'
  | 'unknown_dialogue'
  | 'unknown_quest'
  | 'unknown_stage'
  | 'unknown_objective'
  | 'unknown_item'
  | 'empty_text'
  | 'missing_line_id'
  | 'duplicate_line_id'
  | 'duplicate_choice_text'
  | 'duplicate_id'
  | 'duplicate_variable'
  | 'empty_choice'
  | 'empty_branch'
  | 'empty_group'
  | 'duplicate_section_title'
  | 'smart_variable_set'
  | 'not_a_call'
  /** The studio refused to save this node or field (reported by the editor, not by validateDialogue). */
  | 'save_refused';

/**
 * One finding of `validateDialogue`, located precisely enough for the validation panel to
 * focus the node and the field: `nodeId` (absent for dialogue-level problems), `field` as a
 * path within the node or dialogue, and `span` within a condition's text.
 */
export interface DialogueProblem {
  severity: ProblemSeverity;
  code: DialogueProblemCode;
  message: string;
  nodeId?: string;
  field?: string;
  span?: Span;
}
