import type { Expr, Span } from '../expression/ast';
import { templateError } from './template-error';
import { PLURAL_CATEGORIES, type CasePart, type MarkupValue, type PluralPart, type SelectPart, type TemplateCase } from './template-parts';

/** A tag property's value as written: an `{expression}`, or text (quoted or bare). */
export type TagValue = { kind: 'expr'; expr: Expr; span: Span } | { kind: 'text'; text: string; quoted: boolean; span: Span };

const FORMAT_FUNCTIONS = new Set(['select', 'plural', 'ordinal']);

/** A quoted value is a string; a bare one is a bool, a number or else a string. */
export function tagScalar(value: TagValue & { kind: 'text' }): MarkupValue {
  if (value.quoted) return value.text;
  if (value.text === 'true' || value.text === 'false') return value.text === 'true';
  return /^-?\d+(\.\d+)?$/.test(value.text) ? Number(value.text) : value.text;
}

export const isFormatFunction = (name: string): boolean => FORMAT_FUNCTIONS.has(name);

/** A case's text split at `%`, which stands for the value being formatted. */
function caseParts(text: string, span: Span): CasePart[] {
  const parts: CasePart[] = [];
  text.split('%').forEach((piece, i) => {
    if (i > 0) parts.push({ type: 'formatValue', span });
    if (piece !== '') parts.push({ type: 'text', text: piece, span });
  });
  return parts;
}

/**
 * `[select value={$x} a="…" other="…"/]`, `[plural value={$n} one="…" other="…"/]` or
 * `[ordinal …/]`: always self-closing, with a `value` and at least one case. A bare or quoted
 * `value` is taken as a literal (a number when it reads as one). Plural and ordinal case
 * names must be CLDR categories.
 */
export function parseFormatFunction(
  name: string,
  values: ReadonlyMap<string, TagValue>,
  selfClosing: boolean,
  span: Span,
): SelectPart | PluralPart {
  if (!selfClosing) throw templateError(`[${name} …] must close itself: end it with '/]'`, span.start, span.end);
  const value = values.get('value');
  if (value === undefined) throw templateError(`[${name}] needs a value, as in [${name} value={$x} … /]`, span.start, span.end);
  const cases: TemplateCase[] = [];
  for (const [key, written] of values) {
    if (key === 'value') continue;
    if (written.kind === 'expr') {
      throw templateError(`The case ${key} of [${name}] is text, not an {expression}`, written.span.start, written.span.end);
    }
    if (name !== 'select' && !PLURAL_CATEGORIES.includes(key)) {
      throw templateError(`${key} is not a plural category; use ${PLURAL_CATEGORIES.join(', ')}`, written.span.start, written.span.end);
    }
    cases.push({ key, parts: caseParts(written.text, written.span) });
  }
  if (cases.length === 0) throw templateError(`[${name}] needs at least one case, such as other="…"`, span.start, span.end);
  const expr: Expr = value.kind === 'expr' ? value.expr : { type: 'literal', value: tagScalar(value), span: value.span };
  return name === 'select'
    ? { type: 'select', value: expr, cases, span }
    : { type: 'plural', value: expr, ordinal: name === 'ordinal', cases, span };
}
