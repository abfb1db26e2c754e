import { describe, expect, it } from 'vitest';
import type { Dialogue } from '../../main/domain/dialogue';
import { guardFormula } from '../../main/domain/interop/csv';
import { localizationCsv, voiceScriptCsv } from '../../main/domain/interop/text-tables';
import { toPackDialogue } from '../../main/domain/pack';
import { hasPythonCsv, readCsv } from '../helpers/python-csv';

const TEXTS = [
  '=SUM(A1:A9)',
  '=HYPERLINK("http://x","y")',
  '+1 gold',
  '-10 HP',
  '@SUM(1)',
  '\tTabbed',
  '\rReturn',
  'plain',
  'a, "quoted" b',
  'two\nlines',
  ' padded ',
  '',
  'é 🎭',
  "'already",
];
const RISKY = /^[=+\-@\t\r]/;

const strings = {
  en: Object.fromEntries(TEXTS.map((text, i) => [`k${i}`, text])),
  fr: Object.fromEntries(TEXTS.map((_, i) => [`k${i}`, TEXTS[(i + 1) % TEXTS.length]])),
};
const manifest = { locales: ['en', 'fr'], defaultLocale: 'en' } as never;
const keys = Object.keys(strings.en).sort();

describe.runIf(hasPythonCsv)('CSV exports against formula injection, re-read by Python csv (skipped where python3 is missing)', () => {
  it('the Roblox localization table keeps every text exact', () => {
    const rows = readCsv(localizationCsv({ strings, manifest }));
    expect(rows[0]).toEqual(['Key', 'Source', 'Context', 'Example', 'en', 'fr']);
    expect(rows.slice(1)).toEqual(keys.map((k) => [k, strings.en[k], '', '', strings.en[k], strings.fr[k]]));
  });

  it("the translators' string table guards every cell a spreadsheet would run, and only those", () => {
    const rows = readCsv(localizationCsv({ strings, manifest }, { forSpreadsheets: true }));
    for (const cell of rows.flat()) expect(cell).not.toMatch(RISKY);
    expect(rows.slice(1)).toEqual(
      keys.map((k) => [k, guardFormula(strings.en[k]), '', '', guardFormula(strings.en[k]), guardFormula(strings.fr[k])]),
    );
    const unguard = (cell: string) => (cell.startsWith("'") && RISKY.test(cell.slice(1)) ? cell.slice(1) : cell);
    expect(rows.slice(1).map((row) => unguard(row[1]))).toEqual(keys.map((k) => strings.en[k]));
  });

  it('the voice-over script guards speakers, text, emotions and dialogue names', () => {
    const dialogue: Dialogue = {
      schemaVersion: 2,
      id: 'd',
      name: '=cmd|"/c calc"!A1',
      variables: [],
      startNodeId: 'n0',
      nodes: Object.fromEntries(
        TEXTS.map((text, i) => [
          `n${i}`,
          {
            id: `n${i}`,
            position: { x: 0, y: 0 },
            kind: 'line',
            speaker: TEXTS[(i + 3) % TEXTS.length],
            text,
            lineId: `-l${i}`,
            emotion: '@angry',
          },
        ]),
      ),
    };
    const rows = readCsv(voiceScriptCsv({ dialogues: [toPackDialogue(dialogue, () => {})] }));
    expect(rows).toHaveLength(TEXTS.length + 1);
    for (const cell of rows.flat()) expect(cell).not.toMatch(RISKY);
    const byId = new Map(rows.slice(1).map((row) => [row[0], row]));
    TEXTS.forEach((text, i) =>
      expect(byId.get(`'-l${i}`)).toEqual([
        `'-l${i}`,
        guardFormula(TEXTS[(i + 3) % TEXTS.length]),
        guardFormula(text),
        "'@angry",
        '\'=cmd|"/c calc"!A1',
        '',
      ]),
    );
  });
});
