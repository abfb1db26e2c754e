import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin, Rolldown } from 'vite';

/**
 * The web runtime a pack ships (`web/loreweaver-runtime.js` and its `.d.ts`) is built from
 * the studio's own runtime in main/domain, so the game plays exactly what test chat plays.
 * The files are build output, not sources: `electron-vite build` (webRuntimePlugin) and the
 * unit tests (tests/helpers/web-runtime-setup.ts) write them into resources/runtime/web,
 * where main/core/export/runtime-sources.ts reads every runtime file from.
 */
export const WEB_RUNTIME_ENTRY = 'main/domain/web-runtime/web-runtime.ts';
export const WEB_RUNTIME_DIR = 'resources/runtime/web';
const ROOT = resolve(import.meta.dirname, '../..');

const USAGE = `/**
 * Loreweaver runtime for the web: plays dialogues and tracks quests of a \`loreweaver-pack\`
 * (format version 2; version 1 is migrated as it is read) exactly as the studio's test
 * chat does, with the same seeded random, steps, transcript, events, state and error
 * messages. No dependencies; an ES module that needs ES2023 and structuredClone (any
 * current browser, Node 17+, Deno, Bun).
 *
 *   import { createDialogueRunner } from './loreweaver-runtime.js';
 *   const runner = createDialogueRunner(pack, 'smith', { seed: 42 });
 *   runner.step;            // { type: 'line', speaker, text, ... } | { type: 'choice', options } | { type: 'end', ... }
 *   runner.advance();       // past a line
 *   runner.choose('buy');   // pick an option
 *
 * Built by Loreweaver Studio from its own runtime (main/domain); regenerated on every build.
 */`;

const TYPES_HEADER = `/**
 * Types of the Loreweaver web runtime (loreweaver-runtime.js), for a \`loreweaver-pack\` of
 * format version 2: the studio's own declarations, gathered from main/domain.
 */`;

export interface WebRuntimeFiles {
  'loreweaver-runtime.js': string;
  'loreweaver-runtime.d.ts': string;
}

/** Bundles the runtime into one readable ES module and its types into one `.d.ts`; the same sources give the same bytes. */
export async function buildWebRuntime(root = ROOT): Promise<WebRuntimeFiles> {
  // Loaded here, not at the top, so ensureWebRuntime costs nothing when the files are current.
  const [{ build }, { format, resolveConfig }, { bundleDeclarations }] = await Promise.all([
    import('vite'),
    import('prettier'),
    import('./bundle-declarations'),
  ]);
  const output = (await build({
    configFile: false,
    envDir: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry: resolve(root, WEB_RUNTIME_ENTRY), formats: ['es'], fileName: 'loreweaver-runtime' },
      rolldownOptions: { output: { banner: USAGE } },
    },
  })) as Rolldown.RolldownOutput[];
  const chunks = output.flatMap((result) => result.output).filter((file) => file.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`The web runtime must bundle into one file, got ${chunks.map((c) => c.fileName).join(', ')}`);
  const [chunk] = chunks;
  if (chunk.imports.length > 0 || chunk.dynamicImports.length > 0) {
    throw new Error(`The web runtime must not import anything, but imports ${[...chunk.imports, ...chunk.dynamicImports].join(', ')}`);
  }
  const prettier = { ...(await resolveConfig(join(root, WEB_RUNTIME_ENTRY))), filepath: 'loreweaver-runtime.js' };
  return {
    'loreweaver-runtime.js': await format(chunk.code, prettier),
    'loreweaver-runtime.d.ts': await format(bundleDeclarations(root, WEB_RUNTIME_ENTRY, TYPES_HEADER), {
      ...prettier,
      filepath: 'loreweaver-runtime.d.ts',
    }),
  };
}

/** Writes the built files into resources/runtime/web, each by rename so a reader never sees half a file; an unchanged file is only touched (see ensureWebRuntime). */
export async function writeWebRuntime(root = ROOT): Promise<void> {
  const dir = join(root, WEB_RUNTIME_DIR);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(await buildWebRuntime(root))) {
    const path = join(dir, name);
    if (readOr(path) === text) {
      utimesSync(path, new Date(), new Date());
      continue;
    }
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  }
}

/** The sources the runtime is built from: main/domain and this folder. */
const INPUTS = ['main/domain', 'scripts/web-runtime'];

/** Builds the runtime unless both files are newer than every source file: most builds and test runs change nothing it is built from. */
export async function ensureWebRuntime(root = ROOT): Promise<void> {
  const built = Object.keys(EMPTY_FILES).map((name) => mtimeOr(join(root, WEB_RUNTIME_DIR, name)) ?? -Infinity);
  if (Math.min(...built) > Math.max(...INPUTS.map((dir) => newestIn(join(root, dir))))) return;
  await writeWebRuntime(root);
}

const EMPTY_FILES: WebRuntimeFiles = { 'loreweaver-runtime.js': '', 'loreweaver-runtime.d.ts': '' };

const mtimeOr = (path: string): number | undefined => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
};

const newestIn = (dir: string): number =>
  Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newestIn(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs,
    ),
  );

const readOr = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** Brings the web runtime up to date at the start of every build of the main process, so the app, the CLI and `npm run serve` export the current runtime. */
export const webRuntimePlugin = (root: string): Plugin => ({
  name: 'loreweaver-web-runtime',
  buildStart: () => ensureWebRuntime(root),
});
