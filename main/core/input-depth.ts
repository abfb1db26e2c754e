/**
 * How deeply a call's input may nest. The deepest real inputs (a persona whose card
 * extensions nest to the card codec's 64 levels, a JSON schema for generateJson) stay far
 * below it; deeper input is hostile, and would exhaust the stack of whatever walks it
 * (a recursive schema, JSON.stringify when it is stored) instead of failing with a message.
 */
export const MAX_INPUT_DEPTH = 100;

/**
 * Whether `value` nests objects or arrays more than `maxDepth` levels deep. It recurses at
 * most `maxDepth + 1` calls deep whatever the input, and allocates nothing, so an NPC with
 * a 10,000-entry lorebook is checked in a few milliseconds.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (maxDepth === 0) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (nestsDeeperThan(item, maxDepth - 1)) return true;
    return false;
  }
  for (const key in value) if (nestsDeeperThan((value as Record<string, unknown>)[key], maxDepth - 1)) return true;
  return false;
}
