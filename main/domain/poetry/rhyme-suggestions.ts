import { rhymeKeyOfPhones, syllablesOfPhones, wordSound, type Pronouncer } from './pronunciation';
import { noFrequency, type WordFrequency } from './word-frequency';

interface RhymeEntry {
  word: string;
  syllables: number;
  /** Whether this is the word's first (usual) pronunciation in the dictionary, not a variant. */
  usual: boolean;
}

const indexes = new WeakMap<object, Map<string, RhymeEntry[]>>();

/** Words by rhyme key, built once per dictionary (a scan of its 135,000 entries) the first time rhymes are asked for. */
function rhymeIndex(dictionary: Readonly<Record<string, string>>): Map<string, RhymeEntry[]> {
  let index = indexes.get(dictionary);
  if (index) return index;
  index = new Map();
  for (const [entry, phones] of Object.entries(dictionary)) {
    const word = entry.replace(/\(\d+\)$/, '');
    // Letters by name ("t", "d") are not rhymes; "a", "I" and "O" are words.
    if (!/^[a-z]+$/.test(word) || (word.length === 1 && !'aio'.includes(word))) continue;
    const key = rhymeKeyOfPhones(phones);
    const list = index.get(key) ?? [];
    if (list.at(-1)?.word !== word) list.push({ word, syllables: syllablesOfPhones(phones), usual: word === entry });
    index.set(key, list);
  }
  indexes.set(dictionary, index);
  return index;
}

interface Candidate {
  word: string;
  /** 0 for the most exact rhyme; higher is looser. */
  looseness: number;
  frequency: number;
}

/**
 * Dictionary words that rhyme with `word`, at most `limit`, the words a writer would reach
 * for first. Words in common use come before words the frequency list never saw (so "light"
 * suggests night, bright and sight, not beit or feit); among them, exact rhymes first (both
 * words' usual pronunciations, as many syllables), then the commoner word.
 */
export function suggestRhymes(
  word: string,
  dictionary: Readonly<Record<string, string>>,
  pronounce: Pronouncer,
  limit = 40,
  frequency: WordFrequency = noFrequency,
): string[] {
  const sound = wordSound(word, pronounce);
  if (!sound.known) return [];
  const [usualKey] = sound.rhymes;
  const [usualSyllables] = sound.syllables;
  const index = rhymeIndex(dictionary);
  const found = new Map<string, Candidate>([[word.toLowerCase(), { word: '', looseness: 0, frequency: 0 }]]);
  for (const key of sound.rhymes) {
    for (const entry of index.get(key) ?? []) {
      const looseness = Number(key !== usualKey || !entry.usual) * 2 + Number(entry.syllables !== usualSyllables);
      const seen = found.get(entry.word);
      if (seen && seen.looseness <= looseness) continue;
      found.set(entry.word, { word: entry.word, looseness, frequency: frequency(entry.word) });
    }
  }
  found.delete(word.toLowerCase());
  return [...found.values()]
    .sort(
      (a, b) =>
        Number(b.frequency > 0) - Number(a.frequency > 0) ||
        a.looseness - b.looseness ||
        b.frequency - a.frequency ||
        a.word.length - b.word.length ||
        a.word.localeCompare(b.word),
    )
    .slice(0, limit)
    .map((c) => c.word);
}
