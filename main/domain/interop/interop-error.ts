/** A file of another tool that cannot be turned into a dialogue, with the line to look at. */
export class InteropError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InteropError';
  }
}

/** Bounds for imported scripts, so a hostile or broken file fails fast. */
export const INTEROP_LIMITS = { maxBytes: 2 * 1024 * 1024, maxLineLength: 20_000, maxNodes: 50_000, maxDepth: 64 } as const;
