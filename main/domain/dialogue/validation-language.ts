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

/** Results kept across validations: the editor validates again after every edit, and most texts did not change. */
const MAX_KEPT_DECLARATIONS = 4;
const MAX_KEPT_RESULTS = 200_000;
const kept = new Map<string, Map<string, CheckedText>>();

/**
 * The results checked under these declarations so far (the most recently used few sets of
 * declarations are kept; a set that grew past its bound starts again empty).
 */
function resultsFor(declarations: string): Map<string, CheckedText> {
  let results = kept.get(declarations);
  if (results) kept.delete(declarations);
  else {
    results = new Map();
    if (kept.size >= MAX_KEPT_DECLARATIONS) kept.delete(kept.keys().next().value!);
  }
  if (results.size > MAX_KEPT_RESULTS) results.clear();
  kept.set(declarations, results);
  return results;
}

/**
 * The validation language of a dialogue whose declarations gave `context` (see
 * expressionContext). `declarations` identifies them (the dialogue's variables and enums as
 * JSON): results depend on nothing else, so each distinct text is checked once per set of
 * declarations, within one validation and across validations.
 */
export function validationLanguage(context: ExpressionContext, declarations: string): ValidationLanguage {
  const results = resultsFor(declarations);
  const memo = (kind: string, source: string, check: () => CheckedText): CheckedText => {
    const key = kind + source;
    let result = results.get(key);
    if (!result) {
      result = check();
      results.set(key, result);
    }
    return result;
  };
  const call = (source: string): CheckedText => {
    const checked = checkExpression(source, context);
    if (!checked.ast || checked.ast.type === 'call') return asChecked(checked);
    const problem = {
      code: 'not_a_call' as const,
      message: 'A call action runs one function call, such as assert($gold >= 0)',
      span: checked.ast.span,
    };
    return { problems: [...checked.problems, problem], expressions: [checked.ast] };
  };
  const text = (source: string): CheckedText => {
    const checked = checkTemplate(source, context);
    return { problems: checked.problems, expressions: templateExpressions(checked.parts ?? []) };
  };
  return {
    condition: (source) => memo('c\u0000', source, () => asChecked(checkCondition(source, context))),
    expression: (source, expected) => memo(`e${expected}\u0000`, source, () => asChecked(checkExpression(source, context, expected))),
    call: (source) => memo('f\u0000', source, () => call(source)),
    text: (source) => (hasTemplateSyntax(source) ? memo('t\u0000', source, () => text(source)) : NOTHING),
  };
}
