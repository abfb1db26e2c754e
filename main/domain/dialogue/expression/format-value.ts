import type { Value } from './ast';

/**
 * A value as text, the same in every runtime: integers without a fraction (`3`, not `3.0`),
 * other numbers in their shortest round-trip form (JavaScript's `String(n)`), booleans as
 * Yarn prints them (`True`, `False`), strings as they are.
 */
export function formatValue(value: Value): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  return value;
}
