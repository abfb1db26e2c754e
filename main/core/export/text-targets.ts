import { localizationCsv, voiceScriptCsv } from '../../domain/interop/text-tables';
import type { ExportTarget } from './export-target';

/** The voice-over script: one row per line (line id, speaker, text, emotion), for recording sessions. */
export const voiceTarget: ExportTarget = {
  folder: 'voice',
  build: ({ pack }) => [{ path: 'voice-script.csv', data: voiceScriptCsv(pack) }],
};

/** The string table keyed by line id, one column per locale, for translators (cells guarded against spreadsheet formulas). */
export const localizationTarget: ExportTarget = {
  folder: 'localization',
  build: ({ pack }) => [{ path: 'strings.csv', data: localizationCsv(pack, { forSpreadsheets: true }) }],
};
