import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Studio, type StudioOptions } from '../../main/core/studio';
import type { MethodInput, MethodName, MethodOutput } from '../../preload/api';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/**
 * A Studio over a temp workspace, as `npm run serve --data-dir` builds it. Tests import files
 * from temp folders and the fixtures, so those are its file folders (instead of the home folder).
 */
export function makeStudio(dir: string, overrides: Partial<StudioOptions> = {}): Studio {
  return new Studio({
    workspaceDir: dir,
    workspaceLocked: true,
    configDir: join(dir, '.loreweaver'),
    host: 'browser',
    version: '0.0.0-test',
    fileRoots: [tmpdir(), FIXTURES],
    ...overrides,
  });
}

/** Calls a method and returns its value, failing the test with the error otherwise. */
export async function callOk<M extends MethodName>(studio: Studio, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await studio.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}
