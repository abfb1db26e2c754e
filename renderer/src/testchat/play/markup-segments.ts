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
  /** A CSS colour from a `[color=…]` (or `colour`) tag. */
  color?: string;
}

const BOLD = new Set(['b', 'bold', 'strong']);
const ITALIC = new Set(['i', 'italic', 'em']);
const UNDERLINE = new Set(['u', 'underline']);
const STRIKE = new Set(['s', 'strike', 'strikethrough']);
const COLOR = new Set(['color', 'colour']);
/** Names and `#hex` colours only, so a property can never inject other CSS. */
const SAFE_COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i;

/**
 * The plain text cut where spans begin and end, each run styled by the spans covering it:
 * bold, italic, underline, strike-through and colour; any other markup (Yarn's `[wave]`,
 * game-defined tags) leaves its text plain. Offsets count code points, as runtimes report them.
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
      .map((span) => String(span.properties[span.name] ?? span.properties.color ?? span.properties.colour ?? span.properties.value ?? ''))
      .filter((value) => SAFE_COLOR.test(value))
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
