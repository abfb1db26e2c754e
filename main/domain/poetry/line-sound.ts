import { wordSound, type Pronouncer, type WordSound } from './pronunciation';

/** Words of a verse line: letters with inner apostrophes ("don't", "o'er"); hyphens and digits split. */
export const lineWords = (line: string): string[] => line.match(/[A-Za-z]+(?:['’][A-Za-z]+)*/g) ?? [];

export interface LineSound {
  /** Syllables with each word's first pronunciation. */
  syllables: number;
  /** Fewest and most syllables over the words' other pronunciations ("fire": one or two). */
  min: number;
  max: number;
  /** The last word, which carries the rhyme; none on a line without words. */
  end: WordSound | null;
  /** Words the dictionary does not know, counted by spelling. */
  unknown: string[];
}

export function lineSound(line: string, pronounce: Pronouncer): LineSound {
  const sounds = lineWords(line).map((w) => wordSound(w, pronounce));
  let syllables = 0;
  let min = 0;
  let max = 0;
  for (const s of sounds) {
    syllables += s.syllables[0];
    min += Math.min(...s.syllables);
    max += Math.max(...s.syllables);
  }
  return { syllables, min, max, end: sounds.at(-1) ?? null, unknown: sounds.filter((s) => !s.known).map((s) => s.word) };
}
