/**
 * A Luau long-bracket string literal holding `text` byte for byte. Its level is the lowest
 * whose closing bracket does not occur in `text` + `]`: that rules out the brackets inside
 * the text and the one that text ending in `]` (or `]=`, …) would make with the closing
 * bracket, so the string cannot close early. One pass over the text. The newline after the
 * opening bracket is dropped by the lexer, so text that starts with one keeps it.
 */
export function luauLongString(text: string): string {
  const taken = new Set([...`${text}]`.matchAll(/\](=*)(?=\])/g)].map((m) => m[1].length));
  let level = 0;
  while (taken.has(level)) level++;
  const equals = '='.repeat(level);
  return `[${equals}[\n${text}]${equals}]`;
}
