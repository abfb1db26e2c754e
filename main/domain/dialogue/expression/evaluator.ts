import { own } from '../own-property';
import { typeOfValue, type Expr, type Span, type Value, type ValueType } from './ast';
import { FunctionArgumentError, lookupFunction, type EvaluationScope } from './functions';

/** A condition that parsed but cannot be evaluated against this state (a missing or mistyped variable). */
export class EvaluationError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
    this.name = 'EvaluationError';
  }
}

const expect = (value: Value, type: ValueType, expr: Expr, what: string): Value => {
  if (typeOfValue(value) !== type) {
    throw new EvaluationError(`${what} needs a ${type}, got ${typeOfValue(value)} ${JSON.stringify(value)}`, expr.span);
  }
  return value;
};

/**
 * Evaluates a parsed condition. Strictly typed, with no truthiness: `and`, `or` and `not`
 * take booleans, ordering takes numbers, equality takes two values of one type. That is
 * what `typecheck` proves ahead of time, and what every exported runtime can match exactly.
 */
export function evaluate(expr: Expr, scope: EvaluationScope): Value {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'variable': {
      const value = own(scope.state.variables, expr.name);
      if (value === undefined) throw new EvaluationError(`Variable $${expr.name} has no value`, expr.span);
      return value;
    }
    case 'not':
      return !expect(evaluate(expr.operand, scope), 'bool', expr.operand, "'not'");
    case 'logical': {
      const stopOn = expr.operator === 'or';
      for (const operand of expr.operands) {
        if (expect(evaluate(operand, scope), 'bool', operand, `'${expr.operator}'`) === stopOn) return stopOn;
      }
      return !stopOn;
    }
    case 'compare':
      return compare(expr, evaluate(expr.left, scope), evaluate(expr.right, scope));
    case 'call': {
      const fn = lookupFunction(expr.name);
      if (!fn) throw new EvaluationError(`Unknown function ${expr.name}()`, expr.span);
      if (fn.params.length !== expr.args.length) {
        throw new EvaluationError(`${expr.name}() takes ${fn.params.length} argument(s), got ${expr.args.length}`, expr.span);
      }
      const args = expr.args.map((arg, i) => expect(evaluate(arg, scope), fn.params[i], arg, `Argument ${i + 1} of ${expr.name}()`));
      try {
        return fn.call(args, scope);
      } catch (error) {
        if (error instanceof FunctionArgumentError) throw new EvaluationError(error.message, expr.span);
        throw error;
      }
    }
  }
}

function compare(expr: Expr & { type: 'compare' }, left: Value, right: Value): boolean {
  if (expr.operator === '==' || expr.operator === '!=') {
    expect(right, typeOfValue(left), expr.right, `'${expr.operator}' with a ${typeOfValue(left)} on the left`);
    return (left === right) === (expr.operator === '==');
  }
  const a = expect(left, 'number', expr.left, `'${expr.operator}'`) as number;
  const b = expect(right, 'number', expr.right, `'${expr.operator}'`) as number;
  switch (expr.operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}
