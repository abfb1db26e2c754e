import { afterAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../main/domain/dialogue/seeded-random';
import { parseTemplate, renderTemplate, toPackTemplate } from '../../main/domain/dialogue/text';
import { normalize } from '../helpers/conformance';
import { LUAU_MISSING, luauTitle, luauWorkspace } from '../helpers/luau';

/** Stored variables (name, type, default), as a pack declares them. */
const VARIABLES: { name: string; type: 'number' | 'bool' | 'string'; default: number | boolean | string }[] = [
  { name: 'n', type: 'number', default: 3 },
  { name: 'f', type: 'number', default: 0.25 },
  { name: 'b', type: 'bool', default: true },
  { name: 's', type: 'string', default: 'She said "hi"' },
  { name: 'who', type: 'string', default: 'she' },
  { name: 'zero', type: 'number', default: 0 },
];

/** Templates and the locale they render in; each must parse. */
const CASES: [string, string?][] = [
  ['{$n} {$f} {$b} {not $b} "{$s}" {$n * 1000000} {0.1 + 0.2} {-7 % 3} {$n / 4}'],
  ['Set \\{0\\} and \\[b\\]not bold\\[/b\\]; A \\\\ b \\# c \\/ d \\< e \\> f \\q g'],
  ['A [b]bold[/b] and [wave speed=2 colour="deep red" loud=true]wavy[/wave] word.'],
  ['Café [i]é[/i] [pause length=0.5/] end 😀 [b]x[/b]'],
  ['[b][i]both[/] plain [u]open to the end'],
  ['[b]a[b]b[/b]c[/b] d'],
  ['You have [b]{$n} coins[/b] and [i]{$s}[/i].'],
  ['[select value={$who} he="He" she="She" other="They"/] waves; [select value={$b} True="yes" other="no"/]'],
  ['I have [plural value={$n} one="% apple" other="% apples"/] and [plural value={$f * 4} one="% pie" other="% pies"/].'],
  ['[ordinal value={$n} one="%st" two="%nd" few="%rd" other="%th"/] [ordinal value=22 one="%st" two="%nd" few="%rd" other="%th"/]'],
  ['[plural value={$n} one="% яблоко" few="% яблока" many="% яблок" other="% яблока"/] [plural value=5 few="f" many="m"/]', 'ru'],
  [
    '[plural value={$zero} zero="none" one="one" two="two" few="few" many="many" other="other"/] [plural value=1.5 one="one" other="other"/]',
    'ar',
  ],
  ['[plural value=1.5 one="un" other="autres"/] [ordinal value=1 one="%er" other="%e"/]', 'fr-CA'],
  ['[plural value={$n} one="one"/]'],
  ['[plural value={$s} other="x"/]'],
  ['{number("\u00a012.5\u2003") + 1} {bool(" TRUE\u3000")} {number(" -3 ")}'],
  ['{$n / $zero}'],
  ['{$n % $zero}'],
];

describe.skipIf(LUAU_MISSING)(luauTitle('text templates render in real Luau as the studio renders them'), () => {
  const luau = LUAU_MISSING ? undefined : luauWorkspace();
  afterAll(() => luau?.dispose());

  it('gives the same text and markup spans (code points), or fails with the studio’s message', () => {
    const variables = Object.fromEntries(VARIABLES.map((v) => [v.name, v.default]));
    const parsed = CASES.map(([source, locale = 'en']) => {
      const result = parseTemplate(source);
      if (!result.ok) throw new Error(`${source}: ${result.error.message}`);
      return { parts: result.parts, locale };
    });
    const studio = parsed.map(({ parts, locale }) => {
      const scope = { state: { variables, quests: {}, inventory: {}, visits: {}, seen: {} }, dialogueId: 'd', random: createRandom(1) };
      try {
        return normalize(renderTemplate(parts, scope, locale));
      } catch (error) {
        return { error: (error as Error).message };
      }
    });
    const input = parsed.map(({ parts, locale }) => ({ parts: toPackTemplate(parts), variables: VARIABLES, locale }));
    const shown = (JSON.parse(luau!.run('render-template.luau', JSON.stringify(input))) as Record<string, unknown>[]).map(normalize);
    shown.forEach((luauShown, i) => {
      const expected = studio[i] as { error?: string };
      if (expected.error === undefined) expect({ case: CASES[i][0], shown: luauShown }).toEqual({ case: CASES[i][0], shown: expected });
      else expect((luauShown as { error: string }).error).toContain(expected.error);
    });
    expect(studio.filter((s) => 'error' in (s as object))).toHaveLength(4);
  });
});
