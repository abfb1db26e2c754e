/** One kind of markup: from a match of `open` to the next `close` (on the same line when `withinLine`). */
export interface MarkupKind {
  open: RegExp;
  close: string;
  withinLine?: boolean;
}

/** A piece of markup found in a text: which kind, where, and the text between its marks. */
export interface MarkupSpan {
  kind: number;
  start: number;
  end: number;
  inner: string;
}

const NONE = Number.MAX_SAFE_INTEGER;

/**
 * Finds markup the way a story format's wikifier does: left to right, the opener that starts
 * first wins and runs to its closer, and nothing inside it is markup of another kind (a
 * link inside a comment is part of the comment). Runs in time linear in the text: each kind
 * remembers its next opener, its next closer and the next line end, and looks again only
 * once the scan has passed them, so a thousand openers with no closer cost one scan.
 * `open` patterns must have no nested quantifiers (each is tried at every position).
 */
export function scanMarkup(text: string, kinds: readonly MarkupKind[]): MarkupSpan[] {
  const patterns = kinds.map((k) => new RegExp(k.open.source, k.open.flags.includes('g') ? k.open.flags : `${k.open.flags}g`));
  const opener = kinds.map(() => ({ at: -1, length: 0 }));
  const closeAt = kinds.map(() => -1);
  let lineEnd = -1;
  const found: MarkupSpan[] = [];
  let cursor = 0;
  const nextOpener = (k: number) => {
    if (opener[k].at >= cursor || opener[k].at === NONE) return opener[k].at;
    patterns[k].lastIndex = cursor;
    const match = patterns[k].exec(text);
    opener[k] = match ? { at: match.index, length: match[0].length } : { at: NONE, length: 0 };
    return opener[k].at;
  };
  const closerAfter = (k: number, from: number) => {
    if (closeAt[k] < from && closeAt[k] !== NONE) {
      const at = text.indexOf(kinds[k].close, from);
      closeAt[k] = at < 0 ? NONE : at;
    }
    return closeAt[k];
  };
  const lineEndAfter = (from: number) => {
    if (lineEnd < from) {
      const at = text.indexOf('\n', from);
      lineEnd = at < 0 ? text.length : at;
    }
    return lineEnd;
  };
  for (;;) {
    let first = -1;
    for (let k = 0; k < kinds.length; k++) if (nextOpener(k) !== NONE && (first < 0 || opener[k].at < opener[first].at)) first = k;
    if (first < 0) return found;
    const start = opener[first].at;
    const from = start + opener[first].length;
    const close = closerAfter(first, from);
    if (close === NONE) {
      // No closer anywhere after it, so no later opener of this kind has one either.
      opener[first].at = NONE;
      continue;
    }
    if (kinds[first].withinLine && lineEndAfter(from) < close) {
      // This opener has no closer on its line: it is text. Look for this kind again just after it.
      cursor = start + 1;
      continue;
    }
    found.push({ kind: first, start, end: close + kinds[first].close.length, inner: text.slice(from, close) });
    cursor = close + kinds[first].close.length;
  }
}

/** `text` with each span replaced by `replace(span)`. */
export function replaceSpans(text: string, found: readonly MarkupSpan[], replace: (span: MarkupSpan) => string): string {
  let out = '';
  let at = 0;
  for (const span of found) {
    out += text.slice(at, span.start) + replace(span);
    at = span.end;
  }
  return out + text.slice(at);
}
