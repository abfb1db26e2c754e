import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toRbxmx } from '../../main/core/export/rbxmx';
import type { PackDialogue } from '../../main/domain/pack';
import type { Quest } from '../../main/domain/quest';
import { normalize, runStudio } from '../helpers/conformance';
import { makeEveryFeatureProject } from '../helpers/every-feature-project';
import { LUAU_MISSING, luauTitle, luauWorkspace } from '../helpers/luau';
import { rbxmxTree, rojoTree, scriptsOf, type TreeInstance } from '../helpers/roblox-tree';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** The Roblox and JSON exports of a project with every node kind, quest feature and hostile text. */
async function exportEveryFeature() {
  const dir = tempDir();
  const studio = makeStudio(dir);
  const { project, cases } = await makeEveryFeatureProject(studio, dir);
  const out = join(dir, 'out');
  const result = await callOk(studio, 'export:pack', { projectId: project.id, targets: ['json', 'roblox'], outDir: out });
  studio.close();
  expect(result.report.errors).toEqual([]);
  const section = <T>(name: string) => JSON.parse(readFileSync(join(out, 'pack', `${name}.json`), 'utf8')) as T;
  const rbxmx = result.files.find((f) => f.path.endsWith('.rbxmx'))!.path;
  return {
    cases,
    pack: { dialogues: section<PackDialogue[]>('dialogues'), quests: section<Quest[]>('quests') },
    rojo: rojoTree(join(out, 'roblox')),
    rbxmxText: readFileSync(join(out, rbxmx), 'utf8'),
  };
}

/** The .rbxmx model's Loreweaver folder placed in ReplicatedStorage, as the README says to. */
const placeOf = (model: TreeInstance[]): TreeInstance => ({
  className: 'DataModel',
  name: 'game',
  children: [{ className: 'ReplicatedStorage', name: 'ReplicatedStorage', children: model }],
});

describe('.rbxmx model', () => {
  it('is well-formed XML for any text: markup escaped, "]]>" split, what XML forbids dropped', () => {
    const hostile = `a <b> & "c" ]]> ]]]]> \u0000\u0001\u000B\uFFFE\uFFFF\uD800 x\uDC00 \u{1F600}\u2028\t\n end`;
    const kept = `a <b> & "c" ]]> ]]]]>  x \u{1F600}\u2028\t\n end`;
    const xml = toRbxmx({ className: 'Folder', name: hostile, children: [{ className: 'ModuleScript', name: 'M', source: hostile }] });
    expect(rbxmxTree(xml)).toEqual([
      { className: 'Folder', name: kept, children: [{ className: 'ModuleScript', name: 'M', source: kept, children: [] }] },
    ]);
  });
});

describe.skipIf(LUAU_MISSING)(luauTitle('Roblox export, checked by real Luau'), () => {
  const luau = LUAU_MISSING ? undefined : luauWorkspace();
  afterAll(() => luau?.dispose());
  let exported: Awaited<ReturnType<typeof exportEveryFeature>>;
  let places: [string, TreeInstance][];
  beforeAll(async () => {
    exported = await exportEveryFeature();
    places = [
      ['Rojo project', exported.rojo],
      ['.rbxmx model', placeOf(rbxmxTree(exported.rbxmxText))],
    ];
  });

  const game = (tree: TreeInstance, extra: object = {}) =>
    JSON.parse(luau!.run('roblox-game.luau', JSON.stringify({ tree, ...extra }))) as {
      compiled: number;
      compileErrors: string[];
      outcome: unknown;
    };

  it('every script of the Rojo project and of the .rbxmx compiles', () => {
    for (const [, tree] of places) {
      const scripts = scriptsOf(tree);
      expect(scripts.length).toBeGreaterThanOrEqual(15);
      expect(game(tree)).toEqual({ compiled: scripts.length, compileErrors: {}, outcome: false });
    }
  });

  it('the .rbxmx holds the same scripts as the Rojo project', () => {
    const byName = (tree: TreeInstance) => Object.fromEntries(scriptsOf(tree).map(([path, source]) => [path.split('.').at(-1), source]));
    const [rojo, model] = places.map(([, tree]) => byName(tree));
    expect(model).toEqual(rojo);
  });

  it('the required modules play every case to the studio runtime transcript', () => {
    expect(exported.cases.length).toBeGreaterThanOrEqual(15);
    const kinds = new Set(exported.pack.dialogues.flatMap((d) => Object.values(d.nodes).map((n) => n.kind)));
    expect([...kinds].sort()).toEqual(['action', 'aiLine', 'branch', 'choice', 'end', 'jump', 'line']);
    const questFeatures = runStudio({ ...exported.cases.at(-1)!, pack: exported.pack }) as {
      quests: unknown;
      state: Record<string, unknown>;
    };
    expect(questFeatures.quests).toEqual({
      ember: { status: 'completed', stage: 1 },
      ember_after: { status: 'active', stage: 0 },
      ember_lost: { status: 'failed', stage: 0 },
    });
    expect(questFeatures.state).toMatchObject({ variables: { gold: 9, xp: 10, title: 'Smith' }, inventory: { coal: 2, blade: 1 } });
    for (const c of exported.cases) {
      const onExport = { ...c, pack: exported.pack };
      const studio = runStudio(onExport);
      expect(studio.transcript).not.toEqual({});
      for (const [where, tree] of places) {
        expect({ where, outcome: normalize(game(tree, { case: onExport }).outcome) }).toEqual({ where, outcome: studio });
      }
    }
  });
});
