import type { Expr, Span } from '../expression/ast';
import { parseExpression } from '../expression/parser';
import { isFormatFunction, parseFormatFunction, tagScalar, type TagValue } from './format-function';
import { ESCAPABLE } from './template-escapes';
import { templateError, TemplateSyntaxError } from './template-error';
import type { MarkupProperty, TemplateParseResult, TemplatePart } from './template-parts';

const isNameChar = (ch: string | undefined) =>
  ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '_' || ch === '-');
const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t';
/** Characters that end an unquoted property value. */
const ENDS_BARE_VALUE = new Set([' ', '\t', ']', '[', '{', '}', '"']);

/**
 * One left-to-right pass over the source (an interpolation's text is read once more by the
 * expression parser), so the time is linear in the length of the text, whatever it holds. A `}` or `]` that closes nothing is literal
 * text (as in Yarn: `\[a]` shows `[a]`). Open markup tags are counted per name so a
 * closing tag is checked in constant time.
 */
class TemplateScanner {
  private i = 0;
  private readonly parts: TemplatePart[] = [];
  private text = '';
  private textStart = 0;
  private readonly open = new Map<string, number>();

  constructor(private readonly source: string) {}

  run(): TemplatePart[] {
    const { source } = this;
    while (this.i < source.length) {
      const ch = source[this.i];
      if (ch === '\\') {
        const next = source[this.i + 1];
        const escaped = next !== undefined && ESCAPABLE.has(next);
        this.append(escaped ? next : '\\', escaped ? 2 : 1);
      } else if (ch === '{') {
        this.flush();
        const start = this.i;
        const expr = this.readExpression();
        this.parts.push({ type: 'value', expr, span: { start, end: this.i } });
      } else if (ch === '[') {
        this.flush();
        this.parts.push(this.readTag());
      } else {
        this.append(ch, 1);
      }
    }
    this.flush();
    return this.parts;
  }

  private append(text: string, length: number): void {
    if (this.text === '') this.textStart = this.i;
    this.text += text;
    this.i += length;
  }

  private flush(): void {
    if (this.text === '') return;
    this.parts.push({ type: 'text', text: this.text, span: { start: this.textStart, end: this.i } });
    this.text = '';
  }

  /** `{…}` at `i`: the expression up to the first `}` outside a string literal. */
  private readExpression(): Expr {
    const { source } = this;
    const start = this.i;
    let quote: string | undefined;
    for (let j = start + 1; j < source.length; j++) {
      const ch = source[j];
      if (quote !== undefined) {
        if (ch === '\\') j++;
        else if (ch === quote) quote = undefined;
      } else if (ch === '"' || ch === "'") {
        quote = ch;
      } else if (ch === '{') {
        throw templateError("An expression cannot contain '{'; close the first one with '}'", j);
      } else if (ch === '}') {
        const inner = source.slice(start + 1, j);
        if (inner.trim() === '') throw templateError('Empty {}: write an expression inside, or \\{\\} for literal braces', start, j + 1);
        const parsed = parseExpression(inner, start + 1);
        if (!parsed.ok) throw new TemplateSyntaxError({ message: parsed.error.message, span: parsed.error.span });
        this.i = j + 1;
        return parsed.ast;
      }
    }
    throw templateError("Unclosed '{': end the expression with '}', or write \\{ for a literal '{'", start, source.length);
  }

  private readName(): string {
    const start = this.i;
    while (isNameChar(this.source[this.i])) this.i++;
    return this.source.slice(start, this.i);
  }

  private skipSpaces(): void {
    while (isSpace(this.source[this.i])) this.i++;
  }

  private unclosedTag(start: number): never {
    throw templateError("Unclosed '[': end the tag with ']', or write \\[ for a literal '['", start, this.source.length);
  }

