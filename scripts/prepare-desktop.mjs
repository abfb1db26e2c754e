/**
 * `npm start` / `npm run dev` run this first. better-sqlite3 in node_modules is built
 * for Node, which the tests and `npm run serve` need; Electron needs a build for its
 * own ABI. This makes one in .cache/electron-native/<electron version>/ without
 * touching node_modules: it copies the package to a temporary folder, fetches a
 * prebuilt binary with prebuild-install or, failing that, builds from source with
 * npm's own node-gyp against Electron's headers, and copies the .node file out.
 * main/electron/native-binding.ts reads the same path.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const HEADERS_URL = 'https://electronjs.org/headers';
const BINARY = 'better_sqlite3.node';

const log = (line) => console.log(`[prepare-desktop] ${line}`);

class PrepareError extends Error {}

function installedVersion(name) {
  const file = join(ROOT, 'node_modules', name, 'package.json');
  if (!existsSync(file)) throw new PrepareError(`${name} is not installed (${file} is missing); run npm install first`);
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

function run(command, args, cwd) {
  log(`running ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.error) log(`could not run it: ${result.error.message}`);
  return result.status === 0;
}

function resolveFromRoot(request) {
  try {
    return createRequire(join(ROOT, 'package.json')).resolve(request);
  } catch {
    return undefined;
  }
}

function npmGlobalPrefix() {
  const windows = process.platform === 'win32';
  const result = spawnSync(windows ? 'npm.cmd' : 'npm', ['prefix', '-g'], { encoding: 'utf8', shell: windows });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** The node-gyp that ships inside npm: npm names it when it runs us, else look beside npm and node. */
function findNodeGyp() {
  const bundled = join('node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const nodeDir = dirname(process.execPath);
  const prefix = npmGlobalPrefix();
  const candidates = [
    process.env.npm_config_node_gyp,
    prefix && join(prefix, 'lib', bundled),
    prefix && join(prefix, bundled),
    join(nodeDir, '..', 'lib', bundled),
    join(nodeDir, bundled),
  ];
  return candidates.find((candidate) => candidate && existsSync(candidate));
}

function buildInCopy(sourceDir, electronVersion, arch) {
  const workDir = mkdtempSync(join(tmpdir(), 'loreweaver-sqlite-'));
  try {
    const packageDir = join(workDir, 'better-sqlite3');
    const nodeBuild = join(sourceDir, 'build');
    log(`copying better-sqlite3 to ${packageDir}`);
    cpSync(sourceDir, packageDir, { recursive: true, filter: (path) => path !== nodeBuild });
    const built = join(packageDir, 'build', 'Release', BINARY);

    const prebuildInstall = resolveFromRoot('prebuild-install/bin.js');
    if (prebuildInstall) {
      log('trying a prebuilt binary');
      const args = [prebuildInstall, '--runtime', 'electron', '--target', electronVersion, '--arch', arch];
      if (run(process.execPath, args, packageDir) && existsSync(built)) return readFileSync(built);
      log('no prebuilt binary; building from source instead');
    } else {
      log('prebuild-install is not installed; building from source');
    }

    const nodeGyp = findNodeGyp();
    if (!nodeGyp) throw new PrepareError("npm's node-gyp was not found beside npm or node");
    const args = [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      `--dist-url=${HEADERS_URL}`,
      '--runtime=electron',
      `--devdir=${join(homedir(), '.electron-gyp')}`,
    ];
    if (!run(process.execPath, args, packageDir)) throw new PrepareError('node-gyp could not build better-sqlite3 (see its output above)');
    if (!existsSync(built)) throw new PrepareError(`node-gyp finished but ${BINARY} is missing`);
    return readFileSync(built);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Electron's own tools (@electron/get, which fetches the Electron binary on first run, and @electron/rebuild) need Node 22.12 or newer. */
const DESKTOP_NODE = [22, 12];

function requireDesktopNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  const [needMajor, needMinor] = DESKTOP_NODE;
  if (major > needMajor || (major === needMajor && minor >= needMinor)) return;
  console.error(
    `[prepare-desktop] The desktop app needs Node.js ${needMajor}.${needMinor} or newer (Electron's own tools require it); this is Node.js ${process.versions.node}.`,
  );
  console.error('[prepare-desktop] Install a newer Node.js for `npm start`, or use browser mode (`npm run serve`), which runs on Node.js 20.19 or newer.');
  process.exit(1);
}

function main() {
  const electronVersion = installedVersion('electron');
  const sqliteVersion = installedVersion('better-sqlite3');
  const arch = process.arch;
  const targetDir = join(ROOT, '.cache', 'electron-native', electronVersion);
  const target = join(targetDir, BINARY);
  // The stamp notes which better-sqlite3 the binary was built from, so upgrading it triggers a rebuild.
  const stampFile = join(targetDir, 'better_sqlite3.json');
  const stamp = JSON.stringify({ betterSqlite3: sqliteVersion, arch });

  if (existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    log(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${arch}) is ready: ${target}`);
    return;
  }
  log(`preparing better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${arch})`);
  const binary = buildInCopy(join(ROOT, 'node_modules', 'better-sqlite3'), electronVersion, arch);
  mkdirSync(targetDir, { recursive: true });
  const partial = `${target}.partial`;
  writeFileSync(partial, binary);
  renameSync(partial, target);
  writeFileSync(stampFile, stamp);
  log(`done: ${target}`);
}

requireDesktopNode();
try {
  main();
} catch (error) {
  const why = error instanceof PrepareError ? error.message : error?.stack ?? String(error);
  console.error(`[prepare-desktop] could not prepare better-sqlite3 for Electron: ${why}`);
  console.error('[prepare-desktop] The desktop app needs it; the tests and browser mode (npm run serve) do not.');
  console.error(
    '[prepare-desktop] To fix: let this machine reach github.com (prebuilt binaries) and electronjs.org (headers), ' +
      'or install what node-gyp needs to compile (Python 3 and a C++ toolchain: build-essential, Xcode Command Line Tools ' +
      'or Visual Studio Build Tools), then run `node scripts/prepare-desktop.mjs` again.',
  );
  process.exit(1);
}
