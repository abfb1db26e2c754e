/** How often a lower-case word is used: a count per million words or any scale where more is commoner; 0 for a word never seen. */
export type WordFrequency = (word: string) => number;

/** Knows no word: rhymes rank by sound alone. */
export const noFrequency: WordFrequency = () => 0;

/**
 * A lookup over a list of `{ word, count }` (the SUBTLEX-US list of subtitle word counts
 * is one), with spellings that differ in case counted together ("I" and "i").
 */
export function frequencyLookup(list: readonly { word: string; count: number }[]): WordFrequency {
  const counts = new Map<string, number>();
  for (const { word, count } of list) {
    const lower = word.toLowerCase();
    counts.set(lower, (counts.get(lower) ?? 0) + count);
  }
  return (word) => counts.get(word) ?? 0;
}
