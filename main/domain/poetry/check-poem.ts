import { lineSound, type LineSound } from './line-sound';
import { formRule, schemeLetters, type FormRule, type SyllableTarget } from './poem-forms';
import type { PoemForm, PoemScheme } from './poem-schema';
import { soundsRhyme, type Pronouncer } from './pronunciation';

export interface LineIssue {
  severity: 'error' | 'warning';
  message: string;
}

/** One line of the text as the gutter shows it. */
export interface LineReport {
  /** Index in the text's lines, blank lines included. */
  index: number;
  /** Position among the verse lines (blank lines skipped), from 0; null for a blank line. */
  verse: number | null;
  sound: LineSound | null;
  /** Letter of the rhyme group its last word falls in (A for the first sound, B for the next…). */
  rhyme: string | null;
  issues: LineIssue[];
}

export interface PoemCheck {
  lines: LineReport[];
  /** Problems of the whole poem (too few lines). */
  issues: string[];
  /** The scheme the check held the poem to, when it has one (the best fitting of a quatrain's). */
  scheme: string | null;
  rule: FormRule;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const letterAt = (n: number) => (n < 26 ? LETTERS[n] : `${LETTERS[Math.floor(n / 26) - 1]}${LETTERS[n % 26]}`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Rhyme letters of verse lines in order of first appearance, as a reader of the poem would mark them. */
function rhymeLetters(verse: LineReport[]): void {
  const groups: LineReport[][] = [];
  for (const line of verse) {
    const end = line.sound?.end;
    if (!end) continue;
    const group = groups.findIndex((members) => members.some((m) => soundsRhyme(m.sound!.end!, end)));
    if (group >= 0) {
      groups[group].push(line);
      line.rhyme = letterAt(group);
    } else {
      groups.push([line]);
      line.rhyme = letterAt(groups.length - 1);
    }
  }
}

/** Lines of one stanza that break `scheme`: each line that should rhyme with an earlier one of its letter and does not. */
function schemeBreaks(stanza: LineReport[], scheme: string[]): { line: LineReport; with: LineReport; letter: string }[] {
  const breaks: { line: LineReport; with: LineReport; letter: string }[] = [];
  const first = new Map<string, LineReport>();
  stanza.forEach((line, i) => {
    const letter = scheme[i];
    if (!letter || letter === 'x') return;
    const lead = first.get(letter);
    if (!lead) first.set(letter, line);
    else if (!lead.sound?.end || !line.sound?.end || !soundsRhyme(lead.sound.end, line.sound.end))
      breaks.push({ line, with: lead, letter });
  });
  return breaks;
}

function syllableIssue(sound: LineSound, target: SyllableTarget, what: string): LineIssue | null {
  if (sound.max >= target.min && sound.min <= target.max) return null;
  const wanted = target.min === target.max ? `${target.min}` : `${target.min}–${target.max}`;
  return target.soft
    ? { severity: 'warning', message: `${plural(sound.syllables, 'syllable')}; ${what} usually has ${wanted}` }
    : { severity: 'error', message: `${plural(sound.syllables, 'syllable')}; ${what} needs ${wanted}` };
}

/**
 * Checks a poem against its form: per line the syllables (any of a word's pronunciations
 * may make the count), the rhyme letter, and what breaks the form and why.
 */
export function checkPoem(text: string, form: PoemForm, scheme: PoemScheme | undefined, pronounce: Pronouncer): PoemCheck {
  const rule = formRule(form, scheme);
  let verseCount = 0;
  const lines: LineReport[] = text.split('\n').map((raw, index) => {
    const blank = raw.trim() === '';
    return { index, verse: blank ? null : verseCount++, sound: blank ? null : lineSound(raw, pronounce), rhyme: null, issues: [] };
  });
  const verse = lines.filter((l) => l.verse !== null);
  rhymeLetters(verse);

  const issues: string[] = [];
  const label = rule.label.toLowerCase();
  if (rule.lines !== undefined) {
    if (verse.length < rule.lines && verse.length > 0) issues.push(`A ${label} has ${rule.lines} lines; ${verse.length} written so far.`);
    for (const line of verse.slice(rule.lines)) line.issues.push({ severity: 'error', message: `A ${label} has only ${rule.lines} lines` });
  }

  const stanzaSize = rule.lines ?? rule.stanzaLines;
  let chosen: string | null = null;
  if (stanzaSize) {
    for (let start = 0; start < Math.min(verse.length, rule.lines ?? Infinity); start += stanzaSize) {
      const stanza = verse.slice(start, start + stanzaSize);
      stanza.forEach((line, i) => {
        const target = rule.syllables[i];
        const issue = target && line.sound ? syllableIssue(line.sound, target, `line ${i + 1} of a ${label}`) : null;
        if (issue) line.issues.push(issue);
      });
      if (rule.schemes.length === 0) continue;
      const options = rule.schemes.map((s) => ({ scheme: s, breaks: schemeBreaks(stanza, schemeLetters(s)) }));
      const best = options.reduce((a, b) => (b.breaks.length < a.breaks.length ? b : a));
      chosen ??= best.scheme;
      for (const b of best.breaks) {
        const word = b.with.sound?.end?.word ?? '';
        const why = b.line.sound?.end ? `should rhyme with line ${b.with.verse! + 1} (“${word}”)` : `needs a word rhyming with “${word}”`;
        b.line.issues.push({ severity: 'error', message: `${why}: scheme ${best.scheme} puts both on ${b.letter}` });
      }
    }
    if (!rule.lines && rule.stanzaLines && verse.length % rule.stanzaLines !== 0) {
      issues.push(`The last stanza has ${verse.length % rule.stanzaLines} of ${rule.stanzaLines} lines.`);
    }
  }
  return { lines, issues, scheme: chosen, rule };
}
