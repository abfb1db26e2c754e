import { describe, expect, it } from 'vitest';
import { methods, type MethodName } from '../../preload/api';
import { startHttpHost } from '../../main/server/http-server';
import { snapshotDir } from '../helpers/dir-snapshot';
import { callOk, makeStudio } from '../helpers/studio';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

/** Inputs no method accepts: wrong types, unknown keys, oversized and hostile values. */
const BAD_INPUTS: unknown[] = [
  42,
  'projects',
  [],
  null,
  { unexpected: true },
  { id: 7, name: { $gt: '' }, kind: 'dragon', text: 9, dir: false, revision: -1, unexpected: 1 },
  { __proto__: { polluted: true }, constructor: 'x', unexpected: 1 },
];

async function prepared() {
  const dir = tempDir();
  const studio = makeStudio(dir);
  const project = await callOk(studio, 'projects:create', { name: 'Guarded' });
  await callOk(studio, 'projects:open', { id: project.id });
  const item = await callOk(studio, 'content:create', {
    kind: 'story',
    name: 'Sentinel',
    data: { schemaVersion: 1, markdown: 'watching', lore: false },
  });
  await callOk(studio, 'projects:close', {});
  await callOk(studio, 'projects:open', { id: project.id });
  return { dir, studio, project, item };
}

describe('every method of the contract', () => {
  const names = Object.keys(methods) as MethodName[];

  it.each(names)('%s rejects schema-violating input with invalid_input and changes nothing on disk', async (method) => {
    const { dir, studio } = await prepared();
    const before = snapshotDir(dir);
    for (const input of BAD_INPUTS) {
      const result = await studio.call(method, input);
      expect(result, `${method} with ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      if (!result.ok) expect(result.error.message).toContain(method);
    }
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('rejects names that are empty, too long or hold control characters', async () => {
    const { studio, project } = await prepared();
    for (const name of ['', '   ', 'x'.repeat(121), 'bad\u0000name', 'line\nbreak']) {
      expect(await studio.call('projects:rename', { id: project.id, name })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('answers unknown_method for names outside the contract, including prototype keys', async () => {
    const { studio } = await prepared();
    for (const method of ['nope', 'constructor', '__proto__', 'toString', 'projects:drop']) {
      expect(await studio.call(method, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
  });

  it('answers 400 over HTTP for input that fails its schema and leaves the files alone', async () => {
    const { dir, studio } = await prepared();
    const host = await startHttpHost(studio, { host: '127.0.0.1', port: 0, token: 't0k3n' });
    try {
      const before = snapshotDir(dir);
      for (const method of names) {
        const response = await fetch(`${host.url}/api/call/${method}`, {
          method: 'POST',
          headers: { authorization: 'Bearer t0k3n', 'content-type': 'application/json' },
          body: JSON.stringify({ unexpected: [1, 2, 3] }),
        });
        expect(response.status, method).toBe(400);
        expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      }
      expect(snapshotDir(dir)).toEqual(before);
    } finally {
      await host.close();
    }
  });
});
