/**
 * Names for graph nodes in a format with a narrower name syntax: each id cleaned by `clean`,
 * made unique with `_2`, `_3`, … in the order given (so the first id keeps its plain name).
 */
export function uniqueNames(ids: readonly string[], clean: (id: string) => string): Map<string, string> {
  const used = new Set<string>();
  const names = new Map<string, string>();
  for (const id of ids) {
    const base = clean(id);
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    names.set(id, name);
  }
  return names;
}
