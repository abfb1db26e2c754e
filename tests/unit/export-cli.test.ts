import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/loreweaver-cli';
import { makeExportProject } from '../helpers/export-project';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

async function cli(...args: string[]) {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runCli(args, { log: (l) => lines.push(l), error: (l) => errors.push(l) });
  return { code, out: lines.join('\n'), err: errors.join('\n') };
}

async function projectFile() {
  const dir = tempDir();
  const studio = makeStudio(dir);
  const { dialogueId } = await makeExportProject(studio);
  await callOk(studio, 'projects:close', {});
  studio.close();
  const file = readdirSync(dir).find((f) => f.endsWith('.loreweaver') && f !== '.loreweaver')!;
  return { dir, file: join(dir, file), studio, dialogueId };
}

describe('loreweaver CLI', () => {
  it('exports a project file to targets and validates the pack: exit 0', async () => {
    const { dir, file } = await projectFile();
    const out = join(dir, 'out');
    const exported = await cli('export', file, '--target', 'json', '--target', 'web,voice', '--out', out);
    expect(exported).toMatchObject({ code: 0, err: '' });
    expect(exported.out).toContain('pack/manifest.json');
    expect(exported.out).toContain('web/index.html');
    const validated = await cli('validate', join(out, 'pack'));
    expect(validated.code).toBe(0);
    expect(validated.out).toContain('is a valid loreweaver-pack v2: 1 npcs, 1 dialogues');
  });

  it('exit 1 when the content or the pack fails validation', async () => {
    const { dir, file } = await projectFile();
    const out = join(dir, 'out');
    await cli('export', file, '--target', 'json', '--out', out);
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(join(out, 'pack/npcs.json'), readFileSync(join(out, 'pack/npcs.json'), 'utf8').replace('Mirela', 'Mallory'));
    const validated = await cli('validate', join(out, 'pack'));
    expect(validated.code).toBe(1);
    expect(validated.err).toMatch(/sha256/);

    const broken = makeStudio(dir);
    const project = (await callOk(broken, 'projects:list', {}))[0];
    await callOk(broken, 'projects:open', { id: project.id });
    const dialogue = (await callOk(broken, 'dialogues:list', {}))[0];
    await callOk(broken, 'dialogues:save', { id: dialogue.id, baseRevision: dialogue.revision, startNodeId: 'ghost' });
    await callOk(broken, 'projects:close', {});
    broken.close();
    const refused = await cli('export', file, '--target', 'json', '--out', join(dir, 'out2'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/error: dialogue The smith/);
  });

  it('exit 2 on usage and file errors', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('export', '/nope.loreweaver', '--target', 'json', '--out', '/tmp/x')).err).toMatch(/no project file/);
    expect((await cli('export', 'x', '--target', 'gltf', '--out', '/tmp/x')).code).toBe(2);
    expect((await cli('export', 'x', '--target')).code).toBe(2);
    expect((await cli('validate', '/no/such/pack')).code).toBe(2);
  });
});
