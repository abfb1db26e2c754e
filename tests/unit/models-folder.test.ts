import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeGguf } from '../fixtures/gguf-generator';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('the models folder', () => {
  it('moves to a folder the creator picks, is remembered, and goes back to the default', async () => {
    const dir = tempDir();
    const studio = makeStudio(dir);
    const initial = await callOk(studio, 'models:folder', {});
    expect(initial).toEqual({ dir: join(dir, '.loreweaver', 'models'), isDefault: true });

    const chosen = join(dir, 'big-disk', 'models');
    expect(await callOk(studio, 'models:setFolder', { dir: chosen })).toEqual({ dir: chosen, isDefault: false });
    expect(existsSync(chosen)).toBe(true);
    const source = join(dir, 'tiny.gguf');
    writeGguf(source);
    await callOk(studio, 'models:import', { path: source });
    expect(existsSync(join(chosen, 'tiny.gguf'))).toBe(true);
    studio.close();

    const again = makeStudio(dir);
    expect((await callOk(again, 'models:folder', {})).dir).toBe(chosen);
    expect((await callOk(again, 'models:list', {})).map((m) => m.id)).toEqual(['tiny.gguf']);
    expect(await callOk(again, 'models:setFolder', { dir: null })).toEqual(initial);
    expect(await callOk(again, 'models:list', {})).toEqual([]);
    again.close();
  });
});
