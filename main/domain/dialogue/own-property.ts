/**
 * Reads a record by a key that came from content (a variable, quest or node name), never
 * from the prototype: `item_count("constructor")` must be 0, not a function.
 */
export const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/** Writes a key that came from content; `__proto__` becomes an ordinary key instead of replacing the prototype. */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}
