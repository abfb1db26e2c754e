import { describe, expect, it } from 'vitest';
import { diffLines, diffStats, foldUnchanged, splitLines } from '../../main/domain/text-diff';

/** A diff written the unified way: ' ' equal, '-' removed, '+' added. */
const unified = (before: string, after: string) =>
  diffLines(before, after).map((l) => `${{ equal: ' ', add: '+', remove: '-' }[l.op]}${l.text}`);

describe('text diff', () => {
  it('marks nothing when the texts are equal, and everything when one is empty', () => {
    expect(unified('a\nb', 'a\nb')).toEqual([' a', ' b']);
    expect(unified('', 'a\nb')).toEqual(['+a', '+b']);
    expect(unified('a\nb', '')).toEqual(['-a', '-b']);
    expect(diffLines('', '')).toEqual([]);
  });

  it('finds the changed line in the middle and numbers lines on both sides', () => {
    const lines = diffLines('one\ntwo\nthree\nfour', 'one\n2\nthree\nfour\nfive');
    expect(lines.map((l) => [l.op, l.text, l.oldLine, l.newLine])).toEqual([
      ['equal', 'one', 1, 1],
      ['remove', 'two', 2, undefined],
      ['add', '2', undefined, 2],
      ['equal', 'three', 3, 3],
      ['equal', 'four', 4, 4],
      ['add', 'five', undefined, 5],
    ]);
    expect(diffStats(lines)).toEqual({ added: 2, removed: 1 });
  });

  it('keeps the longest common subsequence when lines move', () => {
    expect(unified('a\nb\nc\nd', 'b\nc\na\nd')).toEqual(['-a', ' b', ' c', '+a', ' d']);
    const out = diffLines('x\na\ny\nb\nz', 'a\nq\nb');
    expect(out.filter((l) => l.op === 'equal').map((l) => l.text)).toEqual(['a', 'b']);
  });

  it('treats CRLF and LF alike', () => {
    expect(splitLines('a\r\nb\rc')).toEqual(['a', 'b', 'c']);
    expect(diffStats(diffLines('a\r\nb', 'a\nb'))).toEqual({ added: 0, removed: 0 });
  });

  it('rebuilds both texts from the diff of a larger random edit', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const before = Array.from({ length: 400 }, (_, i) => `line ${i % 37}`);
    const after = before.filter(() => random() > 0.2).map((l) => (random() > 0.9 ? `${l} changed` : l));
    const lines = diffLines(before.join('\n'), after.join('\n'));
    expect(lines.filter((l) => l.op !== 'add').map((l) => l.text)).toEqual(before);
    expect(lines.filter((l) => l.op !== 'remove').map((l) => l.text)).toEqual(after);
  });

  it('folds long unchanged runs but keeps context around changes', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`);
    const after = [...before];
    after[10] = 'changed';
    const chunks = foldUnchanged(diffLines(before.join('\n'), after.join('\n')), 2);
    expect(chunks.map((c) => (c.kind === 'skipped' ? c.count : c.lines.length))).toEqual([8, 6, 7]);
  });
});
