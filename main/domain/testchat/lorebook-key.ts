import { RE2JS } from 're2js';
import type { LorebookEntry } from '../npc/npc-schema';

/**
 * One lorebook key as something that tests a text. Plain keys are literal text (whole
 * words for keys that start and end with a letter or digit). `/pattern/flags` keys of an
 * entry with `useRegex` run on re2js, a linear-time RE2 engine, so no key a card brings in
 * can take longer than a scan of the text: a pattern that would backtrack for minutes in
 * JavaScript's engine runs in microseconds. What RE2 cannot run (backreferences,
 * lookaheads) is a key error, shown in the lorebook editor; such a key never matches.
 */
export type KeyMatcher = { ok: true; test(text: string): boolean } | { ok: false; error: string };

export interface KeyProblem {
  /** `keys` or `secondaryKeys`, and the key's index in that list. */
  list: 'keys' | 'secondaryKeys';
  index: number;
  key: string;
  error: string;
}

const WORD_EDGE = /^[\p{L}\p{N}_].*[\p{L}\p{N}_]$|^[\p{L}\p{N}_]$/u;
const REGEX_KEY = /^\/(.+)\/([a-z]*)$/s;
const FLAGS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL, g: 0, y: 0, u: 0 };
const NEVER: KeyMatcher = { ok: true, test: () => false };

function regexMatcher(pattern: string, flags: string): KeyMatcher {
  let mask = RE2JS.LOOKBEHINDS;
  for (const flag of flags) {
    if (!(flag in FLAGS)) return { ok: false, error: `the flag "${flag}" is not supported (use i, m, s or u)` };
    mask |= FLAGS[flag];
  }
  try {
    const compiled = RE2JS.compile(RE2JS.translateRegExp(pattern), mask);
    return { ok: true, test: (text) => compiled.matcher(text).find() };
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /, '');
    return { ok: false, error: `the regex cannot run (${reason}); backreferences and lookaheads are not supported` };
  }
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;
const isWordChar = (codePoint: number | undefined) => codePoint !== undefined && WORD_CHAR.test(String.fromCodePoint(codePoint));

/** The code point that ends just before `at` (a surrogate pair taken whole). */
function codePointBefore(text: string, at: number): number | undefined {
  if (at <= 0) return undefined;
  const unit = text.charCodeAt(at - 1);
  return unit >= 0xdc00 && unit <= 0xdfff && at > 1 ? text.codePointAt(at - 2) : unit;
}

/** The last text lowered and its lowercase: one scan tests thousands of keys against the same text. */
let lowered = { text: '', lower: '' };
const lowerCase = (text: string) => (lowered.text === text ? lowered.lower : (lowered = { text, lower: text.toLowerCase() }).lower);

/**
 * A plain key as literal text, searched with indexOf on the text (lowercased, unless the
 * entry is case-sensitive): no pattern to compile, since a case-insensitive RegExp costs
 * V8 tens of microseconds to compile on first use, which a 10,000-entry lorebook would pay on
 * every prompt. A whole-word key then checks the characters either side.
 */
function literalMatcher(trimmed: string, caseSensitive: boolean): KeyMatcher {
  const needle = caseSensitive ? trimmed : trimmed.toLowerCase();
  const wholeWord = WORD_EDGE.test(trimmed);
  return {
    ok: true,
    test: (text) => {
      const haystack = caseSensitive ? text : lowerCase(text);
      for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
        if (!wholeWord) return true;
        if (!isWordChar(codePointBefore(haystack, at)) && !isWordChar(haystack.codePointAt(at + needle.length))) return true;
      }
      return false;
    },
  };
}

/** Compiled keys by how they are read and their text: a lorebook's keys compile once, not on every prompt. */
const compiled = new Map<string, KeyMatcher>();
const MAX_COMPILED = 50_000;

/** A matcher for one key of `entry`; a blank key matches nothing. */
export function keyMatcher(key: string, entry: Pick<LorebookEntry, 'useRegex' | 'caseSensitive'>): KeyMatcher {
  const trimmed = key.trim();
  if (!trimmed) return NEVER;
  const cacheKey = `${entry.useRegex ? 'r' : '-'}${entry.caseSensitive ? 'c' : '-'}${trimmed}`;
  const known = compiled.get(cacheKey);
  if (known) return known;
  const regex = entry.useRegex ? REGEX_KEY.exec(trimmed) : null;
  const matcher = regex ? regexMatcher(regex[1], regex[2]) : literalMatcher(trimmed, entry.caseSensitive ?? false);
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  compiled.set(cacheKey, matcher);
  return matcher;
}

/** The keys of an entry that cannot run, with why. */
export function keyProblems(entry: LorebookEntry): KeyProblem[] {
  if (!entry.useRegex) return [];
  return (['keys', 'secondaryKeys'] as const).flatMap((list) =>
    (entry[list] ?? []).flatMap((key, index) => {
      const matcher = keyMatcher(key, entry);
      return matcher.ok ? [] : [{ list, index, key, error: matcher.error }];
    }),
  );
}
