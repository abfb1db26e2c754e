import { own } from '../own-property';
import { EXPRESSION_LIMITS } from './limits';
import { syntaxError } from './expression-error';

export type TokenType = 'number' | 'string' | 'variable' | 'word' | 'enumCase' | 'operator' | '(' | ')' | ',' | 'end';

export interface Token {
  type: TokenType;
  /**
   * The number, the unescaped string, the variable name without `$`, the word, the enum case
   * as written (`Food.Apple` or `.Apple`) or the operator. Aliases arrive normalised: `&&`,
   * `||` and `!` as the words and/or/not, `is eq neq gt lt gte lte` as the operators they name.
   */
  value: string | number;
  start: number;
  end: number;
}

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
const isNameStart = (ch: string | undefined) => ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_');
const isNamePart = (ch: string | undefined) => isNameStart(ch) || isDigit(ch);
const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || /\s/.test(ch);
const TWO_CHAR_OPERATORS = new Set(['==', '!=', '<=', '>=']);
const ONE_CHAR_OPERATORS = new Set(['<', '>', '-', '+', '*', '/', '%']);
/** Symbols spelling a logical keyword (C style), read as that keyword. */
const SYMBOL_KEYWORDS: Record<string, string> = { '&&': 'and', '||': 'or', '!': 'not' };
/** Yarn's word operators, read as the comparison they name. */
const WORD_OPERATORS: Record<string, string> = { is: '==', eq: '==', neq: '!=', gt: '>', lt: '<', gte: '>=', lte: '<=' };
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

/** What people type from other languages, answered with what this one spells instead. */
const FOREIGN_OPERATORS: Record<string, string> = {
  '=': "Use '==' to compare ('=' assigns, which conditions cannot do)",
};

/** One left-to-right pass over the source; `i` is the position of the next character. */
class Lexer {
  private readonly tokens: Token[] = [];
  private i = 0;

  constructor(private readonly source: string) {}

  run(): Token[] {
    const { source } = this;
    while (this.i < source.length) {
      const ch = source[this.i];
      const start = this.i;
      if (isWhitespace(ch)) {
        this.i++;
      } else if (isDigit(ch)) {
        this.push('number', this.readNumber(start), start);
      } else if (ch === '"' || ch === "'") {
        this.push('string', this.readString(start), start);
      } else if (ch === '$') {
        this.i++;
        if (!isNameStart(source[this.i])) throw syntaxError("Expected a variable name after '$'", start, this.i + 1);
        this.push('variable', this.readName(this.i, 'Variable name'), start);
      } else if (isNameStart(ch)) {
        this.readWord(start);
      } else if (ch === '.') {
        this.i++;
        if (isDigit(source[this.i]))
          throw syntaxError('Numbers need a digit before the decimal point (write 0.5, not .5)', start, this.i + 1);
        if (!isNameStart(source[this.i])) throw syntaxError("Expected an enum case name after '.'", start, this.i + 1);
        this.push('enumCase', `.${this.readName(this.i, 'Enum case name')}`, start);
      } else if (ch === '(' || ch === ')' || ch === ',') {
        this.i++;
        this.push(ch, ch, start);
      } else {
        this.readOperator(ch, start);
      }
    }
    this.tokens.push({ type: 'end', value: '', start: source.length, end: source.length });
    return this.tokens;
  }

  private push(type: TokenType, value: string | number, start: number): void {
    if (this.tokens.length >= EXPRESSION_LIMITS.maxTokens) {
      throw syntaxError(`Condition has more than ${EXPRESSION_LIMITS.maxTokens} tokens`, start, this.i, 'too_many_tokens');
    }
    this.tokens.push({ type, value, start, end: this.i });
  }

  private readName(start: number, what: string): string {
    while (this.i < this.source.length && isNamePart(this.source[this.i])) this.i++;
    const name = this.source.slice(start, this.i);
    if (name.length > EXPRESSION_LIMITS.maxNameLength) {
      throw syntaxError(`${what} is longer than ${EXPRESSION_LIMITS.maxNameLength} characters`, start, this.i);
    }
    return name;
  }

