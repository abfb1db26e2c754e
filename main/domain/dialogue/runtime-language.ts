import type { Expr, Value } from './expression/ast';
import { evaluate, EvaluationError } from './expression/evaluator';
import type { EvaluationScope } from './expression/functions';
import { parseExpression } from './expression/parser';
import { PlayError } from './play-error';

/** A template as the player sees it: plain text, and the markup spans over it when it had markup. */
export interface RenderedText {
  text: string;
  markup?: unknown[];
}

/**
 * The expressions and templates of one dialogue as the runtime plays them: each distinct
 * source is parsed once and kept, and every failure is a PlayError whose message quotes
 * the source.
 */
export interface RuntimeLanguage {
  condition(source: string): boolean;
  /** `what` names the expression in messages: Value, Call, Target. */
  value(source: string, what: string): Value;
  text(source: string): RenderedText;
  /** How specific a group candidate's condition is, for saliency. */
  complexity(source: string | undefined, once: boolean): number;
}

export function runtimeLanguage(scope: EvaluationScope): RuntimeLanguage {
  const parsed = new Map<string, Expr | string>();
  const parse = (source: string, what: string): Expr => {
    let ast = parsed.get(source);
    if (ast === undefined) {
      const result = parseExpression(source);
      ast = result.ok ? result.ast : result.error.message;
      parsed.set(source, ast);
    }
    if (typeof ast === 'string') throw new PlayError(`${what} "${source}" does not parse: ${ast}`);
    return ast;
  };
  const value = (source: string, what: string): Value => {
    const ast = parse(source, what);
    try {
      return evaluate(ast, scope);
    } catch (error) {
      if (error instanceof EvaluationError) throw new PlayError(`${what} "${source}" cannot be evaluated: ${error.message}`);
      throw error;
    }
  };
  return {
    condition(source) {
      const result = value(source, 'Condition');
      if (typeof result !== 'boolean') throw new PlayError(`Condition "${source}" is a ${typeof result}, not true or false`);
      return result;
    },
    value,
    text: (source) => ({ text: source }),
    complexity(source, once) {
      let count = once ? 1 : 0;
      if (source === undefined) return count;
      const stack: Expr[] = [parse(source, 'Condition')];
      count++;
      while (stack.length) {
        const expr = stack.pop()!;
        if (expr.type === 'not') {
          count++;
          stack.push(expr.operand);
        } else if (expr.type === 'logical') {
          count += expr.operands.length - 1;
          stack.push(...expr.operands);
        } else if (expr.type === 'compare') stack.push(expr.left, expr.right);
        else if (expr.type === 'call') stack.push(...expr.args);
      }
      return count;
    },
  };
}
