/**
 * The expression language of dialogues: `$gold >= 10 and not $met_king`, `$gold * 2`,
 * `"Sir " + $name`, `$food == Food.Apple`. Variables are `$name`; values are numbers (with
 * decimals), 'single' or "double" quoted strings (escapes \\ \' \" \n \t \r \uXXXX),
 * true/false and enum cases (`Food.Apple`, `.Apple`); operators, loosest first: or (||),
 * and (&&), not (!), comparisons (== != < <= > >=, and Yarn's is eq neq gt lt gte lte),
 * + -, * / %, unary -; parentheses; functions are listed in EXPRESSION_FUNCTIONS. Parsed by
 * hand into a JSON tree, never evaluated with eval, and strictly typed (no truthiness, no
 * implicit conversion).
 */
export type * from './ast';
export { typeOfValue, enumType, enumOfType } from './ast';
export { checkCondition, checkExpression, type CheckedCondition, type ConditionProblem, type ConditionProblemCode } from './condition';
export { complexity } from './complexity';
export { enumCaseValue, lookupEnumCase, type EnumCaseLookup, type DeclaredEnum } from './enum-cases';
export { evaluate, EvaluationError, AssertionFailure } from './evaluator';
export {
  expressionContext,
  type BuiltContext,
  type DeclaredVariable,
  type ContextProblem,
  type ContextProblemCode,
} from './expression-context';
export type { ExpressionError, ExpressionErrorCode } from './expression-error';
export { formatValue } from './format-value';
export { EXPRESSION_FUNCTIONS, type FunctionDefinition, type EvaluationScope, type ParamType } from './functions';
export { EXPRESSION_LIMITS } from './limits';
export { parseExpression, type ParseResult } from './parser';
export {
  typecheck,
  toVariableTypes,
  toExpressionContext,
  describeType,
  type DeclaredVariables,
  type ExpressionContext,
  type TypecheckResult,
  type TypeProblem,
  type TypeProblemCode,
} from './typecheck';
