/**
 * A copy of `value` without its undefined fields, so absent stays absent in packs (Roblox's
 * JSON has no null). A plain loop: this runs for every node of every dialogue. A content
 * key `__proto__` stays an ordinary key.
 */
export function defined<T extends object>(value: T): T {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    if (key === '__proto__') Object.defineProperty(copy, key, { value: field, enumerable: true, writable: true, configurable: true });
    else copy[key] = field;
  }
  return copy as T;
}
