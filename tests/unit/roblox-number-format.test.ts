import { afterAll, describe, expect, it } from 'vitest';
import { LUAU_MISSING, luauTitle, luauWorkspace } from '../helpers/luau';

const NUMBERS = [
  0,
  -0,
  1,
  -1,
  42,
  0.1 + 0.2,
  0.1,
  1 / 3,
  -2 / 3,
  2.5,
  -7.25,
  1e-6,
  1.5e-7,
  1e-7,
  123456789012,
  2 ** 53,
  2 ** 53 + 2,
  1e20,
  1e21,
  1.2345e21,
  -1e22,
  5e-324,
  Number.MAX_VALUE,
  100,
  1234.5678,
  0.000123,
  9.999999999999999e22,
];

describe.skipIf(LUAU_MISSING)(luauTitle('the Luau runtime writes numbers as JavaScript does'), () => {
  const luau = LUAU_MISSING ? undefined : luauWorkspace();
  afterAll(() => luau?.dispose());

  it('formatNumber gives String(n): integers without a fraction, the shortest round trip, exponents past 1e21 and below 1e-6', () => {
    const literals = NUMBERS.map((n) => (Object.is(n, -0) ? '-0' : String(n)));
    expect(JSON.parse(luau!.run('format-number.luau', JSON.stringify(literals)))).toEqual(NUMBERS.map((n) => String(n)));
  });
});
