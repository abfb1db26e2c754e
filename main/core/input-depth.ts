/**
 * How deeply a call's input may nest. The deepest real inputs (a persona whose card
 * extensions nest to the card codec's 64 levels, a JSON schema for generateJson) stay far
 * below it; deeper input is hostile, and would exhaust the stack of whatever walks it
 * (a recursive schema, JSON.stringify when it is stored) instead of failing with a message.
 */
export const MAX_INPUT_DEPTH = 100;

/** Whether `value` nests objects or arrays more than `maxDepth` levels deep; iterative, so any depth is safe to check. */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > maxDepth) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}
