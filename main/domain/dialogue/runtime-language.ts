import type { Expr, ExprType, Value } from './expression/ast';
import { checkExpression } from './expression/condition';
import { complexity } from './expression/complexity';
import { AssertionFailure, evaluate, EvaluationError } from './expression/evaluator';
import type { EvaluationScope } from './expression/functions';
import type { ExpressionContext } from './expression/typecheck';
import { PlayError } from './play-error';
import { parseTemplate } from './text/parse-template';
import { renderTemplate } from './text/render-template';
import { hasTemplateSyntax } from './text/template-escapes';
import type { RenderedText, TemplatePart } from './text/template-parts';

/**
 * The expressions and templates of one dialogue as the runtime plays them: each distinct
 * source is parsed (and its `.Case` shorthands resolved) once and kept, and every failure
 * is a PlayError whose message quotes the source.
 */
export interface RuntimeLanguage {
  condition(source: string): boolean;
  /**
   * An expression's value; `what` names it in messages (Value, Call, Target) and `expected`
   * is the type it should have, which resolves a lone `.Case`.
   */
  value(source: string, what: string, expected?: ExprType): Value;
  /** A template as the player sees it: plain text, and markup spans when it has markup. */
  text(source: string): RenderedText;
  /** How specific a group candidate is, for saliency. */
  complexity(condition: string | undefined, once: boolean): number;
}

/** A runtime's message for an expression that could not be evaluated: an assertion's own, or what went wrong with `source`. */
function evaluationMessage(error: EvaluationError, what: string, source: string): string {
  return error instanceof AssertionFailure ? error.describe(source) : `${what} "${source}" cannot be evaluated: ${error.message}`;
}

/** `locale` picks the plural and ordinal rules of `[plural]` and `[ordinal]`. */
export function runtimeLanguage(context: ExpressionContext, scope: EvaluationScope, locale: string): RuntimeLanguage {
  const parsed = new Map<string, Expr | string>();
  const templates = new Map<string, TemplatePart[] | string>();
  const template = (source: string): TemplatePart[] => {
    let parts = templates.get(source);
    if (parts === undefined) {
      const result = parseTemplate(source);
      parts = result.ok ? result.parts : result.error.message;
      templates.set(source, parts);
    }
    if (typeof parts === 'string') throw new PlayError(`Text "${source}" does not parse: ${parts}`);
    return parts;
  };
  const parse = (source: string, what: string, expected?: ExprType): Expr => {
    const key = expected === undefined ? source : `${expected}\u0000${source}`;
    let ast = parsed.get(key);
    if (ast === undefined) {
      const checked = checkExpression(source, context, expected);
      ast = checked.ast ?? checked.problems[0].message;
      parsed.set(key, ast);
    }
    if (typeof ast === 'string') throw new PlayError(`${what} "${source}" does not parse: ${ast}`);
    return ast;
  };
  const value = (source: string, what: string, expected?: ExprType): Value => {
    const ast = parse(source, what, expected);
    try {
      return evaluate(ast, scope);
    } catch (error) {
      if (error instanceof EvaluationError) throw new PlayError(evaluationMessage(error, what, source));
      throw error;
    }
  };
  return {
    condition(source) {
      const result = value(source, 'Condition', 'bool');
      if (typeof result !== 'boolean') throw new PlayError(`Condition "${source}" is a ${typeof result}, not true or false`);
      return result;
    },
    value,
    text(source) {
      if (!hasTemplateSyntax(source)) return { text: source };
      const parts = template(source);
      try {
        return renderTemplate(parts, scope, locale);
      } catch (error) {
        if (error instanceof EvaluationError) throw new PlayError(evaluationMessage(error, 'Text', source));
        throw error;
      }
    },
    complexity: (condition, once) => complexity(condition === undefined ? undefined : parse(condition, 'Condition', 'bool'), once),
  };
}
