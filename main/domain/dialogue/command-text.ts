import { PlayError } from './play-error';

/**
 * A command text, as rendered, as a command: split at spaces outside double quotes, the
 * quotes removed (`""` is an empty word), the first word the name and the rest its string
 * arguments (`give "iron sword" 2` → give, ["iron sword", "2"]). Nothing to split is an
 * error naming the `source` the creator wrote.
 */
export function splitCommandText(source: string, text: string): { name: string; args: string[] } {
  const words: string[] = [];
  let word = '';
  let quoted = false;
  let started = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
      started = true;
    } else if (!quoted && ch === ' ') {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += ch;
      started = true;
    }
  }
  if (started) words.push(word);
  if (words.length === 0) throw new PlayError(`Command "${source}" is empty`);
  return { name: words[0], args: words.slice(1) };
}
