import { typeOfValue, type Value } from '../expression/ast';
import { evaluate, EvaluationError } from '../expression/evaluator';
import { formatValue } from '../expression/format-value';
import type { EvaluationScope } from '../expression/function-definition';
import { pluralCategory } from './plural-category';
import type { MarkupSpan, PluralPart, RenderedText, SelectPart, TemplateCase, TemplatePart } from './template-parts';

/** How many Unicode code points a string holds (a surrogate pair is one). */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

function chooseCase(part: SelectPart | PluralPart, key: string, what: string): TemplateCase {
  const found = part.cases.find((c) => c.key === key) ?? part.cases.find((c) => c.key === 'other');
  if (!found) throw new EvaluationError(`[${what}] has no case ${key} and no other case`, part.span);
  return found;
}

/**
 * Renders parsed template parts against the state: interpolations as `formatValue` shows
 * values, a select's case by the value's text, a plural's or ordinal's by the CLDR category
 * of the number in `locale` (a missing case falls back to `other`), `%` in a case as the value.
 * Markup is removed from the text and returned as spans in code points; a tag left open
 * closes at the end. Tree parts from a pack (no spans) render the same.
 */
export function renderTemplate(parts: readonly TemplatePart[], scope: EvaluationScope, locale = 'en'): RenderedText {
  let text = '';
  let length = 0;
  const spans: MarkupSpan[] = [];
  const open = new Map<string, number[]>();

  const append = (piece: string) => {
    text += piece;
    length += codePoints(piece);
  };
  const close = (indices: readonly number[]) => {
    for (const index of indices) spans[index].length = length - spans[index].start;
  };
  const renderCase = (chosen: TemplateCase, value: Value) => {
    for (const piece of chosen.parts) append(piece.type === 'text' ? piece.text : formatValue(value));
  };

  for (const part of parts) {
    switch (part.type) {
      case 'text':
        append(part.text);
        break;
      case 'value':
        append(formatValue(evaluate(part.expr, scope)));
        break;
      case 'select': {
        const value = evaluate(part.value, scope);
        renderCase(chooseCase(part, formatValue(value), 'select'), value);
        break;
      }
      case 'plural': {
        const what = part.ordinal ? 'ordinal' : 'plural';
        const value = evaluate(part.value, scope);
        if (typeof value !== 'number') {
          throw new EvaluationError(`[${what}] needs a number, got ${typeOfValue(value)} ${JSON.stringify(value)}`, part.value.span);
        }
        renderCase(chooseCase(part, pluralCategory(value, locale, part.ordinal), what), value);
        break;
      }
      case 'markupOpen':
      case 'markupSelf': {
        spans.push({
          name: part.name,
          start: length,
          length: 0,
          properties: Object.fromEntries(part.properties.map((p) => [p.name, p.value])),
        });
        if (part.type === 'markupOpen') {
          const indices = open.get(part.name);
          if (indices) indices.push(spans.length - 1);
          else open.set(part.name, [spans.length - 1]);
        }
        break;
      }
      case 'markupClose':
        if (part.name === '') {
          for (const indices of open.values()) close(indices);
          open.clear();
        } else {
          const index = open.get(part.name)?.pop();
          if (index !== undefined) close([index]);
        }
        break;
    }
  }
  for (const indices of open.values()) close(indices);
  return spans.length > 0 ? { text, markup: spans } : { text };
}
