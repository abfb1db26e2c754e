import { rhymeKeyOfPhones, syllablesOfPhones, wordSound, type Pronouncer } from './pronunciation';

interface RhymeEntry {
  word: string;
  syllables: number;
}

const indexes = new WeakMap<object, Map<string, RhymeEntry[]>>();

/** Words by rhyme key, built once per dictionary (a scan of its 135,000 entries) the first time rhymes are asked for. */
function rhymeIndex(dictionary: Readonly<Record<string, string>>): Map<string, RhymeEntry[]> {
  let index = indexes.get(dictionary);
  if (index) return index;
  index = new Map();
  for (const [entry, phones] of Object.entries(dictionary)) {
    const word = entry.replace(/\(\d+\)$/, '');
    if (!/^[a-z]+$/.test(word)) continue;
    const key = rhymeKeyOfPhones(phones);
    const list = index.get(key) ?? [];
    if (list.at(-1)?.word !== word) list.push({ word, syllables: syllablesOfPhones(phones) });
    index.set(key, list);
  }
  indexes.set(dictionary, index);
  return index;
}

/**
 * Dictionary words that rhyme with `word`, those with as many syllables first, then short
 * words (common ones tend to be short), at most `limit`.
 */
export function suggestRhymes(word: string, dictionary: Readonly<Record<string, string>>, pronounce: Pronouncer, limit = 40): string[] {
  const sound = wordSound(word, pronounce);
  const lower = word.toLowerCase();
  const index = rhymeIndex(dictionary);
  const seen = new Set<string>([lower]);
  const found: RhymeEntry[] = [];
  for (const key of sound.rhymes) {
    for (const entry of index.get(key) ?? []) {
      if (seen.has(entry.word)) continue;
      seen.add(entry.word);
      found.push(entry);
    }
  }
  if (!sound.known) return [];
  const target = sound.syllables[0];
  return found
    .sort(
      (a, b) =>
        Number(b.syllables === target) - Number(a.syllables === target) || a.word.length - b.word.length || a.word.localeCompare(b.word),
    )
    .slice(0, limit)
    .map((e) => e.word);
}
