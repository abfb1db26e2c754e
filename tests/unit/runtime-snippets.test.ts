import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runtimeSnippets, WEB_RUNTIME } from '../../renderer/src/scripts/runtime-snippets';
import { makeExportProject } from '../helpers/export-project';
import { analyze, LUAU_MISSING, luauTitle, luauWorkspace } from '../helpers/luau';
import { rojoTree } from '../helpers/roblox-tree';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';
import { typeErrors } from '../helpers/type-check';

const tempDir = useTempDirs();

/** A snippet as Monaco inserts it with the placeholders filled in. */
const expand = (body: string, values: Record<string, string>) =>
  body.replace(/\$\{(\d+):[^}]*\}/g, (_, n: string) => values[n] ?? '').replace(/\$\{\d+\}|\$0/g, '');

/** A project with the export tests' dialogue, exported for the web and Roblox. */
async function exportedPack() {
  const dir = tempDir();
  const studio = makeStudio(dir);
  const { project, dialogueId } = await makeExportProject(studio);
  const quest = await callOk(studio, 'quests:create', { title: 'Mend the bellows' });
  const out = join(dir, 'out');
  await callOk(studio, 'export:pack', { projectId: project.id, targets: ['web', 'roblox'], outDir: out, requestId: 'snippets' });
  studio.close();
  return { web: join(out, 'web'), roblox: join(out, 'roblox'), dialogueId, questId: quest.id };
}

describe('runtime snippets', () => {
  it('offer the Roblox snippets in Luau and the web ones in TypeScript and JavaScript', () => {
    expect(runtimeSnippets('luau').map((s) => s.prefix)).toEqual(['lw-dialogue', 'lw-quest']);
    expect(runtimeSnippets('typescript').map((s) => s.prefix)).toEqual(['lw-dialogue', 'lw-quest']);
    expect(runtimeSnippets('javascript')).toEqual(runtimeSnippets('typescript'));
    expect(runtimeSnippets('json')).toEqual([]);
  });

  it.skipIf(LUAU_MISSING)(luauTitle('play an exported dialogue and read quest state in the Roblox export, in real Luau'), async () => {
    const { roblox, dialogueId, questId } = await exportedPack();
    const [dialogue, quest] = runtimeSnippets('luau');
    const script = `${expand(dialogue.body, { 1: dialogueId })}\n${expand(quest.body, { 1: questId })}\nprint("quest", quests:status("${questId}"))\n`;
    const luau = luauWorkspace();
    try {
      const output = luau
        .run('roblox-game.luau', JSON.stringify({ tree: rojoTree(roblox), script }))
        .trim()
        .split('\n');
      expect(output).toContain('Mirela\tWelcome to my forge.');
      expect(output.at(-2)).toBe('quest\tinactive');
      expect(JSON.parse(output.at(-1)!)).toMatchObject({ compileErrors: {} });
    } finally {
      luau.dispose();
    }
  });

  it.skipIf(LUAU_MISSING)(luauTitle('pass luau-analyze --!strict against the typed Roblox runtime'), () => {
    const luau = luauWorkspace();
    try {
      // luau-analyze resolves requires by path: the modules the snippets name sit beside them, the pack is typed as the runtime's Pack.
      const byPath = (body: string) => body.replace(/require\(game\.ReplicatedStorage\.Loreweaver\.(\w+)\)/g, 'require("./$1")');
      writeFileSync(join(luau.dir, 'Pack.luau'), 'local DialogueRunner = require("./DialogueRunner")\nreturn {} :: DialogueRunner.Pack\n');
      const files = runtimeSnippets('luau').map((snippet, i) => {
        const name = `snippet${i}.luau`;
        writeFileSync(join(luau.dir, name), `--!strict\n${byPath(expand(snippet.body, { 1: 'smith' }))}\n`);
        return name;
      });
      expect(analyze(files, luau.dir)).toEqual([]);
    } finally {
      luau.dispose();
    }
  });

  it('type-check against the types the web export ships, and the pack file they fetch is the one it writes', async () => {
    const { web, dialogueId, questId } = await exportedPack();
    const [dialogue, quest] = runtimeSnippets('typescript');
    expect(readFileSync(join(web, WEB_RUNTIME.pack), 'utf8')).toContain(dialogueId);
    const files = [
      ['dialogue.ts', expand(dialogue.body, { 1: dialogueId })],
      ['quest.ts', expand(quest.body, { 1: questId })],
    ];
    for (const [name, text] of files) writeFileSync(join(web, name), `${text}\nexport {};\n`);
    expect(
      typeErrors(
        files.map(([name]) => join(web, name)),
        ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      ),
    ).toEqual([]);
  });
});
