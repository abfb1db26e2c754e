import { copyFileSync, existsSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readGgufFileInfo } from 'node-llama-cpp';
import { describe, expect, it } from 'vitest';
import { CHATML_TEMPLATE, GGUF_DEFECTS, SPECIAL_TOKENS, byteTokens, writeGguf } from '../fixtures/gguf-generator';
import { snapshotDir } from '../helpers/dir-snapshot';
import { useModelFiles } from '../helpers/llm';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const files = useModelFiles();

function studioWithModels() {
  const dir = tempDir();
  const modelsDir = join(dir, 'models');
  return { studio: makeStudio(dir, { modelsDir }), modelsDir };
}

describe('the GGUF fixture generator', () => {
  it('writes the same bytes for the same options and a different model for another seed', () => {
    const dir = tempDir();
    writeGguf(join(dir, 'a.gguf'));
    writeGguf(join(dir, 'b.gguf'));
    writeGguf(join(dir, 'c.gguf'), { seed: 2 });
    const [a, b, c] = ['a', 'b', 'c'].map((name) => readFileSync(join(dir, `${name}.gguf`)));
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it('writes a llama with a byte-level BPE vocabulary of unique tokens and a ChatML template', async () => {
    const info = await readGgufFileInfo(files().tiny, { logWarnings: false });
    const tokens = info.metadata.tokenizer.ggml.tokens;
    expect(info.version).toBe(3);
    expect(info.metadata.general.architecture).toBe('llama');
    expect(info.metadata.tokenizer.ggml.model).toBe('gpt2');
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.slice(0, 256)).toEqual(byteTokens());
    expect(tokens.slice(-3)).toEqual([...SPECIAL_TOKENS]);
    expect(info.metadata.tokenizer.ggml.merges?.length).toBe(tokens.length - 256 - 3);
    expect(info.metadata.tokenizer.chat_template).toBe(CHATML_TEMPLATE);
    expect(info.architectureMetadata.rope?.dimension_count).toBe(64 / 4);
    for (const tensor of info.tensorInfo ?? []) expect(Number(tensor.offset) % 32).toBe(0);
  });
});

describe('the model library', () => {
  it('imports a model by copying it and lists its metadata', async () => {
    const { studio, modelsDir } = studioWithModels();
    expect(await callOk(studio, 'models:list', {})).toEqual([]);
    const model = await callOk(studio, 'models:import', { path: files().tiny });
    expect(model).toMatchObject({
      id: 'tiny.gguf',
      path: join(modelsDir, 'tiny.gguf'),
      name: 'loreweaver-tiny',
      architecture: 'llama',
      quantization: 'F32',
      contextLength: 512,
      chatTemplate: CHATML_TEMPLATE,
      problem: null,
    });
    expect(model.parameterCount).toBeGreaterThan(100_000);
    expect(readFileSync(model.path).equals(readFileSync(files().tiny))).toBe(true);
    const q4 = await callOk(studio, 'models:import', { path: files().tinyQ4, mode: 'link' });
    expect(q4.quantization).toBe('Q4_0');
    expect(lstatSync(q4.path).isSymbolicLink()).toBe(true);
    expect((await callOk(studio, 'models:list', {})).map((m) => m.id)).toEqual(['tiny.gguf', 'tiny-q4.gguf']);
  });

  it('says what is wrong with a path in a sentence, not as a raw Node error', async () => {
    const { studio } = studioWithModels();
    const dir = tempDir();
    const missing = join(dir, 'missing.gguf');
    expect(await studio.call('models:import', { path: missing })).toEqual({
      ok: false,
      error: { code: 'not_found', message: `There is no file or folder at ${missing}.` },
    });
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'not a folder');
    expect(await studio.call('models:setFolder', { dir: file })).toMatchObject({
      ok: false,
      error: { message: `${file} is a file, not a folder.` },
    });
  });

  it("names a model after its file when the GGUF's general.name is blank or only the architecture", async () => {
    const { studio } = studioWithModels();
    const dir = tempDir();
    const architectureNamed = writeGguf(join(dir, 'stories-260k.gguf'), { name: 'llama' }).path;
    const blank = writeGguf(join(dir, 'Ferry Tales Q8.gguf'), { name: '  ' }).path;
    expect((await callOk(studio, 'models:import', { path: architectureNamed })).name).toBe('stories-260k');
    expect((await callOk(studio, 'models:import', { path: blank })).name).toBe('Ferry Tales Q8');
    expect((await callOk(studio, 'models:import', { path: files().tiny })).name).toBe('loreweaver-tiny');
  });

  it.each(GGUF_DEFECTS)('refuses a %s file with a clear error and adds nothing', async (defect) => {
    const { studio, modelsDir } = studioWithModels();
    mkdirSync(modelsDir);
    const before = snapshotDir(modelsDir);
    const result = await studio.call('models:import', { path: files().broken[defect] });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining(`${defect}.gguf is not a usable GGUF model`) },
    });
    expect(snapshotDir(modelsDir)).toEqual(before);
  });

  it('refuses files that are not .gguf, missing, or already in the library', async () => {
    const { studio } = studioWithModels();
    const text = join(tempDir(), 'notes.txt');
    writeFileSync(text, 'not a model');
    expect(await studio.call('models:import', { path: text })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await studio.call('models:import', { path: join(tempDir(), 'missing.gguf') })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await callOk(studio, 'models:import', { path: files().tiny });
    expect(await studio.call('models:import', { path: files().tiny })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('lists a broken file dropped into the folder with its problem and refuses to load it', async () => {
    const { studio, modelsDir } = studioWithModels();
    mkdirSync(modelsDir);
    copyFileSync(files().broken['duplicate-tokens'], join(modelsDir, 'dropped.gguf'));
    const [listed] = await callOk(studio, 'models:list', {});
    expect(listed).toMatchObject({ id: 'dropped.gguf', architecture: null, problem: expect.stringMatching(/lists the token .* twice/) });
    expect(await studio.call('llm:load', { modelId: 'dropped.gguf' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: listed.problem },
    });
  });

  it('removes a model and answers not_found for one that is not there', async () => {
    const { studio, modelsDir } = studioWithModels();
    await callOk(studio, 'models:import', { path: files().tiny });
    expect(await callOk(studio, 'models:remove', { id: 'tiny.gguf' })).toEqual({ id: 'tiny.gguf' });
    expect(existsSync(join(modelsDir, 'tiny.gguf'))).toBe(false);
    expect(await studio.call('models:remove', { id: 'tiny.gguf' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    for (const id of ['../escape.gguf', 'a/b.gguf', '.hidden.gguf', 'model.bin']) {
      expect(await studio.call('models:remove', { id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('keeps models under the config folder unless told otherwise', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    expect((await callOk(studio, 'models:import', { path: files().tiny })).path).toBe(join(dir, '.loreweaver', 'models', 'tiny.gguf'));
  });
});
