import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { MARKUP_COLORS } from '../../main/domain/dialogue/text/markup-color';
import { createRandom } from '../../main/domain/dialogue/seeded-random';
import { markupSegments, type MarkupSpan, type StyledSegment } from '../../renderer/src/testchat/play/markup-segments';
import { LUAU_MISSING, luauTitle, luauWorkspace } from '../helpers/luau';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** What the studio's playthrough shows, written as RichText: each styled run in b, i, u, s and font tags. */
function studioRichText(text: string, spans: MarkupSpan[]): string {
  return markupSegments(text, spans)
    .map((segment: StyledSegment) => {
      let piece = segment.text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
      for (const [on, tag] of [
        [segment.strike, 's'],
        [segment.underline, 'u'],
        [segment.italic, 'i'],
        [segment.bold, 'b'],
      ] as const) {
        if (on) piece = `<${tag}>${piece}</${tag}>`;
      }
      return segment.color ? `<font color="${segment.color}">${piece}</font>` : piece;
    })
    .join('');
}

/** The text a RichText string shows, read by an XML parser (which also proves the tags nest and the text is escaped). */
function shownText(rich: string): string {
  const parser = new SaxesParser();
  let shown = '';
  parser.on('text', (text) => (shown += text));
  parser.write(`<rich>${rich}</rich>`).close();
  return shown;
}

const NAMES = ['b', 'bold', 'strong', 'i', 'em', 'u', 'underline', 's', 'strike', 'color', 'colour', 'wave', 'pause', 'B'];
const COLORS = [...Object.keys(MARKUP_COLORS), 'Red', '#0f8', '#00FF88', '#12345678', 'deep red', 'red;x', 'constructor', 5, true];

/** Random texts (with characters RichText must escape, accents and emoji) and random overlapping spans. */
function cases(count: number): { text: string; markup: MarkupSpan[] }[] {
  const random = createRandom(2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const alphabet = ['a', 'b', ' ', '<', '>', '&', '"', "'", 'é', '😀', '🐉', '\n'];
  return Array.from({ length: count }, () => {
    const text = Array.from({ length: Math.floor(random() * 24) }, () => pick(alphabet)).join('');
    const points = Array.from(text).length;
    const markup = Array.from({ length: Math.floor(random() * 5) }, () => {
      const name = pick(NAMES);
      const start = Math.floor(random() * (points + 3)) - 1;
      const length = Math.floor(random() * (points + 2));
      const key = pick([name, 'color', 'colour', 'value']);
      return { name, start, length, properties: random() < 0.7 ? { [key]: pick(COLORS) } : {} } as MarkupSpan;
    });
    return { text, markup };
  });
}

describe.skipIf(LUAU_MISSING)(luauTitle('markup as Roblox RichText in real Luau'), () => {
  const luau = LUAU_MISSING ? undefined : luauWorkspace();
  afterAll(() => luau?.dispose());

  it('styles every run as the studio playthrough does, escapes the text, and nests tags an XML parser reads back to the text', () => {
    const input = [
      {
        text: 'A big red <apple> & 🐉 roars',
        markup: [
          { name: 'b', start: 2, length: 3, properties: {} },
          { name: 'color', start: 6, length: 3, properties: { color: 'red' } },
          { name: 'i', start: 2, length: 7, properties: {} },
          { name: 'b', start: 24, length: 5, properties: {} },
        ],
      },
      { text: 'Plain \'quoted\' "text"', markup: [] },
      { text: '', markup: [] },
      ...cases(400),
    ];
    const shown = JSON.parse(luau!.run('rich-text.luau', JSON.stringify(input))) as string[];
    expect(shown[0]).toBe('A <b><i>big</i></b><i> </i><font color="#FF0000"><i>red</i></font> &lt;apple&gt; &amp; 🐉 ro<b>ars</b>');
    input.forEach(({ text, markup }, i) => {
      expect({ text, markup, rich: shown[i] }).toEqual({ text, markup, rich: studioRichText(text, markup) });
      expect(shownText(shown[i])).toBe(text);
    });
    expect(shown.filter((rich) => rich.includes('<font')).length).toBeGreaterThan(20);
  });
});
