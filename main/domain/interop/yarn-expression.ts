import { EXPRESSION_LIMITS } from '../dialogue/expression/limits';
import { InteropError } from './interop-error';

/** An expression tree, as Yarn scripts and Loreweaver conditions both write them. */
export type YarnExpr =
  | { type: 'literal'; value: boolean | number | string }
  | { type: 'variable'; name: string }
  /** `Food.Apple`, or `.Apple` with `enum` absent until the importer knows which enum it is. */
  | { type: 'enumCase'; enum?: string; name: string }
  | { type: 'call'; name: string; args: YarnExpr[] }
  | { type: 'unary'; operator: '-' | 'not'; operand: YarnExpr }
  | { type: 'binary'; operator: BinaryOperator; left: YarnExpr; right: YarnExpr };

export type BinaryOperator = 'or' | 'and' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

type Token =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'variable' | 'word' | 'symbol'; value: string };

/** Yarn's word operators and their symbols. */
const WORD_OPERATORS: Record<string, string> = {
  and: '&&',
  or: '||',
  not: '!',
  is: '==',
  eq: '==',
  neq: '!=',
  gt: '>',
  lt: '<',
  gte: '>=',
  lte: '<=',
};
const SYMBOLS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '+', '-', '*', '/', '%', '(', ')', ',', '.', '^', '='];

function tokenize(source: string, line: number): Token[] {
  const fail = (message: string): never => {
    throw new InteropError(`Line ${line}: ${message}`);
  };
  if (source.length > EXPRESSION_LIMITS.maxLength) fail(`an expression is longer than ${EXPRESSION_LIMITS.maxLength} characters`);
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (tokens.length >= EXPRESSION_LIMITS.maxTokens) fail(`an expression has more than ${EXPRESSION_LIMITS.maxTokens} parts`);
    const number = /^\d+(\.\d+)?/.exec(source.slice(i, i + 400));
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]) });
      i += number[0].length;
    } else if (ch === '"' || ch === "'") {
      let text = '';
      for (i++; source[i] !== ch; i++) {
        if (i >= source.length) fail(`a string has no closing ${ch}`);
        if (source[i] === '\\') {
          if (!['"', "'", '\\'].includes(source[i + 1])) fail(`\\${source[i + 1] ?? ''} is not an escape strings have (\\" and \\\\)`);
          i++;
        }
        text += source[i];
      }
      i++;
      tokens.push({ kind: 'string', value: text });
    } else if (ch === '$' || /[A-Za-z_]/.test(ch)) {
      const name = /^\$?[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i, i + EXPRESSION_LIMITS.maxNameLength + 2))?.[0] ?? fail('a $ needs a variable name');
      if (name.length > EXPRESSION_LIMITS.maxNameLength + 1) fail(`the name ${name.slice(0, 20)}… is too long`);
      i += name.length;
      if (name.startsWith('$')) tokens.push({ kind: 'variable', value: name.slice(1) });
      else if (name in WORD_OPERATORS) tokens.push({ kind: 'symbol', value: WORD_OPERATORS[name] });
      else tokens.push({ kind: 'word', value: name });
    } else {
      const symbol = SYMBOLS.find((s) => source.startsWith(s, i)) ?? fail(`unexpected ${ch} in an expression`);
      tokens.push({ kind: 'symbol', value: symbol });
      i += symbol.length;
    }
  }
  return tokens;
}

/** In Loreweaver's reading, where `not` may start an operand: after `and`/`or` and after `not`. */
const NOT_LEVEL = 3;
const EQUALITY_LEVEL = 3;
const BINARY_LEVELS: Record<string, { level: number; operator: BinaryOperator }> = {
  '||': { level: 1, operator: 'or' },
  '&&': { level: 2, operator: 'and' },
  '==': { level: 3, operator: '==' },
  '!=': { level: 3, operator: '!=' },
  '<': { level: 4, operator: '<' },
  '<=': { level: 4, operator: '<=' },
  '>': { level: 4, operator: '>' },
  '>=': { level: 4, operator: '>=' },
  '+': { level: 5, operator: '+' },
  '-': { level: 5, operator: '-' },
  '*': { level: 6, operator: '*' },
  '/': { level: 6, operator: '/' },
  '%': { level: 6, operator: '%' },
};

/**
 * How the two languages bind `not` and comparisons. Yarn: unary `-`/`!` bind tightest, then
 * `* / %`, `+ -`, `< <= > >=`, `== !=`, `&&`, `||`. Loreweaver: `not` binds looser than the
 * comparisons, which share one level.
 */
export type Precedence = 'yarn' | 'loreweaver';

/**
 * Reads an expression (`$gold * 2 > 10 and visited("Shop")`), naming the line on a syntax
 * error. Yarn's features the studio's language lacks are refused by name: `xor`/`^`, `null`,
 * assignment inside an expression.
 */
