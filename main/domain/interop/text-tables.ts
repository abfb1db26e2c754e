import { compareCodePoints } from '../pack/canonical-json';
import type { Pack } from '../pack/pack-schema';
import { toCsv } from './csv';

interface SpokenLine {
  lineId: string;
  speaker: string;
  text: string;
  emotion: string;
  dialogue: string;
  /** For AI lines: the instruction the authored fallback stands in for. */
  note: string;
}

/** Every line and AI line of the pack, by dialogue then node id, with its line id. */
export function spokenLines(pack: Pick<Pack, 'dialogues'>): SpokenLine[] {
  const lines: SpokenLine[] = [];
  for (const dialogue of pack.dialogues) {
    for (const id of Object.keys(dialogue.nodes).sort(compareCodePoints)) {
      const node = dialogue.nodes[id];
      if (node.kind === 'line' || node.kind === 'aiLine') {
        lines.push({
          lineId: node.lineId,
          speaker: node.speaker,
          text: node.kind === 'line' ? node.text : node.fallbackText,
          emotion: node.emotion ?? '',
          dialogue: dialogue.name,
          note: node.kind === 'aiLine' ? `AI line; the game may improvise: ${node.instruction}` : '',
        });
      }
    }
  }
  return lines;
}

/** The voice-over script: what each actor records, keyed by the line id the game plays it by; opened in spreadsheets, so guarded against formulas. */
export const voiceScriptCsv = (pack: Pick<Pack, 'dialogues'>): string =>
  toCsv(
    [
      ['line_id', 'speaker', 'text', 'emotion', 'dialogue', 'note'],
      ...spokenLines(pack).map((l) => [l.lineId, l.speaker, l.text, l.emotion, l.dialogue, l.note]),
    ],
    { forSpreadsheets: true },
  );

/**
 * The string table, in the column layout of Roblox's LocalizationTable CSV (Key, Source,
 * Context, Example, then one column per locale). The copy for translators is made
 * `forSpreadsheets` (cells guarded against formulas); the copy Rojo turns into the game's
 * LocalizationTable keeps every text exact, as a `'` would show in game.
 */
export function localizationCsv(pack: Pick<Pack, 'strings' | 'manifest'>, { forSpreadsheets } = { forSpreadsheets: false }): string {
  const locales = pack.manifest.locales;
  const source = pack.strings[pack.manifest.defaultLocale] ?? {};
  const rows = Object.keys(source)
    .sort(compareCodePoints)
    .map((key) => [key, source[key], '', '', ...locales.map((locale) => pack.strings[locale]?.[key] ?? '')]);
  return toCsv([['Key', 'Source', 'Context', 'Example', ...locales], ...rows], { forSpreadsheets });
}
