import type { Expr } from './ast';

/**
 * How specific a group candidate is, for the `best` saliency rules: no condition is 0;
 * a condition is 1 plus its boolean operators (`not` counts one, an `and`/`or` of k operands
 * counts k - 1); `once` adds 1.
 */
export function complexity(ast: Expr | undefined, once: boolean): number {
  let total = once ? 1 : 0;
  if (ast === undefined) return total;
  total += 1;
  const stack: Expr[] = [ast];
  while (stack.length > 0) {
    const expr = stack.pop()!;
    switch (expr.type) {
      case 'not':
        total += 1;
        stack.push(expr.operand);
        break;
      case 'logical':
        total += expr.operands.length - 1;
        stack.push(...expr.operands);
        break;
      case 'unary':
        stack.push(expr.operand);
        break;
      case 'compare':
      case 'arithmetic':
        stack.push(expr.left, expr.right);
        break;
      case 'call':
        stack.push(...expr.args);
        break;
    }
  }
  return total;
}
