/**
 * A line diff (longest common subsequence) for comparing two versions of a document in
 * the history view. Common leading and trailing lines are matched first, so the usual
 * edit (a few lines changed in a long text) costs only the changed middle.
 */

export type DiffOp = 'equal' | 'add' | 'remove';

export interface DiffLine {
  op: DiffOp;
  text: string;
  /** 1-based line number in the old text (for equal and removed lines). */
  oldLine?: number;
  /** 1-based line number in the new text (for equal and added lines). */
  newLine?: number;
}

export interface DiffStats {
  added: number;
  removed: number;
}

/**
 * Above this many cells the LCS table would cost too much memory; the changed middle is
 * then shown as removed and re-added, which is still a correct (if coarse) diff.
 */
const MAX_TABLE_CELLS = 4_000_000;

export const splitLines = (text: string): string[] => (text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n'));

/** The lines of `before` and `after` in order, each marked equal, removed (only in before) or added (only in after). */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffLine[] = [];
  for (let i = 0; i < start; i++) out.push({ op: 'equal', text: a[i], oldLine: i + 1, newLine: i + 1 });
  middle(a, b, start, endA, start, endB, out);
  for (let i = endA, j = endB; i < a.length; i++, j++) out.push({ op: 'equal', text: a[i], oldLine: i + 1, newLine: j + 1 });
  return out;
}

function middle(a: string[], b: string[], a0: number, a1: number, b0: number, b1: number, out: DiffLine[]): void {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n * m > MAX_TABLE_CELLS) {
    for (let i = a0; i < a1; i++) out.push({ op: 'remove', text: a[i], oldLine: i + 1 });
    for (let j = b0; j < b1; j++) out.push({ op: 'add', text: b[j], newLine: j + 1 });
    return;
  }
  // lcs[i * (m + 1) + j]: length of the LCS of a[a0 + i..] and b[b0 + j..].
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[a0 + i] === b[b0 + j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[a0 + i] === b[b0 + j]) {
      out.push({ op: 'equal', text: a[a0 + i], oldLine: a0 + i + 1, newLine: b0 + j + 1 });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
      // On a tie the removal comes first, so a changed line reads as old then new.
      out.push({ op: 'remove', text: a[a0 + i], oldLine: a0 + i + 1 });
      i++;
    } else {
      out.push({ op: 'add', text: b[b0 + j], newLine: b0 + j + 1 });
      j++;
    }
  }
}

export function diffStats(lines: readonly DiffLine[]): DiffStats {
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.op === 'add') added++;
    else if (line.op === 'remove') removed++;
  }
  return { added, removed };
}

/** A run of lines to show, or a count of unchanged lines folded away between runs. */
export type DiffChunk = { kind: 'lines'; lines: DiffLine[] } | { kind: 'skipped'; count: number };

/** Keeps `context` unchanged lines around each change and folds the rest, as a unified diff does. */
export function foldUnchanged(lines: readonly DiffLine[], context = 3): DiffChunk[] {
  const keep = lines.map(() => false);
  lines.forEach((line, index) => {
    if (line.op === 'equal') return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++) keep[k] = true;
  });
  const chunks: DiffChunk[] = [];
  lines.forEach((line, index) => {
    const last = chunks[chunks.length - 1];
    if (keep[index]) {
      if (last?.kind === 'lines') last.lines.push(line);
      else chunks.push({ kind: 'lines', lines: [line] });
    } else if (last?.kind === 'skipped') last.count++;
    else chunks.push({ kind: 'skipped', count: 1 });
  });
  return chunks;
}
