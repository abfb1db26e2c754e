/**
 * Replaces part of a textarea's text the way typing would, so the browser's own undo
 * (Ctrl+Z) takes the whole replacement back in one step. Falls back to setting the value
 * when the browser has no insertText command.
 */
export function replaceInTextarea(
  textarea: HTMLTextAreaElement,
  start: number,
  end: number,
  text: string,
  fallback: (value: string) => void,
): void {
  textarea.focus();
  textarea.setSelectionRange(start, end);
  if (!document.execCommand('insertText', false, text)) fallback(textarea.value.slice(0, start) + text + textarea.value.slice(end));
}

/** Start and end offsets of line `index` in `text`. */
export function lineRange(text: string, index: number): { start: number; end: number } {
  let start = 0;
  for (let i = 0; i < index; i++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return { start: text.length, end: text.length };
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return { start, end: end < 0 ? text.length : end };
}
