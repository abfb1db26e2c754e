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

  it('reads text made to need a high level in one pass', () => {
    const hostile = Array.from({ length: 2000 }, (_, i) => `]${'='.repeat(i)}]`).join('');
    const started = performance.now();
    const literal = luauLongString(hostile);
    const elapsed = performance.now() - started;
    expect(literal.startsWith(`[${'='.repeat(2000)}[\n`)).toBe(true);
    // Trying level after level over the whole text (2 MB, 2,000 levels) takes seconds; one pass takes milliseconds.
    expect(elapsed).toBeLessThan(250);
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
