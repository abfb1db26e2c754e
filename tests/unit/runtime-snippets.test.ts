import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runtimeSnippets, WEB_RUNTIME } from '../../renderer/src/scripts/runtime-snippets';
import { makeExportProject } from '../helpers/export-project';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';
import { typeErrors } from '../helpers/type-check';

const tempDir = useTempDirs();
const RUNTIME_DIR = join(import.meta.dirname, '../../resources/runtime');

/** A snippet as Monaco inserts it with the placeholders filled in. */
const expand = (body: string, values: Record<string, string>) =>
  body.replace(/\$\{(\d+):[^}]*\}/g, (_, n: string) => values[n] ?? '').replace(/\$\{\d+\}|\$0/g, '');

/** A project with the export tests' dialogue, exported for the web: its pack.json, runtime and types. */
async function exportedWebPack() {
  const dir = tempDir();
  const studio = makeStudio(dir);
  const { project, dialogueId } = await makeExportProject(studio);
  const quest = await callOk(studio, 'quests:create', { title: 'Mend the bellows' });
  await callOk(studio, 'export:pack', { projectId: project.id, targets: ['web'], outDir: join(dir, 'out'), requestId: 'snippets' });
  studio.close();
  return { web: join(dir, 'out', 'web'), dialogueId, questId: quest.id };
}

describe('runtime snippets', () => {
  it('offer the Roblox snippets in Luau and the web ones in TypeScript and JavaScript', () => {
    expect(runtimeSnippets('luau').map((s) => s.prefix)).toEqual(['lw-dialogue', 'lw-quest']);
    expect(runtimeSnippets('typescript').map((s) => s.prefix)).toEqual(['lw-dialogue', 'lw-quest']);
    expect(runtimeSnippets('javascript')).toEqual(runtimeSnippets('typescript'));
    expect(runtimeSnippets('json')).toEqual([]);
  });

  it('play an exported dialogue and read quest state through the Roblox runtime (lua5.1)', async () => {
    const { web, dialogueId, questId } = await exportedWebPack();
    const [dialogue, quest] = runtimeSnippets('luau');
    const script = join(web, 'game.luau');
    writeFileSync(
      script,
      `${expand(dialogue.body, { 1: dialogueId })}\n${expand(quest.body, { 1: questId })}\nprint("quest", quests:status("${questId}"))\n`,
    );
    const output = execFileSync(
      'lua5.1',
      [join(import.meta.dirname, '../helpers/luau-snippet-harness.lua'), join(RUNTIME_DIR, 'roblox'), join(web, 'pack.json'), script],
      {
        encoding: 'utf8',
      },
    );
    expect(output).toContain('Mirela\tWelcome to my forge.');
    expect(output.trim().split('\n').at(-1)).toBe('quest\tinactive');
  });

  it('type-check against the types the web export ships, and the pack file they fetch is the one it writes', async () => {
    const { web, dialogueId, questId } = await exportedWebPack();
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
