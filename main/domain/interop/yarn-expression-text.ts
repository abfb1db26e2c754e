import type { YarnExpr } from './yarn-expression';

/** Loreweaver's precedence (spec: `or` < `and` < `not` < comparisons < `+ -` < `* / %` < unary `-` < operand). */
const LEVEL: Record<string, number> = {
  or: 1,
  and: 2,
  not: 3,
  '==': 4,
  '!=': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
  negate: 7,
  operand: 8,
};

const level = (expr: YarnExpr): number =>
  expr.type === 'binary' ? LEVEL[expr.operator] : expr.type === 'unary' ? LEVEL[expr.operator === 'not' ? 'not' : 'negate'] : LEVEL.operand;

/** A string literal in double quotes with `\` and `"` escaped, which Yarn and Loreweaver read alike. */
export const quoted = (text: string) => `"${text.replace(/[\\"]/g, '\\$&')}"`;

/**
 * An expression as text that Loreweaver and Yarn both read as this tree: word operators
 * (`and`, `or`, `not`), `==` for Yarn's `is`/`eq`, and parentheses wherever the two
 * languages' precedence differs (the operand of `not` or of a unary `-` unless it is a single
 * value; a comparison or `not` inside a comparison: `!$a == $b` is `(not $a) == $b`). The
 * same tree always gives the same text, so an import of an export is the same dialogue.
 * `enumOf` names the enum of a short case (`.Apple`) when the importer knows it.
 */
export function yarnExpressionText(expr: YarnExpr, enumOf: (caseName: string) => string | undefined = () => undefined): string {
  const text = (node: YarnExpr): string => {
    const child = (inner: YarnExpr, min: number) => (level(inner) < min ? `(${text(inner)})` : text(inner));
    switch (node.type) {
      case 'literal':
        return typeof node.value === 'string' ? quoted(node.value) : String(node.value);
      case 'variable':
        return `$${node.name}`;
      case 'enumCase': {
        const owner = node.enum ?? enumOf(node.name);
        return owner ? `${owner}.${node.name}` : `.${node.name}`;
      }
      case 'call':
        return `${node.name}(${node.args.map(text).join(', ')})`;
      case 'unary':
        return `${node.operator === 'not' ? 'not ' : '-'}${child(node.operand, LEVEL.operand)}`;
      case 'binary': {
        const own = LEVEL[node.operator];
        const comparison = own === LEVEL['=='];
        return `${child(node.left, comparison ? own + 1 : own)} ${node.operator} ${child(node.right, own + 1)}`;
      }
    }
  };
  return text(expr);
}
