import { markupColor } from '../../../../main/domain/dialogue/text/markup-color';

/** A markup span as runtimes report it: the tag's name, properties, and its reach in code points of the plain text. */
export interface MarkupSpan {
  name: string;
  start: number;
  length: number;
  properties: Record<string, string | number | boolean>;
}

/** A run of text with one set of styles. */
export interface StyledSegment {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  /** The #RRGGBB colour of a `[color=…]` (or `colour`) tag (see markup-color.ts). */
  color?: string;
}

const BOLD = new Set(['b', 'bold', 'strong']);
const ITALIC = new Set(['i', 'italic', 'em']);
const UNDERLINE = new Set(['u', 'underline']);
const STRIKE = new Set(['s', 'strike', 'strikethrough']);
const COLOR = new Set(['color', 'colour']);

/** A colour span's colour: its own-named property, else `color`, `colour` or `value`. */
const spanColor = (span: MarkupSpan) =>
  markupColor(span.properties[span.name] ?? span.properties.color ?? span.properties.colour ?? span.properties.value);

/**
 * The plain text cut where spans begin and end, each run styled by the spans covering it:
 * bold, italic, underline, strike-through and colour (the last covering span's that names
 * one); any other markup (Yarn's `[wave]`, game-defined tags) leaves its text plain. Offsets
 * count code points, as runtimes report them. The Roblox runner's `richText` cuts and styles
 * text the same way.
 */
export function markupSegments(text: string, spans: readonly MarkupSpan[] = []): StyledSegment[] {
  const points = Array.from(text);
  const cuts = new Set([0, points.length]);
  for (const span of spans) {
    cuts.add(Math.min(points.length, Math.max(0, span.start)));
    cuts.add(Math.min(points.length, Math.max(0, span.start + span.length)));
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const segments: StyledSegment[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [from, to] = [edges[i], edges[i + 1]];
    const covering = spans.filter((span) => span.start <= from && span.start + span.length >= to);
    const has = (names: Set<string>) => covering.some((span) => names.has(span.name.toLowerCase()));
    const color = covering
      .filter((span) => COLOR.has(span.name.toLowerCase()))
      .map(spanColor)
      .filter((value) => value !== undefined)
      .at(-1);
    segments.push({
      text: points.slice(from, to).join(''),
      bold: has(BOLD),
      italic: has(ITALIC),
      underline: has(UNDERLINE),
      strike: has(STRIKE),
      ...(color ? { color } : {}),
    });
  }
  return segments.filter((segment) => segment.text !== '');
}
