import type { DialogueProblemCode } from './dialogue-problem';
import type { Expr, ExprType, Span } from './expression/ast';
import { checkCondition, checkExpression, type CheckedCondition } from './expression/condition';
import type { ExpressionContext } from './expression/typecheck';
import { checkTemplate } from './text/check-template';
import { hasTemplateSyntax } from './text/template-escapes';
import type { TemplatePart } from './text/template-parts';

/** What checking one text of a dialogue found: its problems (spans within the text) and the expressions it holds, for reference checks. */
export interface CheckedText {
  problems: readonly { code: DialogueProblemCode; message: string; span: Span }[];
  expressions: readonly Expr[];
}

/** Checks a dialogue's conditions, expressions and templates, each distinct text once (big dialogues repeat them). */
export interface ValidationLanguage {
  /** Must be true or false. */
  condition(source: string): CheckedText;
  /** Must have the `expected` type: a variable's, or a string (a jump target). */
  expression(source: string, expected: ExprType): CheckedText;
  /** A call action's text: one function call. */
  call(source: string): CheckedText;
  /** A template: line text, option text, AI line fallback, command text. */
  text(source: string): CheckedText;
}

const NOTHING: CheckedText = { problems: [], expressions: [] };

/** The expressions a template interpolates or formats, for reference checks (`{visited("intro")}`). */
const templateExpressions = (parts: readonly TemplatePart[]): Expr[] =>
  parts.flatMap((part) => (part.type === 'value' ? [part.expr] : part.type === 'select' || part.type === 'plural' ? [part.value] : []));

const asChecked = (checked: CheckedCondition): CheckedText => ({
  problems: checked.problems,
  expressions: checked.ast ? [checked.ast] : [],
});

/** Remembers each result by its key, so a text repeated across a big dialogue is checked once. */
function memo(check: (source: string, expected: string) => CheckedText): (source: string, expected?: string) => CheckedText {
  const results = new Map<string, CheckedText>();
  return (source, expected = '') => {
    const key = `${expected}\u0000${source}`;
    let result = results.get(key);
    if (!result) {
      result = check(source, expected);
      results.set(key, result);
    }
    return result;
  };
}

/** The validation language of a dialogue whose declarations gave `context` (see expressionContext). */
export function validationLanguage(context: ExpressionContext): ValidationLanguage {
  const condition = memo((source) => asChecked(checkCondition(source, context)));
  const expression = memo((source, expected) => asChecked(checkExpression(source, context, expected as ExprType)));
  const call = memo((source) => {
    const checked = checkExpression(source, context);
    if (!checked.ast || checked.ast.type === 'call') return asChecked(checked);
    const problem = {
      code: 'not_a_call' as const,
      message: 'A call action runs one function call, such as assert($gold >= 0)',
      span: checked.ast.span,
    };
    return { problems: [...checked.problems, problem], expressions: [checked.ast] };
  });
  const text = memo((source) => {
    const checked = checkTemplate(source, context);
    return { problems: checked.problems, expressions: templateExpressions(checked.parts ?? []) };
  });
  return {
    condition: (source) => condition(source),
    expression: (source, expected) => expression(source, expected),
    call: (source) => call(source),
    text: (source) => (hasTemplateSyntax(source) ? text(source) : NOTHING),
  };
}
