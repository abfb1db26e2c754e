import { InteropError } from './interop-error';

/** One body line of a Yarn node cut into its parts, escapes and `{expressions}` left in the text. */
export interface ScannedLine {
  /** The line's text before any `<<command>>`, `#hashtag` or `// comment`, trimmed. */
  text: string;
  /** The sources of the `<<…>>` commands after the text, without the angle brackets. */
  commands: string[];
  tags: string[];
}

/** Where the `"` string starting at `start` ends (the index after its closing quote), or -1. */
function stringEnd(line: string, start: number): number {
  for (let i = start + 1; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '"') return i + 1;
  }
  return -1;
}

/** Where the `{expression}` opening at `start` ends (the index after its `}`); strings in it may hold `}`. */
export function expressionEnd(line: string, start: number, number: number): number {
  for (let i = start + 1; i < line.length; i++) {
    if (line[i] === '}') return i + 1;
    if (line[i] === '"') {
      const end = stringEnd(line, i);
      if (end < 0) break;
      i = end - 1;
    }
  }
  throw new InteropError(`Line ${number}: an inline expression { has no closing }`);
}

/** Where the `<<command>>` opening at `start` ends (the index after `>>`), or -1: a quoted string in it may hold `>>`. */
function commandEnd(line: string, start: number): number {
  for (let i = start + 2; i < line.length - 1; i++) {
    if (line[i] === '"') {
      const end = stringEnd(line, i);
      if (end < 0) return -1;
      i = end - 1;
    } else if (line[i] === '>' && line[i + 1] === '>') return i + 2;
  }
  return -1;
}

/**
 * Cuts a line as Yarn's lexer reads it, in one pass: text (where `\x` escapes and `{…}`
 * hide what they hold), then the line's `<<commands>>` and `#hashtags`, up to a `//`
 * comment. A `<<` with no `>>` after it is text, as is everything after it. Anything else
 * after a command or hashtag is refused, naming the line.
 */
export function scanLine(line: string, number: number): ScannedLine {
  const commands: string[] = [];
  const tags: string[] = [];
  let text = '';
  let i = 0;
  const trailing = () => commands.length > 0 || tags.length > 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === '/' && line[i + 1] === '/') break;
    if (ch === '<' && line[i + 1] === '<') {
      const end = commandEnd(line, i);
      if (end < 0) {
        if (trailing()) throw new InteropError(`Line ${number}: a << has no closing >>`);
        text += line.slice(i);
        break;
      }
      commands.push(line.slice(i + 2, end - 2).trim());
      i = end;
    } else if (ch === '#') {
      let end = i + 1;
      while (end < line.length && !/[\s#]/.test(line[end]) && !line.startsWith('//', end)) end++;
      tags.push(line.slice(i + 1, end));
      i = end;
    } else if (trailing()) {
      if (!/\s/.test(ch)) throw new InteropError(`Line ${number}: unexpected text after a line's <<command>> or #hashtag: ${line.slice(i, i + 40)}`);
      i++;
    } else if (ch === '\\') {
      text += line.slice(i, i + 2);
      i += 2;
    } else if (ch === '{') {
      const end = expressionEnd(line, i, number);
      text += line.slice(i, end);
      i = end;
    } else {
      text += ch;
      i++;
    }
  }
  return { text: text.trim(), commands, tags };
}
