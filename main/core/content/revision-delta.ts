/**
 * A revision stored as the difference from the one before it: the stored JSON text of
 * the previous revision with one span replaced. Saves of a long story or of an NPC with
 * an avatar change a few characters of a large text, so a revision costs what changed,
 * not the whole item again.
 */
export interface Splice {
  /** Where the replaced span starts in the previous text. */
  at: number;
  /** How many characters of the previous text it replaces. */
  cut: number;
  /** What stands there now. */
  text: string;
}

/** Every this many revisions (or when a change is large) a revision is stored whole, so reading one applies few splices. */
export const WHOLE_EVERY = 16;

/** Characters compared at once while the texts agree: a slice comparison is a memory compare, far quicker than a loop over characters. */
const BLOCK = 4096;

/** The single span that turns `before` into `after`: their common start and end kept, the middle replaced. */
export function spliceBetween(before: string, after: string): Splice {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start + BLOCK <= shorter && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  const room = shorter - start;
  let end = 0;
  while (
    end + BLOCK <= room &&
    before.slice(before.length - end - BLOCK, before.length - end) === after.slice(after.length - end - BLOCK, after.length - end)
  ) {
    end += BLOCK;
  }
  while (end < room && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { at: start, cut: before.length - start - end, text: after.slice(start, after.length - end) };
}

export function applySplice(before: string, splice: Splice): string {
  return before.slice(0, splice.at) + splice.text + before.slice(splice.at + splice.cut);
}

/** Whether a change is worth storing as a splice: it must be much smaller than the whole text. */
export function worthSplicing(splice: Splice, wholeLength: number): boolean {
  return splice.text.length + 64 < wholeLength / 2;
}
