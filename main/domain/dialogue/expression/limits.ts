/**
 * Bounds on what the parser accepts. Conditions are typed by creators and arrive in
 * imported packs, so hostile input must fail fast with a message instead of exhausting
 * the stack or the CPU. Real conditions are a line or two; these leave ample room.
 */
export const EXPRESSION_LIMITS = {
  maxLength: 2000,
  maxTokens: 400,
  /** Nesting of parentheses, `not` and calls. */
  maxDepth: 32,
  maxNameLength: 64,
  /** Smart variables reading smart variables, one inside another, during one evaluation. */
  maxSmartDepth: 64,
  /**
   * Smart variable reads during one evaluation. Each read evaluates the variable's expression
   * again, so `$b = $a + $a`, `$c = $b + $b`… doubles per level; this stops it with a message.
   */
  maxSmartReads: 10_000,
} as const;
