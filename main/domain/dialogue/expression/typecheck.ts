import { NO_ENUMS, type DeclaredEnum } from './enum-cases';
import type { Expr, ExprType, Span, ValueType } from './ast';
import { enumOfType, enumType, typeOfValue } from './ast';
import { lookupEnumCase } from './enum-cases';
import { acceptsArgumentCount, describeArity, lookupFunction } from './functions';

export type TypeProblemCode = 'undeclared_variable' | 'type_mismatch' | 'unknown_function' | 'wrong_argument_count' | 'unknown_enum_case';

export interface TypeProblem {
  code: TypeProblemCode;
  message: string;
  span: Span;
}

export interface TypecheckResult {
  /** The expression's type, or undefined where a problem leaves it unknown. */
  type: ExprType | undefined;
  problems: TypeProblem[];
  /** The tree with every `.Case` that could be resolved written out as `Enum.Case`; the input tree when none needed it. */
  ast: Expr;
}

/** What expressions of a dialogue may name: its variables' types, its enums and its smart variables' expressions. */
export interface ExpressionContext {
  readonly variables: ReadonlyMap<string, ExprType>;
  readonly enums: ReadonlyMap<string, DeclaredEnum>;
  readonly smart: ReadonlyMap<string, Expr>;
}

/** Declared variables as a list (the dialogue's scalar declarations) or an already built name → type map. */
export type DeclaredVariables = readonly { name: string; type: ValueType }[] | ReadonlyMap<string, ExprType>;

const NO_SMART: ReadonlyMap<string, Expr> = new Map();

export const toVariableTypes = (declared: DeclaredVariables): ReadonlyMap<string, ExprType> =>
  declared instanceof Map ? declared : new Map((declared as readonly { name: string; type: ValueType }[]).map((v) => [v.name, v.type]));

/** A context from a full context or from plain declared variables (no enums, no smart variables). */
export const toExpressionContext = (declared: ExpressionContext | DeclaredVariables): ExpressionContext =>
  'enums' in declared && !(declared instanceof Map)
    ? (declared as ExpressionContext)
    : { variables: toVariableTypes(declared as DeclaredVariables), enums: NO_ENUMS, smart: NO_SMART };

/** `a number`, `a Food` for messages. */
export const describeType = (type: ExprType): string => `a ${enumOfType(type) ?? type}`;

/**
 * Finds every undeclared variable, unknown function, unknown enum case and type mismatch in
 * one pass, so the validation panel lists them all rather than the first. Unknown types do
 * not cascade: `$undeclared > 3` reports the variable, not also the comparison. `expected`
 * is the type the surrounding place wants (a set action's variable), which resolves a
 * `.Case` written alone; comparisons resolve one from their other side.
 */
