import { INTEROP_LIMITS, InteropError } from './interop-error';

/** A span from an opening mark to the next closing mark: `inner` is the text between them. */
export interface Span {
  start: number;
  end: number;
  inner: string;
}

/**
 * The non-overlapping spans of `text` that run from a match of `open` to the next `close`
 * (within one line when `withinLine`), left to right, in time linear in the text: the
 * next close and the next line end are each looked up once and reused until passed, so a
 * thousand openers with no closer cost one scan, not a thousand. `open` must be a global
 * pattern with no nested quantifiers (it is tried at each position).
 */
export function spans(text: string, open: RegExp, close: string, withinLine = false): Span[] {
  const found: Span[] = [];
  const pattern = new RegExp(open.source, open.flags.includes('g') ? open.flags : `${open.flags}g`);
  let closeAt = -1;
  let lineEnd = -1;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const from = match.index + match[0].length;
    if (closeAt < from) closeAt = text.indexOf(close, from);
    if (closeAt < 0) break;
    if (withinLine) {
      if (lineEnd < from) {
        const newline = text.indexOf('\n', from);
        lineEnd = newline < 0 ? text.length : newline;
      }
      if (lineEnd < closeAt) {
        pattern.lastIndex = lineEnd + 1;
        continue;
      }
    }
    found.push({ start: match.index, end: closeAt + close.length, inner: text.slice(from, closeAt) });
    pattern.lastIndex = closeAt + close.length;
  }
  return found;
}

/** `text` with each span replaced by `replace(span)`. */
export function replaceSpans(text: string, found: readonly Span[], replace: (span: Span) => string): string {
  let out = '';
  let at = 0;
  for (const span of found) {
    out += text.slice(at, span.start) + replace(span);
    at = span.end;
  }
  return out + text.slice(at);
}

/**
 * The lines of an imported script, after checking the file and every line against the
 * size limits, so that a hostile file is refused before any parsing, naming the line.
 */
export function sourceLines(source: string, format: string): string[] {
  if (source.length > INTEROP_LIMITS.maxBytes)
    throw new InteropError(`The ${format} file is larger than ${INTEROP_LIMITS.maxBytes / 1024 / 1024} MB`);
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const long = lines.findIndex((line) => line.length > INTEROP_LIMITS.maxLineLength);
  if (long >= 0)
    throw new InteropError(`Line ${long + 1} is longer than ${INTEROP_LIMITS.maxLineLength.toLocaleString('en')} characters`);
  return lines;
}
