import { own } from '../own-property';
import { typeOfValue, type ArithmeticExpr, type CompareExpr, type Expr, type Value } from './ast';
import { lookupEnumCase, NO_ENUMS } from './enum-cases';
import { AssertionFailure, EvaluationError } from './evaluation-error';
import { AssertionFailed, FunctionArgumentError, type EvaluationScope, type ParamType } from './function-definition';
import { acceptsArgumentCount, describeArity, lookupFunction } from './functions';
import { EXPRESSION_LIMITS } from './limits';

export { AssertionFailure, EvaluationError } from './evaluation-error';

const expect = (value: Value, type: ParamType, expr: Expr, what: string): Value => {
  if (type !== 'any' && typeOfValue(value) !== type) {
    throw new EvaluationError(`${what} needs a ${type}, got ${typeOfValue(value)} ${JSON.stringify(value)}`, expr.span);
  }
  return value;
};

/**
 * Evaluates a parsed expression. Strictly typed, with no truthiness or implicit conversion:
 * `and`, `or` and `not` take booleans, ordering and arithmetic take numbers (`+` also joins
 * two strings), equality takes two values of one type. That is what `typecheck` proves
 * ahead of time, and what every exported runtime can match exactly. Enum cases evaluate to
 * their raw values; smart variables are evaluated when read, against the current state,
 * within the nesting and read limits of EXPRESSION_LIMITS.
 */
export function evaluate(expr: Expr, scope: EvaluationScope): Value {
  const reading: string[] = [];
  let reads = 0;

  const readVariable = (expr: Expr & { type: 'variable' }): Value => {
    const smart = scope.smart?.get(expr.name);
    if (smart === undefined) {
      const value = own(scope.state.variables, expr.name);
      if (value === undefined) throw new EvaluationError(`Variable $${expr.name} has no value`, expr.span);
      return value;
    }
    if (reading.includes(expr.name)) {
      throw new EvaluationError(
        `Smart variable $${expr.name} refers to itself through ${reading.map((n) => `$${n}`).join(' → ')}`,
        expr.span,
      );
    }
    if (reading.length >= EXPRESSION_LIMITS.maxSmartDepth) {
      throw new EvaluationError(`Smart variables nest more than ${EXPRESSION_LIMITS.maxSmartDepth} deep at $${expr.name}`, expr.span);
    }
    if (++reads > EXPRESSION_LIMITS.maxSmartReads) {
      throw new EvaluationError(`Smart variables are read more than ${EXPRESSION_LIMITS.maxSmartReads} times in one evaluation`, expr.span);
    }
    reading.push(expr.name);
    const value = visit(smart);
    reading.pop();
    return value;
  };

  const call = (expr: Expr & { type: 'call' }): Value => {
    const fn = lookupFunction(expr.name);
    if (!fn) throw new EvaluationError(`Unknown function ${expr.name}()`, expr.span);
    if (!acceptsArgumentCount(fn, expr.args.length)) {
      throw new EvaluationError(`${expr.name}() takes ${describeArity(fn)}, got ${expr.args.length}`, expr.span);
    }
    const args = expr.args.map((arg, i) => expect(visit(arg), fn.params[i], arg, `Argument ${i + 1} of ${expr.name}()`));
    try {
      return fn.call(args, scope);
    } catch (error) {
      if (error instanceof AssertionFailed) throw new AssertionFailure(error.detail, expr.span);
      if (error instanceof FunctionArgumentError) throw new EvaluationError(error.message, expr.span);
      throw error;
    }
  };

  const visit = (expr: Expr): Value => {
    switch (expr.type) {
      case 'literal':
        return expr.value;
      case 'variable':
        return readVariable(expr);
      case 'enumCase': {
        const found = lookupEnumCase(scope.enums ?? NO_ENUMS, expr);
        if (!found.ok) throw new EvaluationError(found.message, expr.span);
        return found.value;
      }
      case 'not':
        return !expect(visit(expr.operand), 'bool', expr.operand, "'not'");
      case 'unary':
        return -(expect(visit(expr.operand), 'number', expr.operand, "'-'") as number);
      case 'logical': {
        const stopOn = expr.operator === 'or';
        for (const operand of expr.operands) {
          if (expect(visit(operand), 'bool', operand, `'${expr.operator}'`) === stopOn) return stopOn;
        }
        return !stopOn;
      }
      case 'arithmetic':
        return arithmetic(expr, visit(expr.left), visit(expr.right));
      case 'compare':
        return compare(expr, visit(expr.left), visit(expr.right));
      case 'call':
        return call(expr);
    }
  };

  return visit(expr);
}

function arithmetic(expr: ArithmeticExpr, left: Value, right: Value): Value {
  if (expr.operator === '+' && typeof left === 'string') {
    return left + (expect(right, 'string', expr.right, "'+' with a string on the left") as string);
  }
  const a = expect(left, 'number', expr.left, `'${expr.operator}'`) as number;
  const b = expect(right, 'number', expr.right, `'${expr.operator}'`) as number;
  switch (expr.operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
    case '%':
      if (b === 0) throw new EvaluationError(`Division by zero in '${expr.operator}'`, expr.span);
      return expr.operator === '/' ? a / b : a % b;
  }
}

function compare(expr: CompareExpr, left: Value, right: Value): boolean {
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
