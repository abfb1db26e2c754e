/**
 * The expression language's syntax tree: plain JSON objects, so the same tree can be stored,
 * sent over IPC and shipped in export packs for the Luau and JavaScript runtimes.
 * Spans are UTF-16 offsets into the source, `end` exclusive, for editor squiggles.
 */
export interface Span {
  start: number;
  end: number;
}

export type ValueType = 'bool' | 'number' | 'string';
export type Value = boolean | number | string;

/**
 * The static type of an expression: a scalar, or a case of the named enum (whose value at
 * run time is the case's raw value, a number or a string).
 */
export type ExprType = ValueType | `enum:${string}`;

export type CompareOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type LogicalOperator = 'and' | 'or';
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

export interface LiteralExpr {
  type: 'literal';
  value: Value;
  span: Span;
}

export interface VariableExpr {
  type: 'variable';
  /** Without the leading `$`. */
  name: string;
  span: Span;
}

export interface NotExpr {
  type: 'not';
  operand: Expr;
  span: Span;
}

/** N-ary so that long `a and b and c…` chains stay shallow for every runtime's evaluator. */
export interface LogicalExpr {
  type: 'logical';
  operator: LogicalOperator;
  operands: Expr[];
  span: Span;
}

export interface CompareExpr {
  type: 'compare';
  operator: CompareOperator;
  left: Expr;
  right: Expr;
  span: Span;
}

/** Negation of a number. `-` directly before a number literal is folded into the literal instead. */
export interface UnaryExpr {
  type: 'unary';
  operator: '-';
  operand: Expr;
  span: Span;
}

/** `+` adds numbers or joins two strings; `- * / %` take numbers (`%` keeps the dividend's sign). */
export interface ArithmeticExpr {
  type: 'arithmetic';
  operator: ArithmeticOperator;
  left: Expr;
  right: Expr;
  span: Span;
}

/**
 * `Food.Apple`, or `.Apple` where the enum is known from the other side of a comparison or
 * from the variable being set (else the case name must belong to one enum only).
 */
export interface EnumCaseExpr {
  type: 'enumCase';
  enum?: string;
  case: string;
  span: Span;
}

export interface CallExpr {
  type: 'call';
  name: string;
  args: Expr[];
  span: Span;
}

export type Expr = LiteralExpr | VariableExpr | NotExpr | LogicalExpr | CompareExpr | CallExpr | UnaryExpr | ArithmeticExpr | EnumCaseExpr;

export const typeOfValue = (value: Value): ValueType => (typeof value === 'boolean' ? 'bool' : (typeof value as 'number' | 'string'));

export const enumType = (name: string): ExprType => `enum:${name}`;

/** The enum's name for an enum type, undefined for a scalar type. */
export const enumOfType = (type: ExprType | undefined): string | undefined =>
  type !== undefined && type.startsWith('enum:') ? type.slice(5) : undefined;
