/**
 * Syllables and rhymes of single words. Known words use the CMU pronouncing dictionary's
 * ARPAbet phones (a vowel phone carries a stress digit, so vowels are counted by their
 * digits); unknown words (names, coinages) fall back to a spelling heuristic. The
 * dictionary itself is not imported here: it is 3.6 MB, so the renderer loads it lazily
 * and hands in a lookup.
 */

/** Every pronunciation the dictionary lists for a lower-case word (`fire` and `fire(2)`), or none. */
export type Pronouncer = (word: string) => readonly string[] | undefined;

/** Builds a pronouncer over a CMU-style object (`word`, `word(2)`, `word(3)` … → phones). */
export function dictionaryPronouncer(dictionary: Readonly<Record<string, string>>): Pronouncer {
  return (word) => {
    const first = Object.hasOwn(dictionary, word) ? dictionary[word] : undefined;
    if (first === undefined) return undefined;
    const all = [first];
    for (let n = 2; Object.hasOwn(dictionary, `${word}(${n})`); n++) all.push(dictionary[`${word}(${n})`]);
    return all;
  };
}

/** A pronouncer that knows no word: every word goes through the spelling heuristic. */
export const noPronouncer: Pronouncer = () => undefined;

export interface WordSound {
  word: string;
  /** Possible syllable counts, the dictionary's first pronunciation first. */
  syllables: number[];
  /** Possible rhyme keys from phones (last stressed vowel on), or empty for an unknown word. */
  rhymes: string[];
  /** Rhyme key by spelling (last vowel group on), used when either word is unknown. */
  spellingRhyme: string;
  known: boolean;
}

const isVowelPhone = (phone: string) => /\d$/.test(phone);

/** Phones from the last primary-stressed vowel (else the last secondary, else the last vowel) on, without stress digits. */
export function rhymeKeyOfPhones(phones: string): string {
  const list = phones.trim().split(/\s+/);
  let start = -1;
  for (const stress of ['1', '2']) {
    for (let i = list.length - 1; i >= 0 && start < 0; i--) if (list[i].endsWith(stress)) start = i;
    if (start >= 0) break;
  }
  if (start < 0) for (let i = list.length - 1; i >= 0 && start < 0; i--) if (isVowelPhone(list[i])) start = i;
  return list
    .slice(Math.max(start, 0))
    .map((p) => p.replace(/\d$/, ''))
    .join(' ');
}

export const syllablesOfPhones = (phones: string): number => phones.split(/\s+/).filter(isVowelPhone).length;

/**
 * Syllables of a word by spelling: vowel groups, less a silent final e (but not the -le of
 * "table"), less the -ed and -es that add no syllable, at least one.
 */
export function heuristicSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 0;
  if (w.length <= 3) return 1;
  let count = (w.match(/[aeiouy]+/g) ?? []).length;
  if (/[^aeiouy]e$/.test(w) && !/[^aeiouyl]le$/.test(w)) count--;
  else if (/[^aeiouytd]ed$/.test(w) || /[^aeiouysxzh]es$/.test(w)) count--;
  if (/^y[aeiou]/.test(w)) count--;
  if (/[aeiou]y[aeiou]/.test(w)) count++;
  return Math.max(1, count);
}

/** The spelling from the last sounded vowel group on ("zorbath" → "ath", "glade" → "ade"). */
export function spellingRhymeKey(word: string): string {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  const silentE = /[^aeiouy]e$/.test(w) && w.length > 3;
  const stem = silentE ? w.slice(0, -1) : w;
  const match = /[aeiouy]+[^aeiouy]*$/.exec(stem);
  return (match ? match[0] : stem) + (silentE ? 'e' : '');
}

/** How a word sounds, for counting and rhyming. */
export function wordSound(word: string, pronounce: Pronouncer): WordSound {
  const lower = word.toLowerCase().replace(/’/g, "'");
  const phones = pronounce(lower) ?? pronounce(lower.replace(/'/g, ''));
  const spellingRhyme = spellingRhymeKey(lower);
  if (!phones?.length) return { word, syllables: [heuristicSyllables(lower)], rhymes: [], spellingRhyme, known: false };
  const syllables = [...new Set(phones.map(syllablesOfPhones))];
  const rhymes = [...new Set(phones.map(rhymeKeyOfPhones))];
  return { word, syllables, rhymes, spellingRhyme, known: true };
}

/** Whether two words rhyme: by phones when both are known, by spelling otherwise. Identical words count. */
export function soundsRhyme(a: WordSound, b: WordSound): boolean {
  if (a.word.toLowerCase() === b.word.toLowerCase()) return true;
  if (a.known && b.known) return a.rhymes.some((key) => b.rhymes.includes(key));
  return a.spellingRhyme === b.spellingRhyme;
}
