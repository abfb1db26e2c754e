import type { Expr, ExprType, Span } from './ast';
import type { ExpressionErrorCode } from './expression-error';
import { parseExpression } from './parser';
import { describeType, typecheck, type DeclaredVariables, type ExpressionContext, type TypeProblemCode } from './typecheck';

export type ConditionProblemCode = `invalid_condition` | TypeProblemCode;

export interface ConditionProblem {
  code: ConditionProblemCode;
  /** Set for `invalid_condition`: which limit or rule the text broke. */
  reason?: ExpressionErrorCode;
  message: string;
  span: Span;
}

export interface CheckedCondition {
  /** Present when the text parsed, even if it has type problems; `.Case` shorthands resolved where possible. */
  ast: Expr | undefined;
  /** The expression's type, when it parsed and is known. */
  type?: ExprType;
  problems: ConditionProblem[];
}

function check(
  source: string,
  context: ExpressionContext | DeclaredVariables,
  expected: ExprType | undefined,
  mismatch: (actual: ExprType, expected: ExprType) => string,
): CheckedCondition {
  const parsed = parseExpression(source);
  if (!parsed.ok) {
    const { code, message, span } = parsed.error;
    return { ast: undefined, problems: [{ code: 'invalid_condition', reason: code, message, span }] };
  }
  const { type, problems, ast } = typecheck(parsed.ast, context, expected);
  const all: ConditionProblem[] = [...problems];
  if (expected !== undefined && type !== undefined && type !== expected) {
    all.push({ code: 'type_mismatch', message: mismatch(type, expected), span: parsed.ast.span });
  }
  return type === undefined ? { ast, problems: all } : { ast, type, problems: all };
}

/** Parses and typechecks a condition as written in a dialogue: it must be true or false. */
export const checkCondition = (source: string, context: ExpressionContext | DeclaredVariables): CheckedCondition =>
  check(source, context, 'bool', (actual) => `A condition must be true or false, but this is ${describeType(actual)}`);

/**
 * Parses and typechecks any expression: a set action's value (`expected` the variable's
 * type, which also resolves a lone `.Case`), a jump target (`string`), an interpolation (no expectation).
 */
export const checkExpression = (source: string, context: ExpressionContext | DeclaredVariables, expected?: ExprType): CheckedCondition =>
  check(source, context, expected, (actual, wanted) => `This needs to be ${describeType(wanted)}, but it is ${describeType(actual)}`);
