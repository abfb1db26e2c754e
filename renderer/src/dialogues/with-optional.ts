/** The object with an optional field set, or left out when empty, so blank inputs never store `""` or `undefined`. */
export function withOptional<T extends object, K extends keyof T>(object: T, key: K, value: T[K] | undefined): T {
  const { [key]: _old, ...rest } = object;
  return (value === undefined || value === '' ? rest : { ...rest, [key]: value }) as T;
}
