import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pluralCategory } from '../../main/domain/dialogue/text';
import { LUAU_MISSING, luauTitle, luauWorkspace, ROBLOX_RUNTIME_DIR } from '../helpers/luau';
import { PLURAL_RULES_BEGIN, PLURAL_RULES_END, pluralRulesLuau, readCldrPlurals } from '../../scripts/roblox/plural-rules-luau';

const DECIMALS = [0.0, 0.1, 0.5, 1.5, 1.25, 2.75, 3.333, 10.1, 11.5, 21.3, 101.01, 0.001, 1.0005, 1.00049, 2.0004, 999.9999];
const NUMBERS = [...Array.from({ length: 251 }, (_, i) => i), ...DECIMALS, 1000, 1001, 100000, 1_000_000, 2_000_000, 1e7, -1, -2.5];
const NAMED = ['en', 'fr', 'ru', 'ar', 'pl', 'cy', 'ja', 'ga', 'gd', 'he', 'lt', 'lv', 'mt', 'sl', 'pt', 'pt-PT', 'it', 'es', 'kw', 'br'];

describe('CLDR plural rules generated into the Luau runtime', () => {
  it('the committed tables are what the generator makes from the installed CLDR data', () => {
    const runner = readFileSync(join(ROBLOX_RUNTIME_DIR, 'DialogueRunner.luau'), 'utf8');
    const start = runner.indexOf(PLURAL_RULES_BEGIN);
    const end = runner.indexOf(PLURAL_RULES_END) + PLURAL_RULES_END.length;
    expect(start).toBeGreaterThan(0);
    expect(runner.slice(start, end)).toBe(pluralRulesLuau());
  });

  it('covers every locale CLDR lists', () => {
    const block = pluralRulesLuau();
    const { cardinal, ordinal } = readCldrPlurals();
    for (const locale of [...Object.keys(cardinal), ...Object.keys(ordinal)]) expect(block).toContain(`["${locale.toLowerCase()}"] = `);
  });
});

describe.skipIf(LUAU_MISSING)(luauTitle('CLDR plural rules in real Luau agree with Intl.PluralRules'), () => {
  const luau = LUAU_MISSING ? undefined : luauWorkspace();
  afterAll(() => luau?.dispose());

  /** Every locale CLDR lists that this Node's ICU knows by itself (not by falling back to its default), plus the named ones. */
  const { cardinal } = readCldrPlurals();
  const locales = [
    ...new Set([...NAMED, ...Object.keys(cardinal).filter((l) => l !== 'root' && Intl.PluralRules.supportedLocalesOf(l).length)]),
  ];

  it.each([
    ['named locales', NAMED],
    ['every CLDR locale ICU supports', locales],
  ])('%s', (_, list) => {
    const lines = luau!
      .run('plural.luau', JSON.stringify({ locales: list, numbers: NUMBERS }))
      .trim()
      .split('\n');
    const expected = list.flatMap((locale) =>
      (['cardinal', 'ordinal'] as const).map((type) => {
        const rules = new Intl.PluralRules(locale, { type });
        return NUMBERS.map((n) => rules.select(n)).join('\t');
      }),
    );
    const mismatches = lines.flatMap((line, i) => (line === expected[i] ? [] : [`${list[i >> 1]} ${i % 2 ? 'ordinal' : 'cardinal'}`]));
    expect(mismatches).toEqual([]);
    expect(lines).toHaveLength(expected.length);
  });

  it('reads tags as the studio does: a regional tag by its language, an unknown language or a malformed tag as English', () => {
    const tags = ['fr-CA', 'ru_RU', 'xx', 'EN-gb', 'x', 'sr-Latn', 'zh-Hant-TW', 'pt-BR', 'PT-pt', 'ar-EG'];
    const numbers = [0, 1, 2, 3, 5, 11, 1.5, 1_000_000];
    const lines = luau!
      .run('plural.luau', JSON.stringify({ locales: tags, numbers }))
      .trim()
      .split('\n');
    const expected = tags.flatMap((tag) => [false, true].map((ordinal) => numbers.map((n) => pluralCategory(n, tag, ordinal)).join('\t')));
    expect(lines).toEqual(expected);
  });
});
