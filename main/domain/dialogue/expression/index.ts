/**
 * The condition language of dialogues: `$gold >= 10 and not $met_king`. Variables are
 * `$name`; values are numbers, 'single' or "double" quoted strings (escapes \\ \' \" \n \t
 * \r \uXXXX) and true/false; operators are == != < <= > >=, and, or, not and parentheses;
 * functions are listed in EXPRESSION_FUNCTIONS (active, completed, failed, quest_stage,
 * quest_stage_id, objective_done, objective_count, item_count, visited, random). Parsed by hand into a JSON tree, never
 * evaluated with eval, and strictly typed (no truthiness).
 */
export type * from './ast';
export { typeOfValue } from './ast';
export { checkCondition, type CheckedCondition, type ConditionProblem, type ConditionProblemCode } from './condition';
export { evaluate, EvaluationError } from './evaluator';
export type { ExpressionError, ExpressionErrorCode } from './expression-error';
export { EXPRESSION_FUNCTIONS, type FunctionDefinition, type EvaluationScope } from './functions';
export { EXPRESSION_LIMITS } from './limits';
export { parseExpression, type ParseResult } from './parser';
export {
  typecheck,
  toVariableTypes,
  type DeclaredVariables,
  type TypecheckResult,
  type TypeProblem,
  type TypeProblemCode,
} from './typecheck';
