import { z } from 'zod';
import { PACK_LIMITS, PackExpr, PackValue } from './pack-schema';

/**
 * A text template as a pack ships it beside its source: parts without spans, escapes
 * resolved, enum cases lowered to literals. Runtimes render it instead of parsing the
 * source. Schemas here reach `pack-schema` only inside `z.lazy`, so either module may be
 * loaded first; `pack-schema` should refer to `PackTextPart` the same way.
 */
export type PackMarkupProperty = { name: string; value: boolean | number | string };
export type PackTextCase = { key: string; parts: PackTextPart[] };
export type PackTextPart =
  | { type: 'text'; text: string }
  | { type: 'value'; expr: PackExpr }
  | { type: 'select'; value: PackExpr; cases: PackTextCase[] }
  | { type: 'plural'; value: PackExpr; ordinal: boolean; cases: PackTextCase[] }
  | { type: 'formatValue' }
  | { type: 'markupOpen'; name: string; properties: PackMarkupProperty[] }
  | { type: 'markupClose'; name: string }
  | { type: 'markupSelf'; name: string; properties: PackMarkupProperty[] };

export const PACK_TEXT_LIMITS = { maxParts: 10_000, maxCases: 64, maxProperties: 32, maxName: 64 } as const;

const Name = z.string().max(PACK_TEXT_LIMITS.maxName);
const Properties = z.lazy(() => z.array(z.object({ name: Name.min(1), value: PackValue }).strict()).max(PACK_TEXT_LIMITS.maxProperties));
const Cases = z.lazy(() =>
  z
    .array(z.object({ key: Name.min(1), parts: z.array(PackTextPart).max(PACK_TEXT_LIMITS.maxParts) }).strict())
    .min(1)
    .max(PACK_TEXT_LIMITS.maxCases),
);

export const PackTextPart: z.ZodType<PackTextPart> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), text: z.string().max(PACK_LIMITS.maxText) }).strict(),
    z.object({ type: z.literal('value'), expr: PackExpr }).strict(),
    z.object({ type: z.literal('select'), value: PackExpr, cases: Cases }).strict(),
    z.object({ type: z.literal('plural'), value: PackExpr, ordinal: z.boolean(), cases: Cases }).strict(),
    z.object({ type: z.literal('formatValue') }).strict(),
    z.object({ type: z.literal('markupOpen'), name: Name.min(1), properties: Properties }).strict(),
    z.object({ type: z.literal('markupClose'), name: Name }).strict(),
    z.object({ type: z.literal('markupSelf'), name: Name.min(1), properties: Properties }).strict(),
  ]),
);

/** A template's parts, as a text field of a pack carries them. */
export const PackTemplate = z.lazy(() => z.array(PackTextPart).max(PACK_TEXT_LIMITS.maxParts));
