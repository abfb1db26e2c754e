import type { Lorebook, LorebookEntry } from '../npc/npc-schema';
import { keyMatcher, keyProblems } from './lorebook-key';

/**
 * Which lorebook entries a prompt includes, with Character Card V2 semantics:
 * - disabled entries never fire; `constant` ones always do;
 * - the other entries fire when one of their keys appears in the last `scanDepth`
 *   messages (the newest included; default 2, as SillyTavern scans): case-insensitive
 *   unless `caseSensitive`, whole words for keys that start and end with a letter or
 *   digit, plain substrings otherwise, `/pattern/flags` keys as regular expressions when
 *   `useRegex` is set (run in linear time, see lorebook-key.ts; a key that cannot run
 *   never matches, and the entry is listed as skipped with why);
 * - a `selective` entry with secondary keys also needs one of those to appear;
 * - with `recursiveScanning`, the content of entries that fired is scanned too (three
 *   rounds at most), so one entry can bring in another;
 * - over `tokenBudget`, entries with the lowest `priority` are left out first (ties: the
 *   highest insertion order goes first);
 * - what fires is ordered by `insertionOrder`, lowest first, then by position in the book.
 */
export const DEFAULT_SCAN_DEPTH = 2;
const MAX_RECURSION_ROUNDS = 3;

export interface FiredEntry {
  index: number;
  /** The entry's name, its comment, or its first key: what the inspector lists. */
  label: string;
  reason: 'constant' | 'key' | 'recursion';
  /** The key that matched (for `key` and `recursion`). */
  key?: string;
  secondaryKey?: string;
  content: string;
  /** `before_char` or `after_char` (the card default) or another tool's value. */
  position: string;
  tokens: number;
}

export interface SkippedEntry {
  index: number;
  label: string;
  /** Over the token budget, or a key of the entry cannot run (`detail` says which and why). */
  reason: 'budget' | 'key_error';
  detail?: string;
}

export interface LoreScan {
  fired: FiredEntry[];
  skipped: SkippedEntry[];
}

export interface LoreScanInput {
  lorebook: Lorebook | null;
  /** The conversation's message texts, oldest first, the newest included. */
  messages: readonly string[];
  countTokens(text: string): number;
}

/** An entry whose keys (or constancy) fire it, before the token budget is applied. */
export interface MatchedEntry {
  index: number;
  reason: FiredEntry['reason'];
  key?: string;
  secondaryKey?: string;
}

/** What a lorebook's keys find in a conversation: the part of a scan that does not depend on token counts. */
export interface LoreMatch {
  matched: MatchedEntry[];
  /** Entries left out because a key cannot run. */
  keyErrors: SkippedEntry[];
}

export const entryLabel = (entry: LorebookEntry, index: number): string =>
  entry.name?.trim() || entry.comment?.trim().split('\n')[0] || entry.keys.find((key) => key.trim()) || `Entry ${index + 1}`;

/**
 * The key matching of a scan, one entry at a time: it yields after each entry it tests, so
 * a driver can let other work run between entries of a long lorebook.
 */
