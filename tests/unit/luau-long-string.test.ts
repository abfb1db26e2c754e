import { afterAll, describe, expect, it } from 'vitest';
import { luauLongString } from '../../main/core/export/luau-long-string';
import { LUAU_MISSING, luauTitle, luauWorkspace } from '../helpers/luau';

const TEXTS = [
  '[1,2]',
  ']',
  ']]',
  ']=]',
  ']=',
  'a]]b]=]c]==]d]',
  '\nstarts with a newline',
  'line\nseparator\u2028paragraph\u2029end]',
  '{"text":"]]"}]',
  '',
];

describe('luauLongString', () => {
  it('picks the first level whose closing bracket only ends the literal', () => {
    expect(luauLongString('[1]')).toBe('[=[\n[1]]=]');
    expect(luauLongString('x')).toBe('[[\nx]]');
    expect(luauLongString(']]=')).toBe('[==[\n]]=]==]');
  });
});

describe.skipIf(LUAU_MISSING)(luauTitle('luauLongString in real Luau'), () => {
  const luau = LUAU_MISSING ? undefined : luauWorkspace();
  afterAll(() => luau?.dispose());

  it('gives back every text byte for byte', () => {
    const values = JSON.parse(luau!.run('evaluate.luau', JSON.stringify(TEXTS.map(luauLongString)))) as unknown[];
    expect(values).toEqual(TEXTS);
  });
});
