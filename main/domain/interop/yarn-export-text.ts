import { InteropError } from './interop-error';
import { parseYarnExpression, type YarnExpr } from './yarn-expression';
import { yarnExpressionText } from './yarn-expression-text';

/** Maps node ids named in `visited()`/`visited_count()` to the Yarn titles they are written under. */
export type TitleOf = (id: string) => string | undefined;

function renamed(expr: YarnExpr, titleOf: TitleOf): YarnExpr {
  switch (expr.type) {
    case 'call': {
      const args = expr.args.map((arg) => renamed(arg, titleOf));
      const [first] = args;
      if ((expr.name === 'visited' || expr.name === 'visited_count') && first?.type === 'literal' && typeof first.value === 'string')
        args[0] = { type: 'literal', value: titleOf(first.value) ?? first.value };
      return { ...expr, args };
    }
    case 'unary':
      return { ...expr, operand: renamed(expr.operand, titleOf) };
    case 'binary':
      return { ...expr, left: renamed(expr.left, titleOf), right: renamed(expr.right, titleOf) };
    default:
      return expr;
  }
}

/**
 * A Loreweaver expression as Yarn reads it: parsed with Loreweaver's precedence and written
 * with the parentheses both languages agree on, node ids in visit functions replaced by the
 * titles they are exported under. Text that does not parse is written as it is.
 */
export function yarnExpression(source: string, titleOf: TitleOf): string {
  try {
    return yarnExpressionText(renamed(parseYarnExpression(source, 0, 'loreweaver'), titleOf));
  } catch (error) {
    if (error instanceof InteropError) return source.replace(/[\r\n\u2028\u2029]+/g, ' ');
    throw error;
  }
}

/** Where the `{expression}` at `start` of a template ends (after its `}`), or -1; strings in it may hold `}`. */
function templateExpressionEnd(text: string, start: number): number {
  for (let i = start + 1, quote = ''; i < text.length; i++) {
    if (quote) {
      if (text[i] === '\\') i++;
      else if (text[i] === quote) quote = '';
    } else if (text[i] === '"' || text[i] === "'") quote = text[i];
    else if (text[i] === '}') return i + 1;
  }
  return -1;
}

/** Escapes Loreweaver templates and Yarn share: written as they are. */
const SHARED_ESCAPES = new Set(['{', '}', '[', ']', '\\', '#', '/', '<', '>']);

/**
 * A Loreweaver template (line, option or command text) as Yarn text on one line that
 * Yarn reads as the same template: `{expressions}` converted, markup and escapes kept, and
 * everything Yarn would read as something else escaped: `#` (hashtags), `//` (comments),
 * `<<` (commands), a stray `}` or `{`, a literal backslash, `->`/`=>` at the start and, with
 * `colons`, every `:` (which would name a speaker). Line breaks become spaces.
 */
export function yarnTemplate(template: string, titleOf: TitleOf, colons: boolean): string {
  let out = '';
  const text = template.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === '\\') {
      if (next !== undefined && SHARED_ESCAPES.has(next)) {
        out += `\\${next}`;
        i++;
      } else out += '\\\\';
    } else if (ch === '{') {
      const end = templateExpressionEnd(text, i);
      if (end < 0) out += '\\{';
      else {
        out += `{${yarnExpression(text.slice(i + 1, end - 1), titleOf)}}`;
        i = end - 1;
      }
    } else if (ch === '}' || ch === '#' || (ch === ':' && colons)) out += `\\${ch}`;
    else if ((ch === '/' && next === '/') || (ch === '<' && next === '<')) out += `\\${ch}`;
    else if (ch === '>' && (out === '-' || out === '=')) out += '\\>';
    else out += ch;
  }
  return out.trim() ? out : '{""}';
}

/** A speaker's name (plain text) escaped so that the line's first colon is the one after it. */
export const yarnSpeaker = (name: string) => name.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/[\\{}[\]#/<>:"]/g, '\\$&');

/** Command text (a Loreweaver template) as the inside of a Yarn `<<command>>`: expressions converted, template escapes resolved. */
export function yarnCommand(template: string, titleOf: TitleOf): string {
  let out = '';
  const text = template.replace(/[\r\n\u2028\u2029]+/g, ' ');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) out += text[++i];
    else if (text[i] === '{') {
      const end = templateExpressionEnd(text, i);
      if (end < 0) out += '{';
      else {
        out += `{${yarnExpression(text.slice(i + 1, end - 1), titleOf)}}`;
        i = end - 1;
      }
    } else out += text[i];
  }
  return out.replace(/>>/g, '> >');
}
