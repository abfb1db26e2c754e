import { InteropError } from './interop-error';
import { parseYarnExpression, type YarnExpr } from './yarn-expression';
import { checkCalls } from './yarn-functions';
import { expressionEnd } from './yarn-line-scan';

/**
 * Text of a line, option or command as Loreweaver template source, with its inline
 * expressions kept as trees (written out once the importer knows the enums): strings are
 * template text as is, each tree is one `{expression}`.
 */
export type YarnText = (string | YarnExpr)[];

/** Escapes Loreweaver's templates share with Yarn: kept as written. */
const TEMPLATE_ESCAPES = new Set(['{', '}', '[', ']', '\\']);
/** Yarn escapes of characters that are plain text in a Loreweaver template: the character alone. */
const PLAIN_ESCAPES = new Set(['#', '/', '<', '>', ':', '-', '=']);

function readExpression(source: string, line: number): YarnExpr {
  const expr = parseYarnExpression(source, line);
  checkCalls(expr, line);
  return expr;
}

/**
 * Yarn text as a template: `{expressions}` parsed, markup `[b]…[/b]` and format functions
 * kept, escapes of template characters (`\{ \} \[ \] \\`) kept and Yarn's other escapes
 * (`\# \/ \< \> \: \- \=`) resolved to their character. A `]` that closes no markup tag is
 * escaped, so it stays text as it is in Yarn.
 */
export function yarnText(raw: string, line: number): YarnText {
  const parts: YarnText = [];
  let text = '';
  let inTag = false;
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\\' && i + 1 < raw.length) {
      const next = raw[++i];
      text += TEMPLATE_ESCAPES.has(next) ? `\\${next}` : PLAIN_ESCAPES.has(next) ? next : `\\${next}`;
    } else if (ch === '{') {
      const end = expressionEnd(raw, i, line);
      if (text) parts.push(text);
      text = '';
      parts.push(readExpression(raw.slice(i + 1, end - 1), line));
      i = end - 1;
    } else if (ch === '[' && !inTag) {
      if (raw[i + 1] === '[') throw new InteropError(`Line ${line}: [[…]] links (Yarn 1 options) are not supported`);
      inTag = true;
      text += ch;
    } else if (ch === ']' && !quoted) {
      text += inTag ? ch : '\\]';
      inTag = false;
      quoted = false;
    } else {
      if (ch === '"' && inTag) quoted = !quoted;
      if (ch === '}') throw new InteropError(`Line ${line}: a } closes no inline expression (write \\} for the character)`);
      text += ch;
    }
  }
  if (text) parts.push(text);
  return parts;
}

/** Command text as a template: `{expressions}` parsed, and every character a template would read as markup escaped. */
export function yarnCommandText(raw: string, line: number): YarnText {
  const parts: YarnText = [];
  let text = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '{') {
      const end = expressionEnd(raw, i, line);
      if (text) parts.push(text);
      text = '';
      parts.push(readExpression(raw.slice(i + 1, end - 1), line));
      i = end - 1;
    } else text += /[[\]\\}]/.test(raw[i]) ? `\\${raw[i]}` : raw[i];
  }
  if (text) parts.push(text);
  return parts;
}

/** Yarn text that holds no expression, with its escapes resolved: a speaker's name. */
const plainText = (raw: string) => raw.replace(/\\(.)/g, '$1');

/**
 * A line's `Speaker:`: the text before its first colon that is not escaped and not inside
 * `{…}`, when that text is a plain name (no markup, expressions or quotes unless escaped) of
 * at most 200 characters; else no speaker and the whole line is text.
 */
export function speakerAndText(raw: string, line: number): { speaker: string; text: string } {
  for (let i = 0; i < raw.length && i <= 200; i++) {
    const ch = raw[i];
    if (ch === '\\') i++;
    else if (ch === '{') i = expressionEnd(raw, i, line) - 1;
    else if (ch === ':') {
      const name = raw.slice(0, i);
      if (!name.trim() || /["[\]{}<>]/.test(name.replace(/\\./g, ''))) break;
      return { speaker: plainText(name).trim(), text: raw.slice(i + 1).trim() };
    }
  }
  return { speaker: '', text: raw };
}
