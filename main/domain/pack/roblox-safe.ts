/** A place where pack data breaks Roblox's JSON rules, as a JSON path. */
export interface RobloxIssue {
  path: string;
  message: string;
}

/** Whether an object key reads as a positive array index ("1", "42"): the first character rules out nearly every key before the pattern runs. */
const looksLikeIndex = (key: string) => {
  const first = key.charCodeAt(0);
  return first >= 49 && first <= 57 && /^[1-9]\d*$/.test(key);
};

/**
 * Checks data against what Roblox's HttpService:JSONDecode and Luau tables can hold
 * faithfully: no nulls (a nil in a Luau table is an absent key, and breaks array length),
 * no object keys that look like array indices (a table cannot mix them with string keys
 * and JSONEncode would turn it into an array), and arrays whose elements are all objects,
 * all arrays, or all scalars. Iterative, so deep data cannot overflow the stack.
 */
export function robloxIssues(root: unknown, limit = 20): RobloxIssue[] {
  const issues: RobloxIssue[] = [];
  // Paths are built only for the places reported: each visited value keeps its parent and key.
  const values: unknown[] = [root];
  const parents: number[] = [-1];
  const keys: (string | number)[] = [''];
  const stack: number[] = [0];
  const pathOf = (index: number, extra?: string): string => {
    const parts: string[] = extra === undefined ? [] : [`.${extra}`];
    for (let i = index; i > 0; i = parents[i]) parts.push(typeof keys[i] === 'number' ? `[${keys[i]}]` : `.${keys[i]}`);
    return `$${parts.reverse().join('')}`;
  };
  const visit = (value: unknown, parent: number, key: string | number) => {
    if (value === null || typeof value === 'object' || (typeof value === 'number' && !Number.isFinite(value))) {
      values.push(value);
      parents.push(parent);
      keys.push(key);
      stack.push(values.length - 1);
    }
  };
  while (stack.length && issues.length < limit) {
    const index = stack.pop()!;
    const value = values[index];
    if (value === null) {
      issues.push({ path: pathOf(index), message: 'null is not allowed (Roblox drops it); leave the field out' });
    } else if (typeof value === 'number') {
      issues.push({ path: pathOf(index), message: 'numbers must be finite' });
    } else if (Array.isArray(value)) {
      let objects = 0;
      let arrays = 0;
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (Array.isArray(item)) arrays++;
        else if (item !== null && typeof item === 'object') objects++;
        visit(item, index, i);
      }
      const kinds = [objects && 'object', arrays && 'array', value.length - objects - arrays && 'scalar'].filter(Boolean);
      if (kinds.length > 1) issues.push({ path: pathOf(index), message: `array mixes ${kinds.join(' and ')} elements` });
    } else {
      for (const key of Object.keys(value as object)) {
        if (looksLikeIndex(key)) issues.push({ path: pathOf(index, key), message: `key "${key}" looks like an array index` });
        visit((value as Record<string, unknown>)[key], index, key);
      }
    }
  }
  return issues;
}
