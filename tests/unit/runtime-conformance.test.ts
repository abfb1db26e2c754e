import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCases, loadWebRuntime, runLuau, runStudio, runWeb } from '../helpers/conformance';
import { LUAU_MISSING, luauTitle, luauWorkspace } from '../helpers/luau';

const cases = loadCases();
let web: Awaited<ReturnType<typeof loadWebRuntime>>;
beforeAll(async () => {
  web = await loadWebRuntime();
});

describe('runtime conformance: studio and exported JavaScript play every case alike', () => {
  it('has at least 30 cases covering every node kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(cases.flatMap(({ case: c }) => c.pack.dialogues.flatMap((d) => Object.values(d.nodes).map((n) => n.kind))));
    expect([...kinds].sort()).toEqual([
      'action',
      'aiLine',
      'branch',
      'choice',
      'detour',
      'end',
      'group',
      'jump',
      'line',
      'return',
      'section',
    ]);
  });

  it.each(cases)('$file', ({ case: c }) => {
    expect(runStudio(c)).toEqual(c.expected);
    expect(runWeb(c, web)).toEqual(c.expected);
  });
});

describe.skipIf(LUAU_MISSING)(luauTitle('runtime conformance: the exported Luau runtime plays every case alike in real Luau'), () => {
  const luau = LUAU_MISSING ? undefined : luauWorkspace();
  afterAll(() => luau?.dispose());

  it.each(cases)('$file', ({ case: c }) => {
    expect(runLuau(luau!, c)).toEqual(c.expected);
  });
});