  /** `[name props]`, `[name props/]`, `[/name]` or `[/]` at `i`. */
  private readTag(): TemplatePart {
    const { source } = this;
    const start = this.i++;
    if (source[this.i] === '/') {
      this.i++;
      const name = this.readName();
      this.skipSpaces();
      if (this.i >= source.length) this.unclosedTag(start);
      if (source[this.i] !== ']') throw templateError(`Expected ']' to end the closing tag [/${name}]`, this.i);
      this.i++;
      this.close(name, start);
      return { type: 'markupClose', name, span: { start, end: this.i } };
    }
    const name = this.readName();
    if (name === '') {
      if (this.i >= source.length) this.unclosedTag(start);
      throw templateError("Expected a tag name after '[': write \\[ for a literal '['", start, this.i + 1);
    }
    const values = new Map<string, TagValue>();
    if (source[this.i] === '=') {
      this.i++;
      values.set(name, this.readValue(name));
    }
    for (;;) {
      this.skipSpaces();
      if (this.i >= source.length) this.unclosedTag(start);
      const selfClosing = source.startsWith('/]', this.i);
      if (selfClosing || source[this.i] === ']') {
        this.i += selfClosing ? 2 : 1;
        return this.tag(name, values, selfClosing, { start, end: this.i });
      }
      const propertyStart = this.i;
      const property = this.readName();
      if (property === '') throw templateError(`Expected a property name, '/]' or ']' in the tag [${name}]`, this.i);
      if (values.has(property)) throw templateError(`Property ${property} is given twice in [${name}]`, propertyStart, this.i);
      if (source[this.i] !== '=') throw templateError(`Expected '=' after the property ${property} in [${name}]`, this.i);
      this.i++;
      values.set(property, this.readValue(property));
    }
  }

  private tag(name: string, values: Map<string, TagValue>, selfClosing: boolean, span: Span): TemplatePart {
    if (isFormatFunction(name)) return parseFormatFunction(name, values, selfClosing, span);
    const properties: MarkupProperty[] = [];
    for (const [property, value] of values) {
      if (value.kind === 'expr') {
        throw templateError(
          `Only select, plural and ordinal take an {expression} as a value; quote the value of ${property}`,
          value.span.start,
          value.span.end,
        );
      }
      properties.push({ name: property, value: tagScalar(value) });
    }
    if (selfClosing) return { type: 'markupSelf', name, properties, span };
    this.open.set(name, (this.open.get(name) ?? 0) + 1);
    return { type: 'markupOpen', name, properties, span };
  }

  private close(name: string, start: number): void {
    if (name === '') {
      this.open.clear();
      return;
    }
    const count = this.open.get(name) ?? 0;
    if (count === 0) throw templateError(`[/${name}] closes no open [${name}]`, start, this.i);
    this.open.set(name, count - 1);
  }

  /** A property's value after `=`: `"quoted"`, `{expression}` or a bare word up to a space or the tag's end. */
  private readValue(property: string): TagValue {
    const { source } = this;
    const start = this.i;
    if (source[this.i] === '{') {
      const expr = this.readExpression();
      return { kind: 'expr', expr, span: { start, end: this.i } };
    }
    if (source[this.i] === '"') return this.readQuoted();
    while (this.i < source.length && !ENDS_BARE_VALUE.has(source[this.i]) && !source.startsWith('/]', this.i)) this.i++;
    if (this.i === start) {
      if (this.i >= source.length) this.unclosedTag(start);
      throw templateError(`Expected a value after ${property}=`, start);
    }
    return { kind: 'text', text: source.slice(start, this.i), quoted: false, span: { start, end: this.i } };
  }

  /** A double-quoted value: `\"` and the template escapes stand for the character. */
  private readQuoted(): TagValue {
    const { source } = this;
    const start = this.i++;
    let text = '';
    while (this.i < source.length) {
      const ch = source[this.i];
      if (ch === '"') {
        this.i++;
        return { kind: 'text', text, quoted: true, span: { start, end: this.i } };
      }
      const next = source[this.i + 1];
      if (ch === '\\' && next !== undefined && (next === '"' || ESCAPABLE.has(next))) {
        text += next;
        this.i += 2;
      } else {
        text += ch;
        this.i++;
      }
    }
    throw templateError('Unterminated quoted value: add the closing "', start, source.length);
  }
}

/**
 * Parses a text template: `{expr}` interpolations, backslash escapes, markup tags with
 * properties (`[b]`, `[color value="red"]`, `[wave=2]`, `[/b]`, `[/]`, `[pause/]`) and the
 * format functions select, plural and ordinal. Errors come back as values with a span and a
 * message that names the column; nothing is evaluated.
 */
export function parseTemplate(source: string): TemplateParseResult {
  try {
    return { ok: true, parts: new TemplateScanner(source).run() };
  } catch (error) {
    if (!(error instanceof TemplateSyntaxError)) throw error;
    return { ok: false, error: error.detail };
  }
}