export function typecheck(ast: Expr, declared: ExpressionContext | DeclaredVariables, expected?: ExprType): TypecheckResult {
  const { variables, enums } = toExpressionContext(declared);
  const problems: TypeProblem[] = [];
  const mismatch = (expr: Expr, message: string) => problems.push({ code: 'type_mismatch', message, span: expr.span });
  type Checked = [ExprType | undefined, Expr];

  const want = (expr: Expr, type: ValueType, what: string): Expr => {
    const [actual, resolved] = visit(expr);
    if (actual !== undefined && actual !== type) mismatch(expr, `${what} needs a ${type}, but this is ${describeType(actual)}`);
    return resolved;
  };

  const isBareCase = (expr: Expr) => expr.type === 'enumCase' && expr.enum === undefined;

  const visit = (expr: Expr, hint?: ExprType): Checked => {
    switch (expr.type) {
      case 'literal':
        return [typeOfValue(expr.value), expr];
      case 'variable': {
        const type = variables.get(expr.name);
        if (!type) problems.push({ code: 'undeclared_variable', message: `Variable $${expr.name} is not declared`, span: expr.span });
        return [type, expr];
      }
      case 'enumCase': {
        const found = lookupEnumCase(enums, expr, enumOfType(hint));
        if (!found.ok) {
          problems.push({ code: 'unknown_enum_case', message: found.message, span: expr.span });
          return [undefined, expr];
        }
        return [enumType(found.enum), expr.enum === found.enum ? expr : { ...expr, enum: found.enum }];
      }
      case 'not': {
        const operand = want(expr.operand, 'bool', "'not'");
        return ['bool', operand === expr.operand ? expr : { ...expr, operand }];
      }
      case 'unary': {
        const operand = want(expr.operand, 'number', "'-'");
        return ['number', operand === expr.operand ? expr : { ...expr, operand }];
      }
      case 'logical': {
        const operands = expr.operands.map((operand) => want(operand, 'bool', `'${expr.operator}'`));
        return ['bool', operands.every((o, i) => o === expr.operands[i]) ? expr : { ...expr, operands }];
      }
      case 'arithmetic': {
        if (expr.operator !== '+') {
          const left = want(expr.left, 'number', `'${expr.operator}'`);
          const right = want(expr.right, 'number', `'${expr.operator}'`);
          return ['number', rebuild(expr, left, right)];
        }
        const [leftType, left] = visit(expr.left);
        const [rightType, right] = visit(expr.right);
        const known = leftType !== undefined && rightType !== undefined;
        const joinable = (t: ExprType | undefined) => t === undefined || t === 'number' || t === 'string';
        if (!joinable(leftType)) mismatch(expr.left, `'+' needs numbers or strings, but this is ${describeType(leftType!)}`);
        if (!joinable(rightType)) mismatch(expr.right, `'+' needs numbers or strings, but this is ${describeType(rightType!)}`);
        if (known && joinable(leftType) && joinable(rightType) && leftType !== rightType) {
          mismatch(
            expr,
            `'+' adds two numbers or joins two strings, but this is ${describeType(leftType)} and ${describeType(rightType)}; convert with string() or number()`,
          );
        }
        return [known && leftType === rightType && joinable(leftType) ? leftType : undefined, rebuild(expr, left, right)];
      }
      case 'compare': {
        if (expr.operator !== '==' && expr.operator !== '!=') {
          const left = want(expr.left, 'number', `'${expr.operator}'`);
          const right = want(expr.right, 'number', `'${expr.operator}'`);
          return ['bool', rebuild(expr, left, right)];
        }
        const rightFirst = isBareCase(expr.left) && !isBareCase(expr.right);
        const [firstType, first] = visit(rightFirst ? expr.right : expr.left);
        const [secondType, second] = visit(rightFirst ? expr.left : expr.right, firstType);
        const [leftType, left, rightType, right] = rightFirst
          ? [secondType, second, firstType, first]
          : [firstType, first, secondType, second];
        if (leftType && rightType && leftType !== rightType) {
          mismatch(expr, `'${expr.operator}' compares ${describeType(leftType)} with ${describeType(rightType)}; they can never be equal`);
        }
        return ['bool', rebuild(expr, left, right)];
      }
      case 'call': {
        const fn = lookupFunction(expr.name);
        if (!fn) {
          problems.push({ code: 'unknown_function', message: `Unknown function ${expr.name}()`, span: expr.span });
          expr.args.forEach((arg) => visit(arg));
          return [undefined, expr];
        }
        if (!acceptsArgumentCount(fn, expr.args.length)) {
          problems.push({
            code: 'wrong_argument_count',
            message: `${expr.name}() takes ${describeArity(fn)}, got ${expr.args.length}`,
            span: expr.span,
          });
        }
        const args = expr.args.map((arg, i) => {
          const param = fn.params[i];
          return param === undefined || param === 'any' ? visit(arg)[1] : want(arg, param, `Argument ${i + 1} of ${expr.name}()`);
        });
        return [fn.returns, args.every((a, i) => a === expr.args[i]) ? expr : { ...expr, args }];
      }
    }
  };

  const [type, resolved] = visit(ast, expected);
  return { type, problems, ast: resolved };
}

function rebuild<E extends Expr & { left: Expr; right: Expr }>(expr: E, left: Expr, right: Expr): E {
  return left === expr.left && right === expr.right ? expr : { ...expr, left, right };
}
