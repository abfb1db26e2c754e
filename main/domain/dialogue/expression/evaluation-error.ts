import type { Span } from './ast';

/** An expression that parsed but cannot be evaluated against this state (a missing or mistyped variable, a division by zero). */
export class EvaluationError extends Error {
  constructor(
    message: string,
    /** Absent for trees read from a pack, which carry no spans. */
    readonly span: Span,
  ) {
    super(message);
    this.name = 'EvaluationError';
  }
}

/**
 * `assert` found its condition false. The message is `Assertion failed: <message>` when the
 * call gave one; without, runtimes name the expression's source: `describe(source)`.
 */
export class AssertionFailure extends EvaluationError {
  constructor(
    readonly detail: string | undefined,
    span: Span,
  ) {
    super(detail === undefined ? 'Assertion failed' : `Assertion failed: ${detail}`, span);
    this.name = 'AssertionFailure';
  }

  /** `Assertion failed: <the assert's message, else the source given>`. */
  describe(source: string): string {
    return `Assertion failed: ${this.detail ?? source}`;
  }
}
