import { z } from 'zod';

export const POEM_SCHEMA_VERSION = 1;

export const POEM_FORMS = ['free', 'haiku', 'limerick', 'quatrain', 'sonnet', 'custom'] as const;
export const PoemForm = z.enum(POEM_FORMS);
export type PoemForm = z.infer<typeof PoemForm>;

export const POEM_LIMITS = { maxText: 200_000, maxSchemeLength: 200, maxSyllable: 40 } as const;

/**
 * A custom form's pattern: rhyme letters for one stanza (`ABAB`, `x` or `-` for a line that
 * need not rhyme, spaces ignored) and the syllables each line of the stanza should have.
 */
export const PoemScheme = z
  .object({
    rhyme: z
      .string()
      .max(POEM_LIMITS.maxSchemeLength)
      .regex(/^[A-Za-z\-\s]*$/, 'Rhyme scheme holds letters (x or - for unrhymed lines) and spaces'),
    syllables: z.array(z.number().int().min(0).max(POEM_LIMITS.maxSyllable)).max(POEM_LIMITS.maxSchemeLength),
  })
  .strict();
export type PoemScheme = z.infer<typeof PoemScheme>;

/** A poem item's data: its form, its text (one line per verse line, blank lines between stanzas), a custom form's scheme. */
export const PoemData = z
  .object({
    schemaVersion: z.literal(POEM_SCHEMA_VERSION),
    form: PoemForm,
    text: z.string().max(POEM_LIMITS.maxText),
    scheme: PoemScheme.optional(),
  })
  .strict();
export type PoemData = z.infer<typeof PoemData>;
