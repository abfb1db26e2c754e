import { z } from 'zod';

/** A markup tag's reach in rendered text (`[b]…[/b]`): start and length in code points of the plain text. */
export const MarkupSpanValue = z.object({
  name: z.string().max(1000),
  start: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type MarkupSpanValue = z.infer<typeof MarkupSpanValue>;

/** The spans of one rendered text: at most one per character of the longest text a line may hold. */
export const MarkupSpans = z.array(MarkupSpanValue).max(100_000);
