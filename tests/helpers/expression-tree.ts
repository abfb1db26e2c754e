import { parseExpression, type Expr } from '../../main/domain/dialogue';

/** The parsed tree of an expression that must parse. */
export const ast = (source: string): Expr => {
  const result = parseExpression(source);
  if (!result.ok) throw new Error(result.error.message);
  return result.ast;
};

/** The parser's error for an expression that must not parse. */
export const errorOf = (source: string) => {
  const result = parseExpression(source);
  if (result.ok) throw new Error(`"${source}" parsed`);
  return result.error;
};

/** The tree without spans: operators as [left, op, right], unary minus as ['-', x], enum cases as 'Enum.Case'. */
export const shape = (expr: Expr): unknown => {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'variable':
      return `$${expr.name}`;
    case 'enumCase':
      return `${expr.enum ?? ''}.${expr.case}`;
    case 'not':
      return { not: shape(expr.operand) };
    case 'unary':
      return ['-', shape(expr.operand)];
    case 'logical':
      return { [expr.operator]: expr.operands.map(shape) };
    case 'compare':
    case 'arithmetic':
      return [shape(expr.left), expr.operator, shape(expr.right)];
    case 'call':
      return { [expr.name]: expr.args.map(shape) };
  }
};