export function parseYarnExpression(source: string, line: number, precedence: Precedence = 'yarn'): YarnExpr {
  const tokens = tokenize(source, line);
  let at = 0;
  const fail = (message: string): never => {
    throw new InteropError(`Line ${line}: ${message}`);
  };
  const unsupported = (feature: string): never => fail(`${feature} is not supported`);
  const peek = () => tokens[at];
  const isSymbol = (value: string) => peek()?.kind === 'symbol' && peek().value === value;
  const expect = (value: string, what: string) => {
    if (!isSymbol(value)) fail(`expected ${value} ${what}${peek() ? `, found ${String(peek().value)}` : ''} in "${source.trim()}"`);
    at++;
  };

  const binary = (minLevel: number, depth: number): YarnExpr => {
    if (depth > EXPRESSION_LIMITS.maxDepth) fail('an expression nests too deep');
    let left: YarnExpr;
    if (precedence === 'loreweaver' && minLevel <= NOT_LEVEL && isSymbol('!')) {
      at++;
      left = { type: 'unary', operator: 'not', operand: binary(NOT_LEVEL, depth + 1) };
    } else left = unary(depth);
    for (;;) {
      const token = peek();
      if (token?.kind === 'symbol' && token.value === '^') unsupported('xor');
      if (token?.kind === 'word' && token.value === 'xor') unsupported('xor');
      if (token?.kind === 'symbol' && token.value === '=') unsupported('= inside an expression (write ==)');
      const op = token?.kind === 'symbol' ? BINARY_LEVELS[token.value] : undefined;
      const opLevel = op && precedence === 'loreweaver' && op.level === EQUALITY_LEVEL ? EQUALITY_LEVEL + 1 : op?.level;
      if (!op || opLevel === undefined || opLevel < minLevel) return left;
      at++;
      left = { type: 'binary', operator: op.operator, left, right: binary(opLevel + 1, depth + 1) };
    }
  };

  const unary = (depth: number): YarnExpr => {
    if (depth > EXPRESSION_LIMITS.maxDepth) fail('an expression nests too deep');
    if (isSymbol('-') || isSymbol('!')) {
      const operator = peek().value === '-' ? '-' : 'not';
      at++;
      return { type: 'unary', operator, operand: unary(depth + 1) };
    }
    return operand(depth);
  };

  const operand = (depth: number): YarnExpr => {
    const token = peek();
    if (!token) return fail(`"${source.trim()}" ends where a value was expected`);
    at++;
    if (token.kind === 'number' || token.kind === 'string') return { type: 'literal', value: token.value };
    if (token.kind === 'variable') return { type: 'variable', name: token.value };
    if (token.kind === 'symbol') {
      if (token.value === '(') {
        const inner = binary(1, depth + 1);
        expect(')', 'to close (');
        return inner;
      }
      if (token.value === '.') return { type: 'enumCase', name: word('a case name after .') };
      return fail(`unexpected ${token.value} in "${source.trim()}"`);
    }
    if (token.value === 'true' || token.value === 'false') return { type: 'literal', value: token.value === 'true' };
    if (token.value === 'null') return unsupported('null');
    if (isSymbol('.')) {
      at++;
      return { type: 'enumCase', enum: token.value, name: word(`a case name after ${token.value}.`) };
    }
    if (isSymbol('(')) {
      at++;
      const args: YarnExpr[] = [];
      if (!isSymbol(')')) {
        do args.push(binary(1, depth + 1));
        while (isSymbol(',') && ++at);
      }
      expect(')', `to close ${token.value}(`);
      return { type: 'call', name: token.value, args };
    }
    return fail(`${token.value} is not a value: variables start with $, strings are in double quotes`);
  };

  const word = (what: string): string => {
    const token = peek();
    if (token?.kind !== 'word') return fail(`expected ${what}`);
    at++;
    return token.value;
  };

  if (!tokens.length) fail('an expression is empty');
  const expr = binary(1, 0);
  if (at < tokens.length) fail(`unexpected ${String(tokens[at].value)} in "${source.trim()}"`);
  return expr;
}

/** The value when the expression is one literal (a negative number included), else undefined. */
export function literalOf(expr: YarnExpr): boolean | number | string | undefined {
  if (expr.type === 'literal') return expr.value;
  if (expr.type === 'unary' && expr.operator === '-' && expr.operand.type === 'literal' && typeof expr.operand.value === 'number')
    return -expr.operand.value;
  return undefined;
}

/** Each node of the tree, the root first, without recursion limits beyond the parser's own. */
export function* subexpressions(expr: YarnExpr): Generator<YarnExpr> {
  yield expr;
  if (expr.type === 'call') for (const arg of expr.args) yield* subexpressions(arg);
  else if (expr.type === 'unary') yield* subexpressions(expr.operand);
  else if (expr.type === 'binary') {
    yield* subexpressions(expr.left);
    yield* subexpressions(expr.right);
  }
}
