/** Embedded images (an NPC's avatar): never prose, and large enough to crowd real text out of the limit. */
const DATA_URL = /^data:[\w.+-]+\/[\w.+-]+;base64,/;

/** The searchable text of an item's data: every string value but data URLs, in document order. */
export function searchText(data: unknown, limit = 200_000): string {
  const parts: string[] = [];
  let size = 0;
  const visit = (value: unknown): void => {
    if (size >= limit) return;
    if (typeof value === 'string') {
      if (DATA_URL.test(value)) return;
      parts.push(value);
      size += value.length;
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(visit);
    }
  };
  visit(data);
  return parts.join('\n').slice(0, limit);
}

/**
 * The searchable text of one item. A script's is its code alone (its language and folder
 * would crowd the snippets); every other kind gives all its strings.
 */
export function itemSearchText(kind: string, data: unknown): string {
  if (kind === 'script' && data && typeof data === 'object' && typeof (data as { code?: unknown }).code === 'string') {
    return searchText((data as { code: string }).code);
  }
  return searchText(data);
}
