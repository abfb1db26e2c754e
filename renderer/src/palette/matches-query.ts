/** True when every word of the query appears in the label, in any order ("npc new" finds "New NPC…"). */
export function matchesQuery(label: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const target = label.toLowerCase();
  return words.every((w) => target.includes(w));
}
