import type { Expr, Span, ValueType } from './ast';
import { typeOfValue } from './ast';
import { lookupFunction } from './functions';

export type TypeProblemCode = 'undeclared_variable' | 'type_mismatch' | 'unknown_function' | 'wrong_argument_count';

export interface TypeProblem {
  code: TypeProblemCode;
  message: string;
  span: Span;
}

export interface TypecheckResult {
  /** The expression's type, or undefined where a problem leaves it unknown. */
  type: ValueType | undefined;
  problems: TypeProblem[];
}

/** Declared variables as a list (the dialogue's declarations) or an already built name → type map. */
export type DeclaredVariables = readonly { name: string; type: ValueType }[] | ReadonlyMap<string, ValueType>;

export const toVariableTypes = (declared: DeclaredVariables): ReadonlyMap<string, ValueType> =>
  declared instanceof Map ? declared : new Map((declared as readonly { name: string; type: ValueType }[]).map((v) => [v.name, v.type]));

/**
 * Finds every undeclared variable, unknown function and type mismatch in one pass, so the
 * validation panel lists them all rather than the first. Unknown types do not cascade:
 * `$undeclared > 3` reports the variable, not also the comparison.
 */
export function typecheck(ast: Expr, declared: DeclaredVariables): TypecheckResult {
  const variables = toVariableTypes(declared);
  const problems: TypeProblem[] = [];
  const mismatch = (expr: Expr, message: string) => problems.push({ code: 'type_mismatch', message, span: expr.span });
  const want = (expr: Expr, type: ValueType, what: string) => {
    const actual = visit(expr);
    if (actual !== undefined && actual !== type) mismatch(expr, `${what} needs a ${type}, but this is a ${actual}`);
  };

  const visit = (expr: Expr): ValueType | undefined => {
    switch (expr.type) {
      case 'literal':
        return typeOfValue(expr.value);
      case 'variable': {
        const type = variables.get(expr.name);
        if (!type) problems.push({ code: 'undeclared_variable', message: `Variable $${expr.name} is not declared`, span: expr.span });
        return type;
      }
      case 'not':
        want(expr.operand, 'bool', "'not'");
        return 'bool';
      case 'logical':
        for (const operand of expr.operands) want(operand, 'bool', `'${expr.operator}'`);
        return 'bool';
      case 'compare': {
        if (expr.operator !== '==' && expr.operator !== '!=') {
          want(expr.left, 'number', `'${expr.operator}'`);
          want(expr.right, 'number', `'${expr.operator}'`);
          return 'bool';
        }
        const left = visit(expr.left);
        const right = visit(expr.right);
        if (left && right && left !== right)
          mismatch(expr, `'${expr.operator}' compares a ${left} with a ${right}; they can never be equal`);
        return 'bool';
      }
      case 'call': {
        const fn = lookupFunction(expr.name);
        if (!fn) {
          problems.push({ code: 'unknown_function', message: `Unknown function ${expr.name}()`, span: expr.span });
          expr.args.forEach(visit);
          return undefined;
        }
        if (fn.params.length !== expr.args.length) {
          problems.push({
            code: 'wrong_argument_count',
            message: `${expr.name}() takes ${fn.params.length} argument(s), got ${expr.args.length}`,
            span: expr.span,
          });
        }
        expr.args.forEach((arg, i) => (i < fn.params.length ? want(arg, fn.params[i], `Argument ${i + 1} of ${expr.name}()`) : visit(arg)));
        return fn.returns;
      }
    }
  };

  return { type: visit(ast), problems };
}
