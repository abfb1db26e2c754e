import type { CompareOperator, Expr, LogicalOperator, Span } from './ast';
import { ExpressionSyntaxError, syntaxError, type ExpressionError } from './expression-error';
import { EXPRESSION_LIMITS } from './limits';
import { tokenize, type Token } from './tokenizer';

export type ParseResult = { ok: true; ast: Expr } | { ok: false; error: ExpressionError };

const COMPARE_OPERATORS = new Set<string>(['==', '!=', '<', '<=', '>', '>=']);
const KEYWORDS = new Set(['and', 'or', 'not', 'true', 'false']);

const describe = (token: Token): string =>
  token.type === 'end'
    ? 'the end of the condition'
    : token.type === 'string'
      ? 'a string'
      : token.type === 'variable'
        ? `$${token.value}`
        : `'${token.value}'`;

const spanOf = (from: { span: Span } | Token, to: { span: Span } | Token): Span => ({
  start: 'span' in from ? from.span.start : from.start,
  end: 'span' in to ? to.span.end : to.end,
});

/**
 * Recursive descent over the token list, lowest precedence first:
 *
 *   or         := and ('or' and)*
 *   and        := not ('and' not)*
 *   not        := 'not' not | comparison
 *   comparison := operand (('=='|'!='|'<'|'<='|'>'|'>=') operand)?
 *   operand    := '-'? NUMBER | STRING | 'true' | 'false' | $NAME | NAME '(' args ')' | '(' or ')'
 *
 * `not` binds looser than comparisons, as in Python and Lua: `not $a == 1` is `not ($a == 1)`.
 * Comparisons do not chain (`1 < $x < 5` is an error that suggests `and`).
 */
class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.parseOr();
    const next = this.peek();
    if (next.type !== 'end') {
      throw syntaxError(`Unexpected ${describe(next)}; expected 'and', 'or' or the end of the condition`, next.start, next.end);
    }
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private take(): Token {
    return this.tokens[this.index++];
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return token.type === 'word' && token.value === word;
  }

  private nested<T>(at: Token, parse: () => T): T {
    if (++this.depth > EXPRESSION_LIMITS.maxDepth) {
      throw syntaxError(`Condition is nested more than ${EXPRESSION_LIMITS.maxDepth} levels deep`, at.start, at.end, 'too_deep');
    }
    const result = parse();
    this.depth--;
    return result;
  }

  private parseLogical(operator: LogicalOperator, parseOperand: () => Expr): Expr {
    const first = parseOperand();
    if (!this.isWord(operator)) return first;
    const operands = [first];
    while (this.isWord(operator)) {
      this.take();
      operands.push(parseOperand());
    }
    return { type: 'logical', operator, operands, span: spanOf(first, operands[operands.length - 1]) };
  }

  private parseOr(): Expr {
    return this.parseLogical('or', () => this.parseAnd());
  }

  private parseAnd(): Expr {
    return this.parseLogical('and', () => this.parseNot());
  }

  private parseNot(): Expr {
    if (!this.isWord('not')) return this.parseComparison();
    const keyword = this.take();
    const operand = this.nested(keyword, () => this.parseNot());
    return { type: 'not', operand, span: spanOf(keyword, operand) };
  }

  private parseComparison(): Expr {
    const left = this.parseOperand();
    const next = this.peek();
    if (next.type !== 'operator' || !COMPARE_OPERATORS.has(next.value as string)) return left;
    this.take();
    const right = this.parseOperand();
    const after = this.peek();
    if (after.type === 'operator' && COMPARE_OPERATORS.has(after.value as string)) {
      throw syntaxError("Comparisons cannot be chained; join them with 'and'", after.start, after.end);
    }
    return { type: 'compare', operator: next.value as CompareOperator, left, right, span: spanOf(left, right) };
  }

  private parseOperand(): Expr {
    const token = this.take();
    const span = { start: token.start, end: token.end };
    switch (token.type) {
      case 'number':
        return { type: 'literal', value: token.value as number, span };
      case 'string':
        return { type: 'literal', value: token.value as string, span };
      case 'variable':
        return { type: 'variable', name: token.value as string, span };
      case '(':
        return this.nested(token, () => {
          const inner = this.parseOr();
          const close = this.take();
          if (close.type !== ')') {
            throw syntaxError(
              `Expected ')' to close the '(' at column ${token.start + 1}, found ${describe(close)}`,
              close.start,
              close.end,
            );
          }
          return inner;
        });
      case 'operator':
        if (token.value === '-' && this.peek().type === 'number') {
          const number = this.take();
          return { type: 'literal', value: -(number.value as number), span: spanOf(token, number) };
        }
        break;
      case 'word':
        return this.parseWord(token);
    }
    throw syntaxError(`Expected a value, found ${describe(token)}`, token.start, token.end);
  }

  private parseWord(token: Token): Expr {
    const span = { start: token.start, end: token.end };
    if (token.value === 'true' || token.value === 'false') return { type: 'literal', value: token.value === 'true', span };
    if (KEYWORDS.has(token.value as string)) {
      throw syntaxError(`Expected a value before '${token.value}'`, token.start, token.end);
    }
    if (this.peek().type !== '(') {
      throw syntaxError(`Unknown name '${token.value}': variables start with $ (did you mean $${token.value}?)`, token.start, token.end);
    }
    const open = this.take();
    return this.nested(open, () => {
      const args: Expr[] = [];
      if (this.peek().type !== ')') {
        args.push(this.parseOr());
        while (this.peek().type === ',') {
          this.take();
          args.push(this.parseOr());
        }
      }
      const close = this.take();
      if (close.type !== ')') {
        throw syntaxError(`Expected ',' or ')' in the call to ${token.value}(), found ${describe(close)}`, close.start, close.end);
      }
      return { type: 'call', name: token.value as string, args, span: spanOf(token, close) };
    });
  }
}

/**
 * Parses a condition into a JSON syntax tree without ever evaluating code. Errors come
 * back as values with a span and a message that names the column.
 */
export function parseExpression(source: string): ParseResult {
  try {
    const tokens = tokenize(source);
    if (tokens.length === 1) throw syntaxError('Condition is empty', 0, source.length);
    return { ok: true, ast: new Parser(tokens).parse() };
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError)) throw error;
    const { detail } = error;
    return { ok: false, error: { ...detail, message: `${detail.message} (column ${detail.span.start + 1})` } };
  }
}
