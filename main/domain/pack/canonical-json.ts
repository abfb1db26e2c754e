/**
 * JSON with object keys in code-point order at every level and two-space indentation, so
 * the same content always yields the same bytes and packs diff well in git. `undefined`
 * fields are left out, as JSON.stringify does; a trailing newline ends the file.
 */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/**
 * Plain assignment keeps the copies in V8's fast object shapes, which JSON.stringify walks
 * far quicker than objects built with defineProperty; only a `__proto__` key needs
 * defineProperty, as assigning it would set the prototype instead of a field.
 */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareCodePoints)) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    if (key === '__proto__')
      Object.defineProperty(sorted, key, { value: sortKeys(field), enumerable: true, writable: true, configurable: true });
    else sorted[key] = sortKeys(field);
  }
  return sorted;
}

/** Code-point order, independent of locale, as every runtime can reproduce it. */
export const compareCodePoints = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The canonical JSON of an object whose fields' canonical JSON is already known (a pack
 * from its section files): the same bytes as `canonicalJson` of the whole, without
 * serializing everything a second time.
 */
export function canonicalJsonOf(fields: Readonly<Record<string, string>>): string {
  const keys = Object.keys(fields).sort(compareCodePoints);
  if (!keys.length) return '{}\n';
  const body = keys.map((key) => `  ${JSON.stringify(key)}: ${fields[key].trimEnd().replace(/\n/g, '\n  ')}`).join(',\n');
  return `{\n${body}\n}\n`;
}
