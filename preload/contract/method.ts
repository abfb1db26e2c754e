import type { z } from 'zod';

/** One method of the contract: its input and output schemas and what it does. */
export const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, summary: string) => ({
  input,
  output,
  summary,
});
