/**
 * A small seeded generator (mulberry32) so a playthrough replays exactly from its seed in
 * the studio, in tests and in the exported runtimes (the Luau one implements the same algorithm).
 * String seeds are folded to 32 bits with FNV-1a (by their text, for JavaScript callers of the web runtime that pass something else).
 */
export function createRandom(seed: number | string): () => number {
  let state = typeof seed === 'number' ? seed >>> 0 : fnv1a(String(seed));
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
