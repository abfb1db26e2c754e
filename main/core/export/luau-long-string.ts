/**
 * A Luau long-bracket string literal holding `text` byte for byte. The level is the first
 * whose closing bracket occurs in `text` + closing bracket only at the end: so text that
 * ends in `]` or `]=` cannot close the string early. The newline after the opening bracket
 * is dropped by the lexer, so text that starts with one keeps it.
 */
export function luauLongString(text: string): string {
  let level = '';
  while (`${text}]${level}]`.indexOf(`]${level}]`) < text.length) level += '=';
  return `[${level}[\n${text}]${level}]`;
}
