import type { Span } from '../expression/ast';
import { describeType, typecheck, type DeclaredVariables, type ExpressionContext, type TypeProblemCode } from '../expression/typecheck';
import { parseTemplate } from './parse-template';
import type { PluralPart, SelectPart, TemplatePart } from './template-parts';

export type TemplateProblemCode = 'invalid_template' | 'missing_other_case' | TypeProblemCode;

export interface TemplateProblem {
  code: TemplateProblemCode;
  message: string;
  /** Offsets into the template's source. */
  span: Span;
}

export interface CheckedTemplate {
  /** Present when the template parsed, even with type problems. */
  parts: TemplatePart[] | undefined;
  problems: TemplateProblem[];
}

const formatName = (part: SelectPart | PluralPart) => (part.type === 'select' ? 'select' : part.ordinal ? 'ordinal' : 'plural');

/**
 * Parses and checks a template against the dialogue's declarations: its syntax, every
 * interpolated expression (undeclared variables, type errors), plural and ordinal values
 * that are not numbers, and format functions without an `other` case (the text any value
 * can fall back to).
 */
export function checkTemplate(source: string, context: ExpressionContext | DeclaredVariables): CheckedTemplate {
  const parsed = parseTemplate(source);
  if (!parsed.ok) return { parts: undefined, problems: [{ code: 'invalid_template', ...parsed.error }] };
  const problems: TemplateProblem[] = [];
  for (const part of parsed.parts) {
    if (part.type === 'value') {
      problems.push(...typecheck(part.expr, context).problems);
    } else if (part.type === 'select' || part.type === 'plural') {
      const { type, problems: valueProblems } = typecheck(part.value, context);
      problems.push(...valueProblems);
      const name = formatName(part);
      if (part.type === 'plural' && type !== undefined && type !== 'number') {
        problems.push({
          code: 'type_mismatch',
          message: `[${name}] needs a number, but this is ${describeType(type)}`,
          span: part.value.span,
        });
      }
      if (!part.cases.some((c) => c.key === 'other')) {
        problems.push({
          code: 'missing_other_case',
          message: `[${name}] needs an other="…" case for values no other case names`,
          span: part.span,
        });
      }
    }
  }
  return { parts: parsed.parts, problems };
}