  /** A keyword, function name, Yarn word operator, or `Enum.Case`. */
  private readWord(start: number): void {
    const word = this.readName(start, 'Name');
    const operator = own(WORD_OPERATORS, word);
    if (operator !== undefined) {
      this.push('operator', operator, start);
    } else if (this.source[this.i] === '.' && isNameStart(this.source[this.i + 1])) {
      this.i++;
      this.push('enumCase', `${word}.${this.readName(this.i, 'Enum case name')}`, start);
    } else {
      this.push('word', word, start);
    }
  }

  private readNumber(start: number): number {
    const { source } = this;
    while (this.i < source.length && isDigit(source[this.i])) this.i++;
    if (source[this.i] === '.') {
      this.i++;
      if (!isDigit(source[this.i])) throw syntaxError('Expected a digit after the decimal point', this.i);
      while (this.i < source.length && isDigit(source[this.i])) this.i++;
    }
    if (this.i < source.length && isNamePart(source[this.i])) {
      throw syntaxError(`Unexpected '${source[this.i]}' after a number`, this.i);
    }
    const value = Number(source.slice(start, this.i));
    if (!Number.isFinite(value)) throw syntaxError('Number is too large', start, this.i);
    return value;
  }

  private readString(start: number): string {
    const { source } = this;
    const quote = source[this.i++];
    let text = '';
    for (;;) {
      if (this.i >= source.length) throw syntaxError(`Unterminated string: add the closing ${quote}`, start, source.length);
      const ch = source[this.i];
      if (ch === quote) {
        this.i++;
        return text;
      }
      if (ch !== '\\') {
        text += ch;
        this.i++;
        continue;
      }
      const escape = source[this.i + 1];
      if (escape !== undefined && escape in SIMPLE_ESCAPES) {
        text += SIMPLE_ESCAPES[escape];
        this.i += 2;
      } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(this.i + 2, this.i + 6))) {
        text += String.fromCharCode(parseInt(source.slice(this.i + 2, this.i + 6), 16));
        this.i += 6;
      } else {
        throw syntaxError(
          `Unknown escape '\\${escape ?? ''}' in string; use \\\\, \\${quote}, \\n, \\t, \\r or \\uXXXX`,
          this.i,
          Math.min(this.i + 2, source.length),
        );
      }
    }
  }

  private readOperator(ch: string, start: number): void {
    const pair = this.source.slice(start, start + 2);
    const symbol = SYMBOL_KEYWORDS[pair] ? pair : SYMBOL_KEYWORDS[ch] ? ch : undefined;
    if (TWO_CHAR_OPERATORS.has(pair)) {
      this.i += 2;
      this.push('operator', pair, start);
    } else if (symbol !== undefined) {
      this.i += symbol.length;
      this.push('word', SYMBOL_KEYWORDS[symbol], start);
    } else if (ONE_CHAR_OPERATORS.has(ch)) {
      this.i++;
      this.push('operator', ch, start);
    } else {
      const foreign = FOREIGN_OPERATORS[pair] ? pair : FOREIGN_OPERATORS[ch] ? ch : undefined;
      if (foreign) throw syntaxError(FOREIGN_OPERATORS[foreign], start, start + foreign.length);
      throw syntaxError(`Unexpected character '${ch}'`, start);
    }
  }
}

/** Splits an expression into tokens, enforcing the length and token-count limits as it goes. */
export function tokenize(source: string): Token[] {
  if (source.length > EXPRESSION_LIMITS.maxLength) {
    throw syntaxError(
      `Condition is ${source.length} characters long; the limit is ${EXPRESSION_LIMITS.maxLength}`,
      EXPRESSION_LIMITS.maxLength,
      source.length,
      'too_long',
    );
  }
  return new Lexer(source).run();
}
