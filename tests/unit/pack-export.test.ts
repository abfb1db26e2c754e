import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeExportProject } from '../helpers/export-project';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const listFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? listFiles(join(dir, name)) : [join(dir, name)]));
const snapshot = (dir: string) => Object.fromEntries(listFiles(dir).map((f) => [relative(dir, f), readFileSync(f).toString('base64')]));

describe('export:pack and import:pack', () => {
  it('writes every target into its own folder, with progress', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    const { project } = await makeExportProject(studio);
    const progress: number[] = [];
    studio.events.subscribe((event) => {
      if (event.name === 'export:progress') progress.push((event.payload as { done: number }).done);
    });
    const out = join(dir, 'out');
    const targets = ['json', 'zip', 'roblox', 'web', 'ccv2', 'yarn', 'twee', 'voice', 'localization'] as const;
    const result = await callOk(studio, 'export:pack', { projectId: project.id, targets: [...targets], outDir: out, requestId: 'r1' });
    expect(result.written).toBe(true);
    expect(result.report.errors).toEqual([]);
    expect(progress.at(-1)).toBe(result.files.length);
    const paths = result.files.map((f) => f.path);
    for (const expected of [
      'pack/manifest.json',
      'pack/dialogues.json',
      'zip/emberfall.zip',
      'roblox/default.project.json',
      'roblox/src/shared/Loreweaver/DialogueRunner.luau',
      'roblox/src/shared/Loreweaver/Pack/Dialogues.luau',
      'roblox/src/server/LoreweaverServer.server.luau',
      'roblox/src/client/LoreweaverDialogueUI.client.luau',
      'roblox/localization/Loreweaver.csv',
      'roblox/Emberfall.rbxmx',
      'web/index.html',
      'web/loreweaver-runtime.js',
      'web/loreweaver-runtime.d.ts',
      'web/pack.json',
      'web/npcs.gltf-extras.json',
      'cards/Mirela.v2.json',
      'cards/Mirela.v3.png',
      'yarn/The smith.yarn',
      'twee/The smith.twee',
      'voice/voice-script.csv',
      'localization/strings.csv',
    ]) {
      expect(paths).toContain(expected);
    }
    expect(readFileSync(join(out, 'voice/voice-script.csv'), 'utf8')).toContain(
      'smith_welcome,Mirela,Welcome to my forge.,warm,The smith,',
    );
    expect(readFileSync(join(out, 'roblox/localization/Loreweaver.csv'), 'utf8').split('\r\n')[0]).toBe('Key,Source,Context,Example,en');
    const zip = unzipSync(new Uint8Array(readFileSync(join(out, 'zip/emberfall.zip'))));
    expect(Buffer.from(zip['dialogues.json']).toString()).toBe(readFileSync(join(out, 'pack/dialogues.json'), 'utf8'));
    const rbxmx = readFileSync(join(out, 'roblox/Emberfall.rbxmx'), 'utf8');
    expect(rbxmx).toContain('<Item class="ModuleScript" referent="RBX1">');
    expect(rbxmx).toContain('<string name="Name">DialogueRunner</string>');
  });

  it('keeps files named after content inside the chosen folder', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    const { project } = await makeExportProject(studio);
    await callOk(studio, 'npcs:create', { name: '../../../evil' });
    await callOk(studio, 'npcs:create', { name: '..' });
    const out = join(dir, 'nested/out');
    const result = await callOk(studio, 'export:pack', { projectId: project.id, targets: ['ccv2'], outDir: out });
    expect(
      result.files.every((f) => f.path.startsWith('cards/') && f.path.split('/').length === 2 && !f.path.split('/').includes('..')),
    ).toBe(true);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['out']);
  });

  it('opens an export folder through the host, or says where it is in browser mode', async () => {
    const dir = tempDir();
    expect(await callOk(makeStudio(dir), 'export:openFolder', { path: dir })).toEqual({ opened: false, path: dir });
    const opened: string[] = [];
    const desktop = makeStudio(dir, { openFolder: async (path) => void opened.push(path) });
    expect(await callOk(desktop, 'export:openFolder', { path: dir })).toEqual({ opened: true, path: dir });
    expect(opened).toEqual([dir]);
    expect(await desktop.call('export:openFolder', { path: join(dir, 'missing') })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('blocks the export on validation errors and writes nothing', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    const { project, dialogueId } = await makeExportProject(studio);
    const doc = await callOk(studio, 'dialogues:get', { id: dialogueId });
    await callOk(studio, 'dialogues:save', { id: dialogueId, baseRevision: doc.revision, startNodeId: 'ghost' });
    const report = await callOk(studio, 'export:validate', { projectId: project.id });
    expect(report.errors[0]).toMatchObject({ itemKind: 'dialogue', itemId: dialogueId });
    const out = join(dir, 'out');
    const result = await callOk(studio, 'export:pack', { projectId: project.id, targets: ['json'], outDir: out });
    expect(result.written).toBe(false);
    expect(result.report).toEqual(report);
    expect(() => readdirSync(out)).toThrow();
  });

  it('Export → Check names an action whose quest or item does not exist, once, at the action', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    const { project, dialogueId } = await makeExportProject(studio);
    const doc = await callOk(studio, 'dialogues:get', { id: dialogueId });
    const actions = [
      { type: 'startQuest' as const, questId: 'quest' },
      { type: 'giveItem' as const, itemId: 'sword', count: 1 },
    ];
    await callOk(studio, 'dialogues:save', {
      id: dialogueId,
      baseRevision: doc.revision,
      upsertNodes: [{ id: 'pay', position: { x: 0, y: 300 }, kind: 'action', actions, next: 'thanks' }],
    });
    const report = await callOk(studio, 'export:validate', { projectId: project.id });
    expect(report.errors.map(({ code, itemId, nodeId, field }) => ({ code, itemId, nodeId, field }))).toEqual([
      { code: 'unknown_quest', itemId: dialogueId, nodeId: 'pay', field: 'actions[0].questId' },
      { code: 'unknown_item', itemId: dialogueId, nodeId: 'pay', field: 'actions[1].itemId' },
    ]);
    expect((await callOk(studio, 'dialogues:validate', { id: dialogueId })).map((p) => p.code)).toEqual(['unknown_quest', 'unknown_item']);
  });

  it('Export → Check warns about NPCs that share a name, and still exports', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    const { project, npc } = await makeExportProject(studio);
    const twin = await callOk(studio, 'npcs:create', { name: ' mirela ', persona: { role: 'baker' } });
    const report = await callOk(studio, 'export:validate', { projectId: project.id });
    expect(report.errors).toEqual([]);
    const warnings = report.warnings.filter((w) => w.code === 'duplicate_npc_name');
    expect(warnings.map((w) => w.itemId).sort()).toEqual([npc.id, twin.id].sort());
    // Each warning names its own NPC as written; the pack lists NPCs by id, so the two come in either order.
    expect(warnings.find((w) => w.itemId === npc.id)?.message).toBe(
      '2 NPCs are named "Mirela"; the Roblox runtime finds Workspace models by name, so give each a name of its own',
    );
    expect(warnings.find((w) => w.itemId === twin.id)?.message).toMatch(/^2 NPCs are named "mirela";/);
  });

  it('round trips: export, import into a new project, export again gives the same bytes', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    const { project } = await makeExportProject(studio);
    const story = await callOk(studio, 'content:create', {
      kind: 'story',
      name: 'The forge',
      data: { schemaVersion: 1, markdown: '# The forge\n\nSparks fly.', lore: true },
    });
    const first = join(dir, 'first');
    await callOk(studio, 'export:pack', { projectId: project.id, targets: ['json', 'web', 'roblox'], outDir: first });
    const copy = await callOk(studio, 'projects:create', { name: 'Emberfall' });
    await callOk(studio, 'projects:open', { id: copy.id });
    const imported = await callOk(studio, 'import:pack', { path: join(first, 'pack') });
    expect(imported.counts).toMatchObject({ npcs: 1, dialogues: 1, items: 1 });
    const second = join(dir, 'second');
    await callOk(studio, 'export:pack', { projectId: copy.id, targets: ['json', 'web', 'roblox'], outDir: second });
    expect(snapshot(second)).toEqual(snapshot(first));
    expect(await studio.call('import:pack', { path: join(first, 'pack') })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Imported items are whole records of their kind: the story saves again as it came (lore is not part of a pack).
    const importedStory = await callOk(studio, 'content:get', { id: story.id });
    expect(importedStory.data).toEqual({ schemaVersion: 1, markdown: '# The forge\n\nSparks fly.', lore: false });
    await callOk(studio, 'content:save', { id: story.id, data: { ...importedStory.data, markdown: 'Edited.' } });
  });

  it('imports the zip and the one-file pack.json as well', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    const { project } = await makeExportProject(studio);
    const out = join(dir, 'out');
    await callOk(studio, 'export:pack', { projectId: project.id, targets: ['zip', 'web'], outDir: out });
    for (const path of [join(out, 'zip/emberfall.zip'), join(out, 'web/pack.json')]) {
      const target = await callOk(studio, 'projects:create', { name: `Copy ${path.length}` });
      await callOk(studio, 'projects:open', { id: target.id });
      expect((await callOk(studio, 'import:pack', { path })).counts.dialogues).toBe(1);
    }
  });

  it('imports Yarn and Twee files as dialogues', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    await makeExportProject(studio);
    const yarn = join(dir, 'Chat.yarn');
    writeFileSync(yarn, 'title: Start\n---\nA: Hello #line:hello\n-> Hi\n    A: Nice.\n-> Bye\n===\n');
    const dialogue = await callOk(studio, 'import:dialogue', { path: yarn });
    expect(dialogue).toMatchObject({ name: 'Chat' });
    const twee = join(dir, 'Story.twee');
    writeFileSync(twee, ':: Start\nYou wake.\n[[Go->Road]]\n\n:: Road\nThe end.\n');
    expect((await callOk(studio, 'import:dialogue', { path: twee })).nodeCount).toBe(4);
    writeFileSync(join(dir, 'x.txt'), 'hi');
    expect(await studio.call('import:dialogue', { path: join(dir, 'x.txt') })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
