import type { Expr } from '../dialogue/expression/ast';
import { parseExpression } from '../dialogue/expression/parser';
import type { PackCondition, PackExpr } from './pack-schema';

/** The parser's tree without editor spans: what a pack ships. */
export function stripSpans(expr: Expr): PackExpr {
  switch (expr.type) {
    case 'literal':
      return { type: 'literal', value: expr.value };
    case 'variable':
      return { type: 'variable', name: expr.name };
    case 'not':
      return { type: 'not', operand: stripSpans(expr.operand) };
    case 'logical':
      return { type: 'logical', operator: expr.operator, operands: expr.operands.map(stripSpans) };
    case 'compare':
      return { type: 'compare', operator: expr.operator, left: stripSpans(expr.left), right: stripSpans(expr.right) };
    case 'call':
      return { type: 'call', name: expr.name, args: expr.args.map(stripSpans) };
  }
}

/**
 * A condition as the pack carries it, or the parser's message when it does not parse. The
 * source is kept as the studio's runtime quotes it in messages (options trimmed, branches as written).
 */
export function packCondition(source: string): PackCondition | { error: string } {
  const parsed = parseExpression(source);
  return parsed.ok ? { source, ast: stripSpans(parsed.ast) } : { error: parsed.error.message };
}
