/** The searchable text of an item's data: every string value, in document order. */
export function searchText(data: unknown, limit = 200_000): string {
  const parts: string[] = [];
  let size = 0;
  const visit = (value: unknown): void => {
    if (size >= limit) return;
    if (typeof value === 'string') {
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
