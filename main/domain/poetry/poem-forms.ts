import type { PoemForm, PoemScheme } from './poem-schema';

/** The syllables a line should have: exact for a haiku, a usual range (a warning only) for metered forms. */
export interface SyllableTarget {
  min: number;
  max: number;
  /** A soft target is a habit of the form, not a rule: missing it warns. */
  soft: boolean;
}

/** What a form asks of a stanza: rhyme letters per line (`x` for any) and syllables per line. */
export interface FormRule {
  label: string;
  description: string;
  /** Lines of the whole poem; none when any number of stanzas may follow each other. */
  lines?: number;
  /** Lines per stanza that `schemes` and `syllables` describe. */
  stanzaLines?: number;
  /** Rhyme schemes the stanza may follow (the best fitting one is checked). */
  schemes: string[];
  syllables: (SyllableTarget | null)[];
  meterHint?: string;
}

const exact = (n: number): SyllableTarget => ({ min: n, max: n, soft: false });
const around = (min: number, max: number): SyllableTarget => ({ min, max, soft: true });

const FORMS: Record<Exclude<PoemForm, 'custom'>, FormRule> = {
  free: { label: 'Free verse', description: 'No fixed lines, rhyme or meter; counts are shown for reference.', schemes: [], syllables: [] },
  haiku: {
    label: 'Haiku',
    description: 'Three lines of 5, 7 and 5 syllables.',
    lines: 3,
    schemes: [],
    syllables: [exact(5), exact(7), exact(5)],
  },
  limerick: {
    label: 'Limerick',
    description: 'Five lines rhyming AABBA; long lines 1, 2 and 5, short lines 3 and 4.',
    lines: 5,
    schemes: ['AABBA'],
    syllables: [around(7, 10), around(7, 10), around(5, 7), around(5, 7), around(7, 10)],
    meterHint: 'Anapestic: da-da-DUM da-da-DUM da-da-DUM on the long lines, two beats on the short ones.',
  },
  quatrain: {
    label: 'Quatrain',
    description: 'Stanzas of four lines rhyming ABAB, AABB, ABBA or ABCB.',
    stanzaLines: 4,
    schemes: ['ABAB', 'AABB', 'ABBA', 'ABCB'],
    syllables: [],
  },
  sonnet: {
    label: 'Sonnet',
    description: 'Fourteen lines rhyming ABAB CDCD EFEF GG, about ten syllables each.',
    lines: 14,
    schemes: ['ABABCDCDEFEFGG'],
    syllables: Array.from({ length: 14 }, () => around(9, 11)),
    meterHint: 'Iambic pentameter: da-DUM five times a line.',
  },
};

/** Letters of a scheme, one per line, upper case (`x` and `-` become `x`, spaces dropped). */
export const schemeLetters = (scheme: string): string[] =>
  [...scheme.replace(/\s+/g, '')].map((c) => (c === '-' || c.toLowerCase() === 'x' ? 'x' : c.toUpperCase()));

/** The rule of a form; a custom form's rule comes from the creator's scheme. */
export function formRule(form: PoemForm, scheme?: PoemScheme): FormRule {
  if (form !== 'custom') return FORMS[form];
  const letters = schemeLetters(scheme?.rhyme ?? '');
  const syllables = scheme?.syllables ?? [];
  const stanzaLines = Math.max(letters.length, syllables.length);
  return {
    label: 'Custom',
    description: stanzaLines ? `Stanzas of ${stanzaLines} lines following your scheme.` : 'Type a rhyme scheme and syllable counts.',
    stanzaLines: stanzaLines || undefined,
    schemes: letters.length ? [letters.join('')] : [],
    syllables: syllables.map((n) => (n > 0 ? exact(n) : null)),
  };
}

export const FORM_LABELS: Record<PoemForm, string> = {
  free: FORMS.free.label,
  haiku: FORMS.haiku.label,
  limerick: FORMS.limerick.label,
  quatrain: FORMS.quatrain.label,
  sonnet: FORMS.sonnet.label,
  custom: 'Custom',
};
