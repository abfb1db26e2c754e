import { afterAll, describe, expect, it } from 'vitest';
import { parseExpression } from '../../main/domain/dialogue/expression/parser';
import { toPackExpr } from '../../main/domain/pack/expression-tree';
import { normalize } from '../helpers/conformance';
import { LUAU_MISSING, luauTitle, luauWorkspace } from '../helpers/luau';

/** Quest conditions travel as text; the Luau runtime parses them itself, so it must read the language as the studio does. */
const SOURCES = [
  'completed("forge") and $gold >= 10',
  '$gold * 2 + 1 > $price - 3 % 2',
  '-$debt < -2.5',
  '- -$x == 1',
  '$a / 2 * 3 == 1.5',
  'not $night || $torch && !$rain',
  '$gold gte 10 and $name is "Mirela" or $x neq 2',
  'quest_stage("forge") + 1 lt 3',
  '"ab" + "c" == "abc"',
  '((($x + 1)))',
  '$gold >',
  '1 < $x < 5',
  '.5 > 0',
  '$x = 1',
  '& $x',
  '$x +',
  '* 2',
];

describe.skipIf(LUAU_MISSING)(luauTitle('the Luau runtime parses quest conditions as the studio does'), () => {
  const luau = LUAU_MISSING ? undefined : luauWorkspace();
  afterAll(() => luau?.dispose());

  it('gives the same tree for every condition the studio parses, and none for those it refuses', () => {
    const studio = SOURCES.map((source) => {
      const parsed = parseExpression(source);
      return parsed.ok ? normalize(toPackExpr(parsed.ast)) : false;
    });
    expect(studio.filter(Boolean)).toHaveLength(10);
    expect(normalize(JSON.parse(luau!.run('parse-condition.luau', JSON.stringify(SOURCES))))).toEqual(studio);
  });
});
