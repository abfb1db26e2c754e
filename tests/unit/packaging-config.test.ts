import * as fileMatcher from 'app-builder-lib/out/fileMatcher';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import config, { assertHostPlatform, RENDERER_ONLY_PACKAGES } from '../../electron-builder.config';

/**
 * The installer settings that keep the app safe and small, checked with electron-builder's
 * own file matchers so a pattern that electron-builder reads differently fails here.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: { electron: string } })
  .devDependencies.electron;

type Target = { os: 'linux' | 'mac' | 'win'; arch: 'x64' | 'arm64' };
type Filter = (file: string, stat: unknown) => boolean;

const expander =
  ({ os, arch }: Target) =>
  (pattern: string): string =>
    pattern.replaceAll('${os}', os).replaceAll('${arch}', arch);

const fakeStat = (relative: string, directory = false) => ({ isDirectory: () => directory, moduleFullFilePath: relative });

/** The files of the app folder itself (out/, resources/, the SQLite driver), as electron-builder's `files` matcher sees them. */
function appFiles(target: Target): (relative: string) => boolean {
  const filter = new fileMatcher.FileMatcher(ROOT, ROOT, expander(target), config.files as string[]).createFilter() as Filter;
  return (relative) => filter(join(ROOT, relative), fakeStat(''));
}

/** node_modules as electron-builder copies it: only the exclusions of `files` apply there. */
function nodeModuleFiles(target: Target): (relative: string) => boolean {
  const { getNodeModuleFileMatcher } = fileMatcher as unknown as {
    getNodeModuleFileMatcher: (
      appDir: string,
      destination: string,
      macroExpander: (pattern: string) => string,
      platformOptions: object,
      packager: object,
    ) => { createFilter(): Filter };
  };
  const packager = { config, debugLogger: { isEnabled: false } };
  const filter = getNodeModuleFileMatcher(ROOT, ROOT, expander(target), {}, packager).createFilter();
  return (relative) => filter(join(ROOT, relative), fakeStat(relative));
}

function unpacked(target: Target): (relative: string) => boolean {
  const filter = new fileMatcher.FileMatcher(ROOT, ROOT, expander(target), config.asarUnpack as string[]).createFilter() as Filter;
  return (relative) => filter(join(ROOT, relative), fakeStat(''));
}

const llamaBinaries = (pkg: string) => `node_modules/@node-llama-cpp/${pkg}/bins/${pkg}/llama-addon.node`;

