/**
 * The condition language's syntax tree: plain JSON objects, so the same tree can be stored,
 * sent over IPC and shipped in export packs for the Luau and JavaScript runtimes.
 * Spans are UTF-16 offsets into the source, `end` exclusive, for editor squiggles.
 */
export interface Span {
  start: number;
  end: number;
}

export type ValueType = 'bool' | 'number' | 'string';
export type Value = boolean | number | string;

export type CompareOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type LogicalOperator = 'and' | 'or';

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

export interface CallExpr {
  type: 'call';
  name: string;
  args: Expr[];
  span: Span;
}

export type Expr = LiteralExpr | VariableExpr | NotExpr | LogicalExpr | CompareExpr | CallExpr;

export const typeOfValue = (value: Value): ValueType => (typeof value === 'boolean' ? 'bool' : (typeof value as 'number' | 'string'));
