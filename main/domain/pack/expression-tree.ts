import type { Expr } from '../dialogue/expression/ast';
import { lookupEnumCase, NO_ENUMS, type DeclaredEnum } from '../dialogue/expression/enum-cases';
import { parseExpression } from '../dialogue/expression/parser';
import { toExpressionContext, typecheck, type ExpressionContext } from '../dialogue/expression/typecheck';
import type { PackCondition, PackExpr } from './pack-schema';

/** An enum case in a tree being lowered names no case of the dialogue's enums. */
export class UnresolvedEnumCase extends Error {}

/**
 * The parser's tree as a pack ships it: without editor spans, enum cases lowered to their
 * raw values as literals. A `.Case` must already be resolved (as `typecheck` returns the
 * tree) or belong to one enum only; else this throws UnresolvedEnumCase.
 */
export function toPackExpr(expr: Expr, enums: ReadonlyMap<string, DeclaredEnum> = NO_ENUMS): PackExpr {
  const lower = (expr: Expr): PackExpr => {
    switch (expr.type) {
      case 'literal':
        return { type: 'literal', value: expr.value };
      case 'variable':
        return { type: 'variable', name: expr.name };
      case 'enumCase': {
        const found = lookupEnumCase(enums, expr);
        if (!found.ok) throw new UnresolvedEnumCase(found.message);
        return { type: 'literal', value: found.value };
      }
      case 'not':
        return { type: 'not', operand: lower(expr.operand) };
      case 'unary':
        return { type: 'unary', operator: '-', operand: lower(expr.operand) };
      case 'logical':
        return { type: 'logical', operator: expr.operator, operands: expr.operands.map(lower) };
      case 'arithmetic':
        return { type: 'arithmetic', operator: expr.operator, left: lower(expr.left), right: lower(expr.right) };
      case 'compare':
        return { type: 'compare', operator: expr.operator, left: lower(expr.left), right: lower(expr.right) };
      case 'call':
        return { type: 'call', name: expr.name, args: expr.args.map(lower) };
    }
  };
  return lower(expr);
}

/** The tree without spans, for expressions that cannot name enum cases (quest conditions). */
export const stripSpans = (expr: Expr): PackExpr => toPackExpr(expr);

/**
 * An expression as the pack carries it, or the parser's message when it does not parse (or
 * names an enum case the context lacks). The source is kept as the studio's runtime quotes
 * it in messages (options trimmed, branches as written). With a context, `.Case` shorthands
 * are resolved the way typechecking resolves them.
 */
export function packCondition(source: string, context?: ExpressionContext): PackCondition | { error: string } {
  const parsed = parseExpression(source);
  if (!parsed.ok) return { error: parsed.error.message };
  const full = context && toExpressionContext(context);
  const ast = full ? typecheck(parsed.ast, full).ast : parsed.ast;
  try {
    return { source, ast: toPackExpr(ast, full?.enums) };
  } catch (error) {
    if (error instanceof UnresolvedEnumCase) return { error: error.message };
    throw error;
  }
}
