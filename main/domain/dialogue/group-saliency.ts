import type { Saliency } from './saliency';

/** A group candidate whose condition holds: how specific its condition is and how often it was played. */
export interface AvailableCandidate {
  /** `1 + and/or/not operators` of its condition (0 without one), `+ 1` when `once`. */
  complexity: number;
  seen: number;
}

/**
 * Which of the available candidates (in the group's order) a group plays, by the saliency
 * rule: `first` the first; `best` the highest complexity; `best_least_recently_seen` the
 * least seen, then the highest complexity, then the first; `random_best_least_recently_seen`
 * the least seen and highest complexity. Where `best` or the random rule leaves more than
 * one tied, the seeded random picks `Math.floor(random() * tied)` among them in order; a
 * single winner draws nothing, so adding a group never shifts other random draws needlessly.
 */
export function pickCandidate(available: readonly AvailableCandidate[], saliency: Saliency, random: () => number): number | undefined {
  if (available.length === 0) return undefined;
  if (saliency === 'first') return 0;
  const byRecency = saliency !== 'best';
  let tied: number[] = [];
  for (let i = 0; i < available.length; i++) {
    if (tied.length === 0) {
      tied = [i];
      continue;
    }
    const best = available[tied[0]];
    const candidate = available[i];
    const order = byRecency && candidate.seen !== best.seen ? best.seen - candidate.seen : candidate.complexity - best.complexity;
    if (order > 0) tied = [i];
    else if (order === 0) tied.push(i);
  }
  if (tied.length === 1 || saliency === 'best_least_recently_seen') return tied[0];
  return tied[Math.floor(random() * tied.length)];
}
