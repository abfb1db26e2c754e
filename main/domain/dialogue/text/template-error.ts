import type { TemplateError } from './template-parts';

/** Thrown inside the template scan, returned from `parseTemplate` as a value. */
export class TemplateSyntaxError extends Error {
  constructor(readonly detail: TemplateError) {
    super(detail.message);
    this.name = 'TemplateSyntaxError';
  }
}

/** A located template error whose message names the column. */
export const templateError = (message: string, start: number, end = start + 1) =>
  new TemplateSyntaxError({ message: `${message} (column ${start + 1})`, span: { start, end } });
