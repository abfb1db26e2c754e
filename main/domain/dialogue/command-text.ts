import { PlayError } from './play-error';

/**
 * A rendered command text as a command: split at spaces (and tabs) outside double quotes,
 * the quotes removed, the first word the name and the rest its string arguments
 * (`give "iron sword" 2` → give, ["iron sword", "2"]). Empty text is an error.
 */
export function splitCommandText(text: string): { name: string; args: string[] } {
  const words: string[] = [];
  let word = '';
  let quoted = false;
  let started = false;
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted;
      started = true;
    } else if (!quoted && (ch === ' ' || ch === '\t')) {
      if (started) words.push(word);
      word = '';
      started = false;
    } else {
      word += ch;
      started = true;
    }
  }
  if (started) words.push(word);
  if (words.length === 0) throw new PlayError(`Command text "${text}" is empty`);
  return { name: words[0], args: words.slice(1) };
}
