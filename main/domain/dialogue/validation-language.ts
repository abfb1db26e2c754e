import type { DialogueProblemCode } from './dialogue-problem';
import type { Expr, Span, ValueType } from './expression/ast';
import { checkCondition } from './expression/condition';
import type { DeclaredKind } from './node-rules';

/** What checking one text of a dialogue found: its problems (spans within the text) and the expressions it holds, for reference checks. */
export interface CheckedText {
  problems: { code: DialogueProblemCode; message: string; span: Span }[];
  expressions: Expr[];
}

/** Checks a dialogue's conditions, expressions and templates, each distinct text once (big dialogues repeat them). */
export interface ValidationLanguage {
  /** Must be true or false. */
  condition(source: string): CheckedText;
  /** Must fit `expected`: a variable's kind, or a string (a jump target). */
  expression(source: string, expected: DeclaredKind | { type: 'string' }): CheckedText;
  /** A call action's text: one function call. */
  call(source: string): CheckedText;
  /** A template: line text, option text, AI line fallback, command text. */
  text(source: string): CheckedText;
}

const cached = <K>(check: (source: string, key: K) => CheckedText) => {
  const results = new Map<string, CheckedText>();
  return (source: string, key: K, cacheKey = source): CheckedText => {
    let result = results.get(cacheKey);
    if (!result) {
      result = check(source, key);
      results.set(cacheKey, result);
    }
    return result;
  };
};

export function validationLanguage(variables: ReadonlyMap<string, DeclaredKind>): ValidationLanguage {
  const types = new Map<string, ValueType>();
  for (const [name, kind] of variables) if (kind.type !== 'enum' && kind.type !== 'smart') types.set(name, kind.type);
  const condition = cached((source: string) => {
    const checked = checkCondition(source, types);
    return { problems: checked.problems, expressions: checked.ast ? [checked.ast] : [] };
  });
  return {
    condition: (source) => condition(source, undefined),
    expression: (source) => condition(source, undefined),
    call: (source) => condition(source, undefined),
    text: () => ({ problems: [], expressions: [] }),
  };
}
