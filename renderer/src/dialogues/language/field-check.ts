import {
  checkCondition,
  parseExpression,
  typecheck,
  type DeclaredVariables,
  type Dialogue,
  type ValueType,
} from '../../../../main/domain/dialogue';

/** What a field holds: a true-or-false condition, any expression, or text with `{expressions}` and markup. */
export type FieldLanguage = 'condition' | 'expression' | 'template';

/** The parts of a dialogue its expressions are checked against. */
export type LanguageScope = Pick<Dialogue, 'variables' | 'enums'>;

/** The declared variables as the checker reads them; an enum variable holds its cases' raw values. */
function declaredTypes(scope: LanguageScope): DeclaredVariables {
  const types = new Map<string, ValueType>();
  for (const variable of scope.variables) {
    if (variable.type === 'enum') {
      const declaration = scope.enums?.find((e) => e.name === variable.enum);
      types.set(variable.name, declaration?.cases.every((c) => typeof c.value === 'number') ? 'number' : 'string');
    } else if (variable.type !== 'smart') types.set(variable.name, variable.type);
  }
  return types;
}

/** The first problem of a field's text as the creator types it (syntax, unknown names, types), or undefined when it is sound. */
export function fieldProblem(language: FieldLanguage, source: string, scope: LanguageScope): string | undefined {
  const declared = declaredTypes(scope);
  if (language === 'condition') return checkCondition(source, declared).problems[0]?.message;
  if (language === 'expression') {
    const parsed = parseExpression(source);
    return parsed.ok ? typecheck(parsed.ast, declared).problems[0]?.message : parsed.error.message;
  }
  return undefined;
}