function* matching(lorebook: Lorebook, messages: readonly string[]): Generator<void, LoreMatch> {
  const depth = lorebook.scanDepth ?? DEFAULT_SCAN_DEPTH;
  const firstMatch = (keys: readonly string[] | undefined, entry: LorebookEntry, text: string): string | undefined =>
    (keys ?? []).find((key) => {
      const matcher = keyMatcher(key, entry);
      return matcher.ok && matcher.test(text);
    });
  const window = messages.slice(Math.max(0, messages.length - depth)).join('\n');
  const matched = new Map<number, MatchedEntry>();

  /** Matches the entries whose keys `text` holds; returns how many. */
  function* scan(text: string, reason: 'key' | 'recursion'): Generator<void, number> {
    let count = 0;
    for (const [index, entry] of lorebook.entries.entries()) {
      if (!entry.enabled || entry.constant || matched.has(index) || depth === 0) continue;
      yield;
      const key = firstMatch(entry.keys, entry, text);
      if (key === undefined) continue;
      let secondaryKey: string | undefined;
      if (entry.selective && (entry.secondaryKeys ?? []).some((k) => k.trim())) {
        secondaryKey = firstMatch(entry.secondaryKeys, entry, text);
        if (secondaryKey === undefined) continue;
      }
      matched.set(index, { index, reason, key, ...(secondaryKey === undefined ? {} : { secondaryKey }) });
      count++;
    }
    return count;
  }

  lorebook.entries.forEach((entry, index) => {
    if (entry.enabled && entry.constant) matched.set(index, { index, reason: 'constant' });
  });
  yield* scan(window, 'key');
  if (lorebook.recursiveScanning) {
    for (let round = 0; round < MAX_RECURSION_ROUNDS; round++) {
      const contents = [...matched.values()].map((entry) => lorebook.entries[entry.index].content).join('\n');
      if ((yield* scan(contents, 'recursion')) === 0) break;
    }
  }

  const keyErrors: SkippedEntry[] = [];
  for (const [index, entry] of lorebook.entries.entries()) {
    if (!entry.enabled || entry.constant || matched.has(index)) continue;
    yield;
    const [problem] = keyProblems(entry);
    if (problem)
      keyErrors.push({ index, label: entryLabel(entry, index), reason: 'key_error', detail: `${problem.key}: ${problem.error}` });
  }
  return { matched: [...matched.values()], keyErrors };
}

/** The key matching of a scan, all at once. */
export function matchLorebook(lorebook: Lorebook | null, messages: readonly string[]): LoreMatch {
  if (!lorebook) return { matched: [], keyErrors: [] };
  const steps = matching(lorebook, messages);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The key matching of a scan, awaiting `pause` between entries so a long lorebook does not hold the event loop. */
export async function matchLorebookInTurns(
  lorebook: Lorebook | null,
  messages: readonly string[],
  pause: () => Promise<void>,
): Promise<LoreMatch> {
  if (!lorebook) return { matched: [], keyErrors: [] };
  const steps = matching(lorebook, messages);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** The entries a match fires, within the lorebook's token budget, in insertion order. */
export function selectLore(lorebook: Lorebook | null, match: LoreMatch, countTokens: (text: string) => number): LoreScan {
  if (!lorebook) return { fired: [], skipped: [] };
  const fired = new Map<number, FiredEntry>(
    match.matched.map(({ index, reason, key, secondaryKey }) => {
      const entry = lorebook.entries[index];
      return [
        index,
        {
          index,
          label: entryLabel(entry, index),
          reason,
          ...(key === undefined ? {} : { key }),
          ...(secondaryKey === undefined ? {} : { secondaryKey }),
          content: entry.content,
          position: entry.position ?? 'after_char',
          tokens: countTokens(entry.content),
        },
      ];
    }),
  );
  const skipped: SkippedEntry[] = [...match.keyErrors];
  const budget = lorebook.tokenBudget;
  if (budget !== undefined && budget > 0) {
    const byImportance = [...fired.values()].sort((a, b) => {
      const ea = lorebook.entries[a.index];
      const eb = lorebook.entries[b.index];
      return (eb.priority ?? 0) - (ea.priority ?? 0) || ea.insertionOrder - eb.insertionOrder || a.index - b.index;
    });
    let used = 0;
    for (const entry of byImportance) {
      if (used + entry.tokens <= budget) used += entry.tokens;
      else {
        fired.delete(entry.index);
        skipped.push({ index: entry.index, label: entry.label, reason: 'budget' });
      }
    }
  }

  const ordered = [...fired.values()].sort(
    (a, b) => lorebook.entries[a.index].insertionOrder - lorebook.entries[b.index].insertionOrder || a.index - b.index,
  );
  return { fired: ordered, skipped: skipped.sort((a, b) => a.index - b.index) };
}

export function scanLorebook({ lorebook, messages, countTokens }: LoreScanInput): LoreScan {
  return selectLore(lorebook, matchLorebook(lorebook, messages), countTokens);
}
