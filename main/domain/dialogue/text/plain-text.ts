import { parseTemplate } from './parse-template';

/**
 * What a reader sees of a template without playing it (previews, search, prompts): escapes
 * resolved and markup tags removed, interpolations and format functions kept as written.
 * A template that does not parse is returned as it is.
 */
export function plainText(source: string): string {
  const parsed = parseTemplate(source);
  if (!parsed.ok) return source;
  let text = '';
  for (const part of parsed.parts) {
    if (part.type === 'text') text += part.text;
    else if (part.type === 'value' || part.type === 'select' || part.type === 'plural')
      text += source.slice(part.span.start, part.span.end);
  }
  return text;
}
