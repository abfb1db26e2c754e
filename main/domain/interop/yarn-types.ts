import type { YarnExpr } from './yarn-expression';
import { functionSignature, type YarnType } from './yarn-functions';

/** A value's type as the importer infers it: a scalar, or `enum:Name`. */
export type InferredType = YarnType | `enum:${string}`;

/** Where an expression is used: the type the place needs, when it needs one. */
export interface ExpressionUse {
  expr: YarnExpr;
  expected?: InferredType;
  line: number;
}

/** A `<<set>>`: the variable takes the value's type when nothing declared it. */
export interface AssignmentUse {
  variable: string;
  value: YarnExpr;
  /** `*=`, `/=`, `%=`, `-=` need numbers; `+=` numbers or strings; `=` anything. */
  operator: string;
  line: number;
}

/**
 * Infers the types of undeclared variables from how the script uses them, as Yarn Spinner
 * does: a variable in a condition is a bool, one compared with or assigned a value has that
 * value's type, one in arithmetic is a number. Short enum cases (`.Apple`) compared with or
 * assigned to an enum value get that enum written on the tree. `types` holds the declared
 * types and receives the inferred ones; `enumOfCase` names the enum of a case name that
 * only one enum has.
 */
export function inferTypes(
  types: Map<string, InferredType>,
  uses: readonly ExpressionUse[],
  assignments: readonly AssignmentUse[],
  enumOfCase: (name: string) => string | undefined,
): void {
  let changed = true;
  const learn = (name: string, type: InferredType | undefined) => {
    if (type === undefined || types.has(name)) return;
    types.set(name, type);
    changed = true;
  };

  const typeOf = (expr: YarnExpr): InferredType | undefined => {
    switch (expr.type) {
      case 'literal':
        return typeof expr.value === 'boolean' ? 'bool' : typeof expr.value === 'number' ? 'number' : 'string';
      case 'variable':
        return types.get(expr.name);
      case 'enumCase': {
        const owner = expr.enum ?? enumOfCase(expr.name);
        return owner ? `enum:${owner}` : undefined;
      }
      case 'call':
        return functionSignature(expr.name)?.returns;
      case 'unary':
        return expr.operator === 'not' ? 'bool' : 'number';
      case 'binary':
        if (expr.operator === '+') return typeOf(expr.left) ?? typeOf(expr.right);
        return ['-', '*', '/', '%'].includes(expr.operator) ? 'number' : 'bool';
    }
  };

  const expect = (expr: YarnExpr, type: InferredType | undefined): void => {
    switch (expr.type) {
      case 'variable':
        learn(expr.name, type);
        return;
      case 'enumCase':
        if (!expr.enum && type?.startsWith('enum:')) expr.enum = type.slice(5);
        return;
      case 'call': {
        const params = functionSignature(expr.name)?.params ?? [];
        expr.args.forEach((arg, index) => expect(arg, params[index] === 'any' ? undefined : (params[index] as InferredType | undefined)));
        return;
      }
      case 'unary':
        expect(expr.operand, expr.operator === 'not' ? 'bool' : 'number');
        return;
      case 'binary': {
        const { operator, left, right } = expr;
        if (operator === 'and' || operator === 'or') {
          expect(left, 'bool');
          expect(right, 'bool');
        } else if (operator === '==' || operator === '!=') {
          const both = typeOf(left) ?? typeOf(right);
          expect(left, both);
          expect(right, both);
        } else if (operator === '+') {
          const both = (type === 'number' || type === 'string' ? type : undefined) ?? typeOf(left) ?? typeOf(right);
          expect(left, both);
          expect(right, both);
        } else {
          expect(left, 'number');
          expect(right, 'number');
        }
        return;
      }
      default:
        return;
    }
  };

  for (let pass = 0; changed && pass < 16; pass++) {
    changed = false;
    for (const use of uses) expect(use.expr, use.expected);
    for (const { variable, value, operator } of assignments) {
      const valueType = typeOf(value);
      learn(variable, operator === '=' ? valueType : operator === '+=' ? (valueType ?? 'number') : 'number');
      expect(value, operator === '=' || operator === '+=' ? types.get(variable) : 'number');
    }
  }
}
