import type { EnumCaseExpr } from './ast';

/**
 * An enum as expressions see it: the dialogue record's enum declaration, declared apart from
 * its zod schema so the runtimes built from these modules carry no zod.
 */
export interface DeclaredEnum {
  readonly name: string;
  readonly cases: readonly { readonly name: string; readonly value?: number | string }[];
}

export type EnumCaseLookup = { ok: true; enum: string; value: number | string } | { ok: false; message: string };

/** The enums of a context that declares none. */
export const NO_ENUMS: ReadonlyMap<string, DeclaredEnum> = new Map();

/** A case's raw value: its own value, or its name when it has none. */
export const enumCaseValue = (enumCase: DeclaredEnum['cases'][number]): number | string => enumCase.value ?? enumCase.name;

/**
 * Finds the case an enum-case expression names: `Food.Apple` in `Food`, `.Apple` in `expected`
 * (the enum known from context) or else in the one enum that has such a case.
 */
export function lookupEnumCase(
  enums: ReadonlyMap<string, DeclaredEnum>,
  expr: Pick<EnumCaseExpr, 'enum' | 'case'>,
  expected?: string,
): EnumCaseLookup {
  const enumName = expr.enum ?? expected;
  if (enumName !== undefined) {
    const declaration = enums.get(enumName);
    if (!declaration) return { ok: false, message: `Unknown enum ${enumName}` };
    const found = declaration.cases.find((c) => c.name === expr.case);
    return found
      ? { ok: true, enum: enumName, value: enumCaseValue(found) }
      : { ok: false, message: `Enum ${enumName} has no case ${expr.case}` };
  }
  const owners = [...enums.values()].filter((declaration) => declaration.cases.some((c) => c.name === expr.case));
  if (owners.length === 0) return { ok: false, message: `No enum has a case ${expr.case}` };
  if (owners.length > 1) {
    return {
      ok: false,
      message: `.${expr.case} is a case of ${owners.map((o) => o.name).join(' and ')}; write ${owners[0].name}.${expr.case}`,
    };
  }
  return lookupEnumCase(enums, { enum: owners[0].name, case: expr.case });
}
