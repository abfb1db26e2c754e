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

/** A matcher for one key of `entry`; a blank key matches nothing. */
export function keyMatcher(key: string, entry: Pick<LorebookEntry, 'useRegex' | 'caseSensitive'>): KeyMatcher {
  const trimmed = key.trim();
  if (!trimmed) return NEVER;
  const regex = entry.useRegex ? REGEX_KEY.exec(trimmed) : null;
  if (regex) return regexMatcher(regex[1], regex[2]);
  const flags = entry.caseSensitive ? 'u' : 'iu';
  const escaped = trimmed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = WORD_EDGE.test(trimmed)
    ? new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, flags)
    : new RegExp(escaped, flags);
  return { ok: true, test: (text) => pattern.test(text) };
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
