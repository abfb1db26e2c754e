import type { CSSProperties } from 'react';
import { markupSegments, type MarkupSpan } from './markup-segments';

const styleOf = (segment: ReturnType<typeof markupSegments>[number]): CSSProperties | undefined => {
  const decoration = [segment.underline && 'underline', segment.strike && 'line-through'].filter(Boolean).join(' ');
  const style: CSSProperties = {
    ...(segment.bold ? { fontWeight: 700 } : {}),
    ...(segment.italic ? { fontStyle: 'italic' } : {}),
    ...(decoration ? { textDecoration: decoration } : {}),
    ...(segment.color ? { color: segment.color } : {}),
  };
  return Object.keys(style).length ? style : undefined;
};

/** Rendered dialogue text with its markup shown where it has an obvious look (bold, italic, colour…); other tags leave plain text. */
export function MarkupText({ text, markup }: { text: string; markup?: readonly MarkupSpan[] }) {
  if (!markup?.length) return <>{text}</>;
  return (
    <>
      {markupSegments(text, markup).map((segment, i) => {
        const style = styleOf(segment);
        return style ? (
          <span key={i} style={style} data-markup>
            {segment.text}
          </span>
        ) : (
          segment.text
        );
      })}
    </>
  );
}