describe('packaging config', () => {
  it('sets the Electron fuses that close the Node back doors and pin the app to its asar', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds AppImage and deb for Linux, dmg for macOS and NSIS for Windows', () => {
    const targets = (options: unknown) => ((options as { target: { target: string }[] }).target ?? []).map((entry) => entry.target);
    expect(targets(config.linux)).toEqual(['AppImage', 'deb']);
    expect(targets(config.mac)).toEqual(['dmg']);
    expect(targets(config.win)).toEqual(['nsis']);
  });

  it.each<[Target, string[], string[]]>([
    [
      { os: 'linux', arch: 'x64' },
      ['linux-x64', 'linux-x64-cuda', 'linux-x64-cuda-ext', 'linux-x64-vulkan'],
      ['linux-arm64', 'linux-armv7l', 'mac-arm64-metal', 'mac-x64', 'win-x64', 'win-x64-cuda'],
    ],
    [{ os: 'linux', arch: 'arm64' }, ['linux-arm64'], ['linux-x64', 'linux-armv7l', 'mac-arm64-metal']],
    [{ os: 'mac', arch: 'arm64' }, ['mac-arm64-metal'], ['mac-x64', 'linux-x64', 'win-arm64']],
    [{ os: 'mac', arch: 'x64' }, ['mac-x64'], ['mac-arm64-metal', 'linux-x64', 'win-x64']],
    [{ os: 'win', arch: 'x64' }, ['win-x64', 'win-x64-cuda', 'win-x64-vulkan'], ['win-arm64', 'linux-x64', 'mac-x64']],
  ])('packs only the llama.cpp binaries of %o', (target, kept, dropped) => {
    const copied = nodeModuleFiles(target);
    for (const pkg of kept) {
      expect(copied(llamaBinaries(pkg)), pkg).toBe(true);
      expect(copied(`node_modules/node-llama-cpp/bins/${pkg}/llama-addon.node`), `bins/${pkg}`).toBe(true);
      expect(copied(`node_modules/node-llama-cpp/llama/localBuilds/${pkg}/Release/llama-addon.node`), `localBuilds/${pkg}`).toBe(true);
    }
    for (const pkg of dropped) {
      expect(copied(llamaBinaries(pkg)), pkg).toBe(false);
      expect(copied(`node_modules/node-llama-cpp/bins/${pkg}/llama-addon.node`), `bins/${pkg}`).toBe(false);
      expect(copied(`node_modules/node-llama-cpp/llama/localBuilds/${pkg}/Release/llama-addon.node`), `localBuilds/${pkg}`).toBe(false);
    }
  });

  it('keeps what the main process loads and drops what only the renderer bundle or a source build needs', () => {
    const copied = nodeModuleFiles({ os: 'linux', arch: 'x64' });
    for (const file of [
      'node_modules/node-llama-cpp/dist/index.js',
      'node_modules/better-sqlite3/lib/index.js',
      'node_modules/better-sqlite3/package.json',
      'node_modules/zod/package.json',
      'node_modules/ws/index.js',
      'node_modules/fflate/package.json',
    ]) {
      expect(copied(file), file).toBe(true);
    }
    for (const file of [
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
      'node_modules/node-llama-cpp/llama/gitRelease.bundle',
      'node_modules/monaco-editor/esm/vs/editor/editor.api.js',
      'node_modules/react/index.js',
      'node_modules/@mantine/core/package.json',
    ]) {
      expect(copied(file), file).toBe(false);
    }
  });

  it('ships the built app, its resources and the Electron build of the SQLite driver, and nothing else of the repository', () => {
    const copied = appFiles({ os: 'linux', arch: 'x64' });
    for (const file of [
      'package.json',
      'out/main/index.js',
      'out/main/llm-worker.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'resources/model-catalog.json',
      `.cache/electron-native/${ELECTRON_VERSION}/better_sqlite3.node`,
    ]) {
      expect(copied(file), file).toBe(true);
    }
    for (const file of [
      'main/index.ts',
      'tests/unit/packaging-config.test.ts',
      'out-lead/main/index.js',
      '.cache/electron-native/1.0.0/better_sqlite3.node',
    ]) {
      expect(copied(file), file).toBe(false);
    }
  });

  it('unpacks the native libraries from the asar and keeps the app code inside it', () => {
    const unpack = unpacked({ os: 'linux', arch: 'x64' });
    for (const file of [
      `.cache/electron-native/${ELECTRON_VERSION}/better_sqlite3.node`,
      'node_modules/better-sqlite3/lib/database.js',
      llamaBinaries('linux-x64'),
      'node_modules/node-llama-cpp/bins/linux-x64/llama-addon.node',
      'node_modules/node-llama-cpp/llama/localBuilds/linux-x64/Release/llama-addon.node',
    ]) {
      expect(unpack(file), file).toBe(true);
    }
    for (const file of ['out/main/index.js', 'out/renderer/index.html', 'node_modules/zod/package.json']) {
      expect(unpack(file), file).toBe(false);
    }
  });

  it('leaves out only packages that the main process and preload never import', () => {
    const sources = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts'))
        .map((file) => join(ROOT, dir, file));
    const imported = new Set<string>();
    for (const file of [...sources('main'), ...sources('preload')]) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)) {
        imported.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
      }
    }
    const leftOut = [...imported].filter((name) => RENDERER_ONLY_PACKAGES.some((pkg) => name === pkg || name.startsWith(`${pkg}/`)));
    expect(leftOut).toEqual([]);
    expect(imported).toContain('better-sqlite3');
  });

  it('refuses to build an installer for another operating system', () => {
    expect(() => assertHostPlatform('linux', 'linux')).not.toThrow();
    expect(() => assertHostPlatform('win32', 'linux')).toThrow(/Build the win32 installer on win32/);
    expect(() => assertHostPlatform('darwin', 'win32')).toThrow(/this machine is win32/);
  });
});
