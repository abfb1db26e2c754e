/** A place where pack data breaks Roblox's JSON rules, as a JSON path. */
export interface RobloxIssue {
  path: string;
  message: string;
}

const kindOf = (value: unknown): string => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/**
 * Checks data against what Roblox's HttpService:JSONDecode and Luau tables can hold
 * faithfully: no nulls (a nil in a Luau table is an absent key, and breaks array length),
 * no object keys that look like array indices (a table cannot mix them with string keys
 * and JSONEncode would turn it into an array), and arrays whose elements are all objects,
 * all arrays, or all scalars. Iterative, so deep data cannot overflow the stack.
 */
export function robloxIssues(root: unknown, limit = 20): RobloxIssue[] {
  const issues: RobloxIssue[] = [];
  const stack: [unknown, string][] = [[root, '$']];
  while (stack.length && issues.length < limit) {
    const [value, path] = stack.pop()!;
    if (value === null) {
      issues.push({ path, message: 'null is not allowed (Roblox drops it); leave the field out' });
    } else if (Array.isArray(value)) {
      const kinds = new Set(value.map((item) => (kindOf(item) === 'object' || kindOf(item) === 'array' ? kindOf(item) : 'scalar')));
      if (kinds.size > 1) issues.push({ path, message: `array mixes ${[...kinds].join(' and ')} elements` });
      value.forEach((item, i) => stack.push([item, `${path}[${i}]`]));
    } else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (/^[1-9]\d*$/.test(key)) issues.push({ path: `${path}.${key}`, message: `key "${key}" looks like an array index` });
        stack.push([item, `${path}.${key}`]);
      }
    } else if (typeof value === 'number' && !Number.isFinite(value)) {
      issues.push({ path, message: 'numbers must be finite' });
    }
  }
  return issues;
}
