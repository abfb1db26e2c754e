import { describe, expect, it } from 'vitest';
import { Dialogue } from '../../main/domain/dialogue';
import { INTEROP_LIMITS, InteropError } from '../../main/domain/interop/interop-error';
import { importTwee } from '../../main/domain/interop/twee';
import { importYarn } from '../../main/domain/interop/yarn-import';

const identity = { id: 'hostile', name: 'Hostile' };
const spaces = (n: number) => ' '.repeat(n);

/** Imports `source`; returns the error message, or '' when it imported as a valid dialogue. */
function outcome(read: (source: string, who: typeof identity) => Dialogue, source: string): string {
  try {
    expect(Dialogue.safeParse(read(source, identity)).success).toBe(true);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(InteropError);
    return (error as Error).message;
  }
}

/**
 * CPU milliseconds this process spent on `times` runs of `run` (refusals are timed like
 * imports). CPU time, not wall time, so other processes sharing the machine do not count.
 */
function batch(run: () => unknown, times: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < times; i++) {
    try {
      run();
    } catch {
      // A refusal is an outcome like any other here.
    }
  }
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
}

/**
 * Time for 4n over time for n: about 4 for a linear parser, 16 for a quadratic one, 64 for
 * the cubic patterns it replaced. Both sizes are warmed up first (so the JIT has settled),
 * then timed in alternating batches of about 40 ms for n, keeping each size's fastest: the
 * least disturbed by the garbage collector and the JIT. Inputs stay under about 100 KB, so that
 * caches and the garbage collector's large-object space do not bend the line.
 */
const growth = (run: (source: string) => unknown, make: (n: number) => string, n: number) => {
  const small = make(n);
  const large = make(4 * n);
  expect(large.length).toBeLessThan(120_000);
  batch(() => run(large), 5);
  const times = Math.ceil(40 / Math.max(batch(() => run(small), 10) / 10, 0.01));
  let fastSmall = Infinity;
  let fastLarge = Infinity;
  for (let round = 0; round < 5; round++) {
    fastSmall = Math.min(
      fastSmall,
      batch(() => run(small), times),
    );
    fastLarge = Math.min(
      fastLarge,
      batch(() => run(large), times),
    );
  }
  return fastLarge / fastSmall;
};

/** Story text with every opener Twee markup has and no closer until the last line. */
const tweeOpeners = ['[[', '<<', '(a:', '/*', '<a', '<!--', '[[a->b', '[[a<-b', '[[a|b'];
const hostileTwee = (lines: number, width: number) =>
  `:: Start\n${Array.from({ length: lines }, (_, i) => `${tweeOpeners[i % tweeOpeners.length]}${spaces(width)}x`).join('\n')}\n]] >> ) */ > -->\n`;

/** A Yarn node of commands, options, sets and declares padded with whitespace where the old patterns backtracked. */
const yarnShapes = [
  (w: number) => `<<a${spaces(w)}x`,
  (w: number) => `-> <<if${spaces(w)}x`,
  (w: number) => `-> a <<${spaces(w)}`,
  (w: number) => `<<set $x to${spaces(w)}1`,
  (w: number) => `<<declare $y = 1${spaces(w)}as${spaces(w)}x>>`,
  (w: number) => `A: ${'<<'.repeat(w / 2)}#${'#'.repeat(w)}`,
];
const hostileYarn = (lines: number, width: number) =>
  `title: Start\n---\n${Array.from({ length: lines }, (_, i) => yarnShapes[i % yarnShapes.length](width)).join('\n')}\n===\n`;

describe('Twee import of hostile text', () => {
  it('the 247-byte header that took 8 s is refused at once, naming the line', () => {
    const source = `::${spaces(220)}[`;
    expect(source.length).toBe(223);
    expect(outcome(importTwee, source)).toBe("Line 1: the passage's tag list has no closing ]");
    expect(outcome(importTwee, `:: Start\nHello\n::${spaces(22_000)}[`)).toBe('Line 3 is longer than 20,000 characters');
    expect(outcome(importTwee, `:: Start\nHello\n:: A ${spaces(200)}[x] junk`)).toBe(
      'Line 3: a passage header may only hold a name, [tags] and {metadata}',
    );
  });

  it('files and lines past the limits are refused before parsing', () => {
    const big = `:: Start\n${'word '.repeat(INTEROP_LIMITS.maxBytes / 5 + 1)}`;
    expect(outcome(importTwee, big)).toBe('The Twee file is larger than 2 MB');
    expect(outcome(importTwee, `:: Start\n${'a'.repeat(20_001)}`)).toBe('Line 2 is longer than 20,000 characters');
  });

  it('openers without closers import as prose', () => {
    const dialogue = importTwee(hostileTwee(9, 2000), identity);
    expect(dialogue.nodes.Start).toMatchObject({ kind: 'line' });
  });

  it('parse time grows linearly with the number of hostile lines and with their width', () => {
    const run = (source: string) => importTwee(source, identity);
    expect(growth(run, (n) => hostileTwee(n, 20), 600)).toBeLessThan(10);
    expect(growth(run, (n) => hostileTwee(10, n), 2000)).toBeLessThan(10);
  });
});

describe('Yarn import of hostile text', () => {
  it('the 4 KB line that took 21 s imports at once as text, and its 100x variant is refused naming the line', () => {
    const source = (width: number) => `title: Start\n---\n<<a${spaces(width)}x\n===\n`;
    expect(outcome(importYarn, source(4000))).toBe('');
    expect(outcome(importYarn, source(400_000))).toBe('Line 3 is longer than 20,000 characters');
    expect(outcome(importYarn, `title: Start\n---\n-> Go <<if${spaces(3000)}>>\n===\n`)).toBe(
      "Line 3: an option's <<if>> needs a condition",
    );
    expect(outcome(importYarn, `title: Start\n---\n<<if $a>>\n<<elsewhere${spaces(3000)}>>\n===\n`)).toBe(
      'Line 3: <<if>> has no <<endif>>',
    );
  });

  it('a declare with padding keeps its value and drops its type', () => {
    const dialogue = importYarn(`title: Start\n---\n<<declare $gold = 5${spaces(3000)}as${spaces(3000)}number>>\nHi\n===\n`, identity);
    expect(dialogue.variables).toEqual([{ name: 'gold', type: 'number', default: 5 }]);
  });

  it('parse time grows linearly with the number of hostile lines and with their width', () => {
    const run = (source: string) => importYarn(source, identity);
    expect(growth(run, (n) => hostileYarn(n, 20), 150)).toBeLessThan(10);
    expect(growth(run, (n) => hostileYarn(12, n), 1000)).toBeLessThan(10);
  });
});
