import { checkCondition, checkExpression, expressionContext, type Dialogue, type ExprType } from '../../../../main/domain/dialogue';
import { checkTemplate } from '../../../../main/domain/dialogue/text';

/** What a field holds: a true-or-false condition, any expression, or text with `{expressions}` and markup. */
export type FieldLanguage = 'condition' | 'expression' | 'template';

/** The parts of a dialogue its expressions are checked against. */
export type LanguageScope = Pick<Dialogue, 'variables' | 'enums'>;

/**
 * The first problem of a field's text as the creator types it (syntax, unknown names,
 * types), or undefined when it is sound. `expected` is the type an expression must have
 * (a set action's variable, a jump target's text); it also resolves a lone `.Case`.
 */
export function fieldProblem(language: FieldLanguage, source: string, scope: LanguageScope, expected?: ExprType): string | undefined {
  const { context } = expressionContext(scope);
  const checked =
    language === 'condition'
      ? checkCondition(source, context)
      : language === 'expression'
        ? checkExpression(source, context, expected)
        : checkTemplate(source, context);
  return checked.problems[0]?.message;
}

/** Each variable's type as expressions see it (a smart variable's is its expression's), for the suggestions. */
export const variableTypes = (scope: LanguageScope): ReadonlyMap<string, ExprType> => expressionContext(scope).context.variables;
