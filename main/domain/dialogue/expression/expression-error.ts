import type { Span } from './ast';

export type ExpressionErrorCode = 'syntax' | 'too_long' | 'too_many_tokens' | 'too_deep';

/** A condition that does not parse: where, and what to do about it. */
export interface ExpressionError {
  code: ExpressionErrorCode;
  message: string;
  span: Span;
}

/** Thrown inside the tokenizer and parser, returned from `parseExpression` as a value. */
export class ExpressionSyntaxError extends Error {
  constructor(readonly detail: ExpressionError) {
    super(detail.message);
    this.name = 'ExpressionSyntaxError';
  }
}

export const syntaxError = (message: string, start: number, end = start + 1, code: ExpressionErrorCode = 'syntax') =>
  new ExpressionSyntaxError({ code, message, span: { start, end } });
