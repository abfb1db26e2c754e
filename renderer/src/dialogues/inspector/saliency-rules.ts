import type { Saliency } from '../../../../main/domain/dialogue';

/** How each saliency rule is named in the settings and what it does, in one line. */
export const SALIENCY_RULES: Record<Saliency, { label: string; explanation: string }> = {
  best: {
    label: 'Most specific',
    explanation: 'the candidate with the most specific condition; ties are broken at random',
  },
  first: { label: 'First available', explanation: 'the first available candidate, in order' },
  best_least_recently_seen: {
    label: 'Least seen, then most specific',
    explanation: 'the candidate played least often, then the most specific, then the first',
  },
  random_best_least_recently_seen: {
    label: 'Least seen, then most specific, random ties',
    explanation: 'the candidate played least often, then the most specific; ties are broken at random',
  },
};

/** The rules in the order the settings list them, the default first. */
export const SALIENCY_ORDER = Object.keys(SALIENCY_RULES) as Saliency[];
