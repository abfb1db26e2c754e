/** A run of message text: plain, an `*action*` (emphasis) or `**stress**` (strong). */
export interface MarkupRun {
  text: string;
  style: 'plain' | 'emphasis' | 'strong';
}

/** `**strong**` or `*emphasis*` on one line, with text between the marks. */
const MARKS = /\*\*([^*\n]+)\*\*|\*([^*\n]+)\*/g;

/**
 * A chat message as SillyTavern shows it: `*waves*` is an action set in italics and
 * `**now**` is bold. A mark left open (a reply still streaming) stays as typed.
 */
export function roleplayRuns(text: string): MarkupRun[] {
  const runs: MarkupRun[] = [];
  let at = 0;
  for (const match of text.matchAll(MARKS)) {
    if (match.index > at) runs.push({ text: text.slice(at, match.index), style: 'plain' });
    runs.push(match[1] !== undefined ? { text: match[1], style: 'strong' } : { text: match[2], style: 'emphasis' });
    at = match.index + match[0].length;
  }
  if (at < text.length) runs.push({ text: text.slice(at), style: 'plain' });
  return runs;
}
