/** Words a minute of an adult reading prose silently (Brysbaert 2019: 238). */
export const READING_WORDS_PER_MINUTE = 238;

/** Words in a text: runs of letters or digits, apostrophes and hyphens inside a word keep it one. */
export const countWords = (text: string): number => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;

/** "4 min read" style reading time, at least a minute for any text. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / READING_WORDS_PER_MINUTE));
}
