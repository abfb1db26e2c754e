import type { Expr, Span } from '../expression/ast';

/**
 * A text template (line text, option text, an AI line's fallback, a command's text) parsed
 * into parts: plain JSON, spans are UTF-16 offsets into the source for editor squiggles.
 */
export type MarkupValue = string | number | boolean;

export interface MarkupProperty {
  name: string;
  value: MarkupValue;
}

/** Literal text, escapes already resolved. */
export interface TextPart {
  type: 'text';
  text: string;
  span: Span;
}

/** `{expr}`: the expression's value as text. */
export interface ValuePart {
  type: 'value';
  expr: Expr;
  span: Span;
}

/** The `%` inside a case of a select, plural or ordinal: the value being selected on, as text. */
export interface FormatValuePart {
  type: 'formatValue';
  span: Span;
}

/** What a case of a format function holds. */
export type CasePart = TextPart | FormatValuePart;

export interface TemplateCase {
  key: string;
  parts: CasePart[];
}

/** `[select value={$x} a="…" other="…"/]`: the case named by the value's text, else `other`. */
export interface SelectPart {
  type: 'select';
  value: Expr;
  cases: TemplateCase[];
  span: Span;
}

/** `[plural …/]` (cardinal) or `[ordinal …/]`: the case named by the number's CLDR category in the locale, else `other`. */
export interface PluralPart {
  type: 'plural';
  value: Expr;
  ordinal: boolean;
  cases: TemplateCase[];
  span: Span;
}

export interface MarkupOpenPart {
  type: 'markupOpen';
  name: string;
  properties: MarkupProperty[];
  span: Span;
}

/** `[/name]`; `name` is '' for `[/]`, which closes every open tag. */
export interface MarkupClosePart {
  type: 'markupClose';
  name: string;
  span: Span;
}

/** `[name/]`: a tag around nothing, marking a position. */
export interface MarkupSelfPart {
  type: 'markupSelf';
  name: string;
  properties: MarkupProperty[];
  span: Span;
}

export type TemplatePart = TextPart | ValuePart | SelectPart | PluralPart | MarkupOpenPart | MarkupClosePart | MarkupSelfPart;

/** A template that does not parse: where, and what to write instead. */
export interface TemplateError {
  message: string;
  span: Span;
}

export type TemplateParseResult = { ok: true; parts: TemplatePart[] } | { ok: false; error: TemplateError };

/** Where a markup tag applies in rendered text: code points of the plain text (markup removed). */
export interface MarkupSpan {
  name: string;
  start: number;
  length: number;
  properties: Record<string, MarkupValue>;
}

export interface RenderedText {
  text: string;
  /** Present when the template has markup. */
  markup?: MarkupSpan[];
}

/** The CLDR plural categories, the case names plural and ordinal accept. */
export const PLURAL_CATEGORIES: readonly string[] = ['zero', 'one', 'two', 'few', 'many', 'other'];
