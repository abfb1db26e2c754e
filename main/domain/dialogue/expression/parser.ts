import type { ArithmeticOperator, CompareOperator, Expr, LogicalOperator, Span } from './ast';
import { ExpressionSyntaxError, syntaxError, type ExpressionError } from './expression-error';
import { EXPRESSION_LIMITS } from './limits';
import { tokenize, type Token } from './tokenizer';

export type ParseResult = { ok: true; ast: Expr } | { ok: false; error: ExpressionError };

const COMPARE_OPERATORS = new Set<string>(['==', '!=', '<', '<=', '>', '>=']);
const ADDITIVE_OPERATORS = new Set<string>(['+', '-']);
const MULTIPLICATIVE_OPERATORS = new Set<string>(['*', '/', '%']);
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
 *   comparison := sum (('=='|'!='|'<'|'<='|'>'|'>=') sum)?
 *   sum        := product (('+'|'-') product)*
 *   product    := unary (('*'|'/'|'%') unary)*
 *   unary      := '-' unary | operand
 *   operand    := NUMBER | STRING | 'true' | 'false' | $NAME | ENUM.CASE | .CASE | NAME '(' args ')' | '(' or ')'
 *
 * `not` binds looser than comparisons, as in Python and Lua: `not $a == 1` is `not ($a == 1)`.
 * Comparisons do not chain (`1 < $x < 5` is an error that suggests `and`). Sums and products
 * associate to the left; each operator of a chain counts one level of nesting, so the tree
 * every runtime walks stays as shallow as the nesting limit says. `-` before a number literal
 * is folded into the literal (`-2` is the literal -2, as before unary minus existed).
 */
class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const expr = this.parseOr();
    const next = this.peek();
    if (next.type !== 'end') {
      throw syntaxError(
        `Unexpected ${describe(next)}; expected an operator, 'and', 'or' or the end of the condition`,
        next.start,
        next.end,
      );
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

  private deeper(at: Token): void {
    if (++this.depth > EXPRESSION_LIMITS.maxDepth) {
      throw syntaxError(
        `Expression is nested more than ${EXPRESSION_LIMITS.maxDepth} levels deep (each parenthesis, not, call and chained operator is a level)`,
        at.start,
        at.end,
        'too_deep',
      );
    }
  }

  private nested<T>(at: Token, parse: () => T): T {
    this.deeper(at);
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
    const left = this.parseSum();
    const next = this.peek();
    if (next.type !== 'operator' || !COMPARE_OPERATORS.has(next.value as string)) return left;
    this.take();
    const right = this.parseSum();
    const after = this.peek();
    if (after.type === 'operator' && COMPARE_OPERATORS.has(after.value as string)) {
      throw syntaxError("Comparisons cannot be chained; join them with 'and'", after.start, after.end);
    }
    return { type: 'compare', operator: next.value as CompareOperator, left, right, span: spanOf(left, right) };
  }

  private parseSum(): Expr {
    return this.parseChain(ADDITIVE_OPERATORS, () => this.parseProduct());
  }

  private parseProduct(): Expr {
    return this.parseChain(MULTIPLICATIVE_OPERATORS, () => this.parseUnary());
  }

  private parseChain(operators: ReadonlySet<string>, parseOperand: () => Expr): Expr {
    let left = parseOperand();
    const depth = this.depth;
    while (this.peek().type === 'operator' && operators.has(this.peek().value as string)) {
      const operator = this.take();
      this.deeper(operator);
      const right = parseOperand();
      left = { type: 'arithmetic', operator: operator.value as ArithmeticOperator, left, right, span: spanOf(left, right) };
    }
    this.depth = depth;
    return left;
  }

  private parseUnary(): Expr {
    const token = this.peek();
    if (token.type !== 'operator' || token.value !== '-') return this.parseOperand();
    this.take();
    const next = this.peek();
    if (next.type === 'number') {
      this.take();
      return { type: 'literal', value: -(next.value as number), span: spanOf(token, next) };
    }
    const operand = this.nested(token, () => this.parseUnary());
    return { type: 'unary', operator: '-', operand, span: spanOf(token, operand) };
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
      case 'enumCase': {
        const [name, value] = (token.value as string).split('.');
        return name ? { type: 'enumCase', enum: name, case: value, span } : { type: 'enumCase', case: value, span };
      }
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
 * Parses an expression (a condition, an interpolation, a set value) into a JSON syntax tree
 * without ever evaluating code. Errors come back as values with a span and a message that
 * names the column. `offset` is where the expression starts in a longer text (a `{…}` in a
 * line): spans and columns then count from the start of that text.
 */
export function parseExpression(source: string, offset = 0): ParseResult {
  try {
    const tokens = tokenizeAt(source, offset);
    if (tokens.length === 1) throw syntaxError('Condition is empty', offset, offset + source.length);
    return { ok: true, ast: new Parser(tokens).parse() };
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError)) throw error;
    const { detail } = error;
    return { ok: false, error: { ...detail, message: `${detail.message} (column ${detail.span.start + 1})` } };
  }
}

function tokenizeAt(source: string, offset: number): Token[] {
  if (offset === 0) return tokenize(source);
  try {
    return tokenize(source).map((token) => ({ ...token, start: token.start + offset, end: token.end + offset }));
  } catch (error) {
    if (!(error instanceof ExpressionSyntaxError)) throw error;
    const { span } = error.detail;
    throw new ExpressionSyntaxError({ ...error.detail, span: { start: span.start + offset, end: span.end + offset } });
  }
}
