import { setOwn } from './own-property';
import { escapeText } from './text/template-escapes';

/** A text with a backslash before each `\\ { } [ ]`, so text written before templates renders exactly as it reads. */
const escapeVersion1 = (text: unknown): unknown => (typeof text === 'string' ? escapeText(text) : text);

/**
 * A node of the first dialogue format (a record's or a pack's, which agree on these fields)
 * with its player-visible texts (line text, AI line fallback, option texts) escaped, so as
 * templates they render exactly what they said before.
 */
function escapeNodeTexts(node: unknown): unknown {
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  switch (record.kind) {
    case 'line':
      return { ...record, text: escapeVersion1(record.text) };
    case 'aiLine':
      return { ...record, fallbackText: escapeVersion1(record.fallbackText) };
    case 'choice':
      return Array.isArray(record.options)
        ? {
            ...record,
            options: record.options.map((option: unknown) =>
              option && typeof option === 'object' ? { ...option, text: escapeVersion1((option as Record<string, unknown>).text) } : option,
            ),
          }
        : record;
    default:
      return record;
  }
}

/** A dialogue's `nodes` map (record or pack) of the first format with every node's texts escaped; anything else unchanged. */
export function escapeVersion1Nodes(nodes: unknown): unknown {
  if (nodes === null || typeof nodes !== 'object' || Array.isArray(nodes)) return nodes;
  const escaped: Record<string, unknown> = {};
  for (const [id, node] of Object.entries(nodes)) setOwn(escaped, id, escapeNodeTexts(node));
  return escaped;
}
