import type { PackExpr } from '../pack/pack-schema';

const literal = (value: boolean | number | string): string =>
  typeof value === 'string' ? `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"` : String(value);

/**
 * A condition tree written back as text in the syntax Loreweaver, Yarn Spinner and
 * SugarCube share: `$var`, double-quoted strings, `and`/`or`/`not`, comparisons, arithmetic and calls.
 * Every compound operand is parenthesized, so no tool's precedence rules matter.
 */
export function expressionText(expr: PackExpr): string {
  const operand = (inner: PackExpr) =>
    inner.type === 'literal' || inner.type === 'variable' || inner.type === 'call' ? expressionText(inner) : `(${expressionText(inner)})`;
  switch (expr.type) {
    case 'literal':
      return literal(expr.value);
    case 'variable':
      return `$${expr.name}`;
    case 'not':
      return `not ${operand(expr.operand)}`;
    case 'logical':
      return expr.operands.map(operand).join(` ${expr.operator} `);
    case 'compare':
      return `${operand(expr.left)} ${expr.operator} ${operand(expr.right)}`;
    case 'call':
      return `${expr.name}(${expr.args.map(expressionText).join(', ')})`;
    case 'unary':
      return `-${operand(expr.operand)}`;
    case 'arithmetic':
      return `${operand(expr.left)} ${expr.operator} ${operand(expr.right)}`;
  }
}
