import { enumType, type Expr, type ExprType } from './ast';
import { enumCaseValue, type DeclaredEnum } from './enum-cases';
import { parseExpression } from './parser';
import { typecheck, type ExpressionContext } from './typecheck';

/** A variable declaration as the dialogue record holds it (declared apart from its zod schema). */
export type DeclaredVariable =
  | { readonly name: string; readonly type: 'bool' | 'number' | 'string' }
  | { readonly name: string; readonly type: 'enum'; readonly enum: string; readonly default: string }
  | { readonly name: string; readonly type: 'smart'; readonly expression: string };

export type ContextProblemCode =
  | 'duplicate_enum'
  | 'duplicate_enum_case'
  | 'mixed_enum_values'
  | 'unknown_enum'
  | 'invalid_enum_default'
  | 'invalid_smart_variable'
  | 'smart_variable_cycle';

/** A declaration that makes the dialogue's expressions unreliable; names the enum or the variable. */
export interface ContextProblem {
  code: ContextProblemCode;
  message: string;
  enum?: string;
  variable?: string;
}

export interface BuiltContext {
  context: ExpressionContext;
  problems: ContextProblem[];
}

function enumProblems(declarations: readonly DeclaredEnum[], problems: ContextProblem[]): Map<string, DeclaredEnum> {
  const enums = new Map<string, DeclaredEnum>();
  for (const declaration of declarations) {
    const name = declaration.name;
    if (enums.has(name)) problems.push({ code: 'duplicate_enum', enum: name, message: `Enum ${name} is declared twice` });
    enums.set(name, declaration);
    const seen = new Set<string>();
    for (const c of declaration.cases) {
      if (seen.has(c.name))
        problems.push({ code: 'duplicate_enum_case', enum: name, message: `Enum ${name} has two cases named ${c.name}` });
      seen.add(c.name);
    }
    if (new Set(declaration.cases.map((c) => typeof enumCaseValue(c))).size > 1) {
      problems.push({
        code: 'mixed_enum_values',
        enum: name,
        message: `The cases of enum ${name} mix number and string values (a case without a value is its name, a string)`,
      });
    }
  }
  return enums;
}

/**
 * Builds what the dialogue's expressions may name, checking the declarations as it goes:
 * enums with duplicate or mixed-type cases, enum variables of unknown enums or with a
 * default that is not a case, smart variables that do not parse, do not typecheck or
 * depend on themselves. A smart variable's type is its expression's type (one whose type
 * cannot be known is left out of `variables`); every smart variable that parses is in `smart`,
 * broken ones included, so evaluating one fails with the evaluator's own message.
 */
export function expressionContext(dialogue: {
  readonly variables: readonly DeclaredVariable[];
  readonly enums?: readonly DeclaredEnum[];
}): BuiltContext {
  const problems: ContextProblem[] = [];
  const enums = enumProblems(dialogue.enums ?? [], problems);
  const variables = new Map<string, ExprType>();
  const parsedSmart = new Map<string, Expr>();

  for (const variable of dialogue.variables) {
    if (variable.type === 'smart') {
      const parsed = parseExpression(variable.expression);
      if (parsed.ok) parsedSmart.set(variable.name, parsed.ast);
      else
        problems.push({
          code: 'invalid_smart_variable',
          variable: variable.name,
          message: `Smart variable $${variable.name} does not parse: ${parsed.error.message}`,
        });
    } else if (variable.type === 'enum') {
      const declaration = enums.get(variable.enum);
      if (!declaration) {
        problems.push({
          code: 'unknown_enum',
          variable: variable.name,
          message: `Variable $${variable.name} holds an unknown enum ${variable.enum}`,
        });
        continue;
      }
      if (!declaration.cases.some((c) => c.name === variable.default)) {
        problems.push({
          code: 'invalid_enum_default',
          variable: variable.name,
          message: `Variable $${variable.name} starts as ${variable.default}, which is not a case of ${variable.enum}`,
        });
      }
      variables.set(variable.name, enumType(variable.enum));
    } else {
      variables.set(variable.name, variable.type);
    }
  }

  const smart = new Map<string, Expr>();
  const context: ExpressionContext = { variables, enums, smart };
  const state = new Map<string, 'checking' | 'ok' | 'broken'>();
  /** Types one smart variable after those it reads; one that reads a broken or cyclic one is broken without further messages. */
  const resolve = (name: string, path: string[]): void => {
    const ast = parsedSmart.get(name)!;
    state.set(name, 'checking');
    let sound = true;
    for (const dependency of smartReferences(ast, parsedSmart)) {
      if (state.get(dependency) === 'checking') {
        const cycle = [...path.slice(path.indexOf(dependency)), dependency].map((n) => `$${n}`).join(' → ');
        problems.push({ code: 'smart_variable_cycle', variable: name, message: `Smart variable $${name} depends on itself: ${cycle}` });
      } else if (!state.has(dependency)) {
        resolve(dependency, [...path, dependency]);
      }
      if (state.get(dependency) !== 'ok') sound = false;
    }
    const checked = typecheck(ast, context);
    if (sound) {
      for (const problem of checked.problems) {
        problems.push({ code: 'invalid_smart_variable', variable: name, message: `Smart variable $${name}: ${problem.message}` });
      }
    }
    if (checked.type !== undefined) variables.set(name, checked.type);
    smart.set(name, checked.ast);
    const ok = sound && checked.type !== undefined && checked.problems.length === 0;
    state.set(name, ok ? 'ok' : 'broken');
  };
  for (const name of parsedSmart.keys()) if (!state.has(name)) resolve(name, [name]);
  return { context, problems };
}

/** The smart variables an expression reads directly, in order of first appearance. */
function smartReferences(ast: Expr, smart: ReadonlyMap<string, Expr>): string[] {
  const found = new Set<string>();
  const stack: Expr[] = [ast];
  while (stack.length > 0) {
    const expr = stack.pop()!;
    switch (expr.type) {
      case 'variable':
        if (smart.has(expr.name)) found.add(expr.name);
        break;
      case 'not':
      case 'unary':
        stack.push(expr.operand);
        break;
      case 'logical':
        stack.push(...expr.operands);
        break;
      case 'compare':
      case 'arithmetic':
        stack.push(expr.right, expr.left);
        break;
      case 'call':
        stack.push(...expr.args);
        break;
    }
  }
  return [...found];
}
