import type { Expr, Span } from './ast';
import type { ExpressionErrorCode } from './expression-error';
import { parseExpression } from './parser';
import { typecheck, type DeclaredVariables, type TypeProblemCode } from './typecheck';

export type ConditionProblemCode = `invalid_condition` | TypeProblemCode;

export interface ConditionProblem {
  code: ConditionProblemCode;
  /** Set for `invalid_condition`: which limit or rule the text broke. */
  reason?: ExpressionErrorCode;
  message: string;
  span: Span;
}

export interface CheckedCondition {
  /** Present when the condition parsed, even if it has type problems. */
  ast: Expr | undefined;
  problems: ConditionProblem[];
}

/** Parses and typechecks a condition as written in a dialogue: it must be true or false. */
export function checkCondition(source: string, declared: DeclaredVariables): CheckedCondition {
  const parsed = parseExpression(source);
  if (!parsed.ok) {
    const { code, message, span } = parsed.error;
    return { ast: undefined, problems: [{ code: 'invalid_condition', reason: code, message, span }] };
  }
  const { type, problems } = typecheck(parsed.ast, declared);
  const all: ConditionProblem[] = [...problems];
  if (type !== undefined && type !== 'bool') {
    all.push({ code: 'type_mismatch', message: `A condition must be true or false, but this is a ${type}`, span: parsed.ast.span });
  }
  return { ast: parsed.ast, problems: all };
}
