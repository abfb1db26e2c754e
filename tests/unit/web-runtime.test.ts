import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Pack } from '../../main/domain/pack';
import type { PackLike, PackQuest } from '../../main/domain/web-runtime/web-runtime';
import { buildWebRuntime, WEB_RUNTIME_DIR, WEB_RUNTIME_ENTRY } from '../../scripts/web-runtime/build-web-runtime';
import { checkRuntimeTypes } from '../../scripts/web-runtime/bundle-declarations';
import { makeExportProject } from '../helpers/export-project';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';
import { typeErrors } from '../helpers/type-check';

const ROOT = join(import.meta.dirname, '../..');
const tempDir = useTempDirs();
const built = () => ({
  js: readFileSync(join(ROOT, WEB_RUNTIME_DIR, 'loreweaver-runtime.js'), 'utf8'),
  dts: readFileSync(join(ROOT, WEB_RUNTIME_DIR, 'loreweaver-runtime.d.ts'), 'utf8'),
});

describe('the web runtime is built from the studio runtime in main/domain', () => {
  it('the files a pack ships are what the sources build, byte for byte, every time', async () => {
    const fresh = await buildWebRuntime();
    expect(fresh['loreweaver-runtime.js']).toBe(built().js);
    expect(fresh['loreweaver-runtime.d.ts']).toBe(built().dts);
  }, 120_000);

  it('is one readable ES module with no dependencies that exports the runtime API', async () => {
    const { js } = built();
    expect(js.startsWith('/**\n * Loreweaver runtime for the web')).toBe(true);
    expect(js).not.toMatch(/^\s*import\b|\brequire\(|\bimport\(|\bfrom ['"]zod['"]|\bprocess\.|\bdocument\.|\bwindow\./m);
    // The deeper language (typechecker for enum shorthands, templates, plural rules) roughly doubled it.
    expect(js.length).toBeLessThan(160_000);
    const lines = js.split('\n');
    expect(lines.length).toBeGreaterThan(1000);
    // Prettier's width, plus the room a long message in a template literal takes once nested in the bundle.
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(170);
    const runtime = await import(pathToFileURL(join(ROOT, WEB_RUNTIME_DIR, 'loreweaver-runtime.js')).href);
    expect(Object.keys(runtime).sort()).toEqual([
      'DialogueRuntimeError',
      'createDialogueRunner',
      'createQuestState',
      'createQuestTracker',
      'createRandom',
      'evaluate',
      'parseCondition',
    ]);
    const tree = runtime.parseCondition('item_count("pelt") >= 2 and not $night');
    expect(tree).toEqual({
      type: 'logical',
      operator: 'and',
      operands: [
        {
          type: 'compare',
          operator: '>=',
          left: { type: 'call', name: 'item_count', args: [{ type: 'literal', value: 'pelt' }] },
          right: { type: 'literal', value: 2 },
        },
        { type: 'not', operand: { type: 'variable', name: 'night' } },
      ],
    });
    const state = { variables: { night: false }, quests: {}, inventory: { pelt: 3 }, visits: {} };
    expect(runtime.evaluate(tree, { state, dialogueId: '', random: runtime.createRandom('seed') })).toBe(true);
    expect(runtime.parseCondition('$gold >')).toBeNull();
  });

  it('uses nothing beyond ES2023 and structuredClone: its modules type-check against those alone', () => {
    expect(checkRuntimeTypes(ROOT, WEB_RUNTIME_ENTRY)).toBe('');
  }, 120_000);

  it('ships types that describe the module: a game script written against them type-checks, and a misspelt option does not', () => {
    const dir = tempDir();
    const { js, dts } = built();
    writeFileSync(join(dir, 'loreweaver-runtime.js'), js);
    writeFileSync(join(dir, 'loreweaver-runtime.d.ts'), dts);
    writeFileSync(
      join(dir, 'game.ts'),
      `import { createDialogueRunner, createQuestState, createQuestTracker, createRandom, DialogueRuntimeError, evaluate, parseCondition,
  type DialogueState, type PackLike, type QuestChange, type RuntimeStep } from './loreweaver-runtime.js';
declare const pack: PackLike;
const runner = createDialogueRunner(pack, 'smith', { seed: 'x', maxAutomaticSteps: 100 });
const step: RuntimeStep = runner.step.type === 'choice' ? runner.choose(runner.step.options[0].id) : runner.advance();
const state: DialogueState = runner.state;
const changes: QuestChange[] = createQuestTracker(pack, { state }).progress({ type: 'defeat', target: 'wolf', count: 2 });
const log = createQuestState(pack, state.quests);
log.apply(runner.events);
const tree = parseCondition('$gold > 1');
const holds = tree !== null && evaluate(tree, { state, dialogueId: 'smith', random: createRandom(1) }) === true;
const misuse = new DialogueRuntimeError('x') instanceof Error;
// @ts-expect-error: the runner's options are typed
createDialogueRunner(pack, 'smith', { sede: 1 });
export const played = [step, changes, log.status('wolves'), holds, misuse];
`,
    );
    expect(typeErrors([join(dir, 'game.ts')])).toEqual([]);
  });

  it('accepts every pack the studio writes', () => {
    expectTypeOf<Pack>().toExtend<PackLike>();
    expectTypeOf<Pack['quests'][number]>().toExtend<PackQuest>();
  });

  it('inlines into the demo page without clashing with the page script', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    const { project } = await makeExportProject(studio);
    await callOk(studio, 'export:pack', { projectId: project.id, targets: ['web'], outDir: join(dir, 'out'), requestId: 'web' });
    const page = readFileSync(join(dir, 'out/web/index.html'), 'utf8');
    const script = /<script type="module">\n([\s\S]*?)<\/script>/.exec(page)![1];
    expect(script.startsWith(built().js)).toBe(true);
    writeFileSync(join(dir, 'page.mjs'), script);
    expect(() => execFileSync(process.execPath, ['--check', join(dir, 'page.mjs')], { stdio: 'pipe' })).not.toThrow();
  });
});
