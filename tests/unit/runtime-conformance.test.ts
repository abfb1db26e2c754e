import { beforeAll, describe, expect, it } from 'vitest';
import { loadCases, loadWebRuntime, runLua, runStudio, runWeb } from '../helpers/conformance';

const cases = loadCases();
let web: Awaited<ReturnType<typeof loadWebRuntime>>;
beforeAll(async () => {
  web = await loadWebRuntime();
});

describe('runtime conformance: studio, exported JavaScript and exported Luau play every case alike', () => {
  it('has at least 30 cases covering every node kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(cases.flatMap(({ case: c }) => c.pack.dialogues.flatMap((d) => Object.values(d.nodes).map((n) => n.kind))));
    expect([...kinds].sort()).toEqual(['action', 'aiLine', 'branch', 'choice', 'end', 'jump', 'line']);
  });

  it.each(cases)('$file', ({ file, case: c }) => {
    expect(runStudio(c)).toEqual(c.expected);
    expect(runWeb(c, web)).toEqual(c.expected);
    expect(runLua(file)).toEqual(c.expected);
  });
});
