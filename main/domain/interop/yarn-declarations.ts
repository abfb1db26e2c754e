import { DIALOGUE_LIMITS, type EnumDeclaration, type VariableDeclaration } from '../dialogue/dialogue-schema';
import { InteropError } from './interop-error';
import { literalOf, subexpressions, type YarnExpr } from './yarn-expression';
import type { Declarations } from './yarn-statements';
import { inferTypes, type AssignmentUse, type ExpressionUse, type InferredType } from './yarn-types';

/** The script's enums and variables as the dialogue declares them, and the helpers the graph needs. */
export interface ResolvedDeclarations {
  enums: EnumDeclaration[];
  variables: VariableDeclaration[];
  types: Map<string, InferredType>;
  /** The enum of a case name that exactly one enum has. */
  enumOfCase(name: string): string | undefined;
  defaultOf(type: InferredType): boolean | number | string;
}

const SCALARS: Record<string, InferredType> = { bool: 'bool', number: 'number', string: 'string' };

function resolveEnums(declared: Declarations['enums']): EnumDeclaration[] {
  const names = new Set<string>();
  return declared.map(({ name, cases, line }) => {
    if (names.has(name) || name in SCALARS) throw new InteropError(`Line ${line}: the enum ${name} is declared twice`);
    names.add(name);
    const caseNames = new Set<string>();
    for (const c of cases) {
      if (caseNames.has(c.name)) throw new InteropError(`Line ${c.line}: the enum ${name} has two cases named ${c.name}`);
      caseNames.add(c.name);
    }
    const kinds = new Set(cases.map((c) => typeof (c.value ?? c.name)));
    if (kinds.size > 1) throw new InteropError(`Line ${line}: the cases of the enum ${name} mix numbers and strings`);
    return { name, cases: cases.map((c) => ({ name: c.name, ...(c.value !== undefined ? { value: c.value } : {}) })) };
  });
}

/**
 * Resolves `<<enum>>` and `<<declare>>` and infers the variables the script uses without
 * declaring (from `uses` and `assignments`): a declaration with a literal value declares a
 * variable of its type (an enum case: of its enum), one with any other expression a smart
 * variable. Refuses, naming the line, duplicates, an `as Type` the value does not have,
 * unknown types, and variables whose type nothing in the script tells.
 */
export function resolveDeclarations(
  declared: Declarations,
  uses: readonly ExpressionUse[],
  assignments: readonly AssignmentUse[],
  expressionText: (expr: YarnExpr, line: number) => string,
): ResolvedDeclarations {
  const enums = resolveEnums(declared.enums);
  const owners = new Map<string, string[]>();
  for (const declaration of enums) for (const c of declaration.cases) owners.set(c.name, [...(owners.get(c.name) ?? []), declaration.name]);
  const enumOfCase = (name: string) => (owners.get(name)?.length === 1 ? owners.get(name)![0] : undefined);
  const enumNamed = (name: string) => enums.find((e) => e.name === name);

  const types = new Map<string, InferredType>();
  const smart = new Map<string, { value: YarnExpr; line: number }>();
  const literals = new Map<string, boolean | number | string>();
  for (const { name, value, type, line } of declared.variables) {
    if (types.has(name) || smart.has(name)) throw new InteropError(`Line ${line}: $${name} is declared twice`);
    const asType = type === undefined ? undefined : (SCALARS[type.toLowerCase()] ?? (enumNamed(type) ? (`enum:${type}` as const) : undefined));
    if (type !== undefined && asType === undefined) throw new InteropError(`Line ${line}: ${type} is not a type (bool, number, string or an enum)`);
    const literal = literalOf(value);
    if (value.type === 'enumCase') {
      const owner = value.enum ?? (asType?.startsWith('enum:') ? asType.slice(5) : enumOfCase(value.name));
      if (!owner || !enumNamed(owner)?.cases.some((c) => c.name === value.name))
        throw new InteropError(`Line ${line}: ${value.enum ?? ''}.${value.name} is not a case of a declared enum`);
      value.enum = owner;
      types.set(name, `enum:${owner}`);
    } else if (literal !== undefined) {
      types.set(name, SCALARS[typeof literal === 'boolean' ? 'bool' : typeof literal]);
      literals.set(name, literal);
    } else smart.set(name, { value, line });
    if (asType && types.has(name) && types.get(name) !== asType)
      throw new InteropError(`Line ${line}: $${name} is declared as ${type} but its value is a ${types.get(name)!.replace('enum:', '')}`);
  }

  const smartAssignments = [...smart].map(([variable, { value, line }]) => ({ variable, value, operator: '=', line }));
  inferTypes(types, uses, [...smartAssignments, ...assignments], enumOfCase);

  for (const { variable, line } of assignments)
    if (smart.has(variable)) throw new InteropError(`Line ${line}: $${variable} is a smart variable and cannot be set`);
  const firstUse = new Map<string, number>();
  for (const { expr, line } of [...uses, ...smartAssignments.map(({ value, line }) => ({ expr: value, line }))])
    for (const node of subexpressions(expr)) if (node.type === 'variable' && !firstUse.has(node.name)) firstUse.set(node.name, line);
  for (const { variable, line } of assignments) if (!firstUse.has(variable)) firstUse.set(variable, line);
  for (const [name, line] of firstUse)
    if (!types.has(name)) throw new InteropError(`Line ${line}: the type of $${name} cannot be inferred; declare it with <<declare>>`);

  const defaultOf = (type: InferredType): boolean | number | string =>
    type === 'bool' ? false : type === 'number' ? 0 : type === 'string' ? '' : (enumNamed(type.slice(5))?.cases[0].name ?? '');
  if (new Set([...types.keys(), ...smart.keys()]).size > DIALOGUE_LIMITS.maxVariables) throw new InteropError(`The script uses more than ${DIALOGUE_LIMITS.maxVariables} variables`);
  const declaredValue = new Map(declared.variables.map((v) => [v.name, v.value]));
  const inferred = [...types.keys()].filter((name) => !declaredValue.has(name));
  const variables = [...declaredValue.keys(), ...inferred].map((name): VariableDeclaration => {
    const declaredSmart = smart.get(name);
    if (declaredSmart) return { name, type: 'smart', expression: expressionText(declaredSmart.value, declaredSmart.line) };
    const type = types.get(name)!;
    if (type.startsWith('enum:')) {
      const value = declaredValue.get(name);
      return { name, type: 'enum', enum: type.slice(5), default: value?.type === 'enumCase' ? value.name : (defaultOf(type) as string) };
    }
    return { name, type, default: literals.get(name) ?? defaultOf(type) } as VariableDeclaration;
  });
  return { enums, variables, types, enumOfCase, defaultOf };
}
