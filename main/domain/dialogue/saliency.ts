/**
 * How a group picks among its available candidates: `first` in order; `best` the most
 * specific condition (most `and`/`or`/`not`, +1 for a condition, +1 for `once`), ties broken
 * by the seeded random; `best_least_recently_seen` the least played, then the most specific,
 * then the first; `random_best_least_recently_seen` the same with ties broken by the seeded
 * random. Declared apart from the zod schema so the web runtime's types need no zod.
 */
export const SALIENCY_RULES = ['first', 'best', 'best_least_recently_seen', 'random_best_least_recently_seen'] as const;
export type Saliency = (typeof SALIENCY_RULES)[number];
