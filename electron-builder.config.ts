/**
 * Installers (`npm run dist`, `dist:linux`, `dist:mac`, `dist:win`): AppImage and deb for
 * Linux, dmg for macOS, an NSIS installer for Windows, each built on its own platform for
 * the machine's architecture (see assertHostPlatform), with only that target's prebuilt
 * llama.cpp binaries.
 * tests/unit/packaging-config.test.ts pins the security-relevant settings.
 */
import type { Configuration } from 'electron-builder';
import { readFileSync } from 'node:fs';

const electronVersion = (
  JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { devDependencies: { electron: string } }
).devDependencies.electron;

/**
 * Dependencies that Vite bundles into out/renderer; the main process never imports them,
 * so the app does not carry a second copy in node_modules.
 */
export const RENDERER_ONLY_PACKAGES = [
  '@dagrejs',
  '@mantine',
  '@tabler',
  '@tiptap',
  '@xyflow',
  'cmu-pronouncing-dictionary',
  'monaco-editor',
  'react',
  'react-dom',
  'zustand',
];

/**
 * The Electron build of the SQLite driver comes from scripts/prepare-desktop.mjs, which
 * compiles for the machine it runs on, so an installer for another OS would ship a driver
 * that cannot load.
 */
export function assertHostPlatform(target: string, host: string = process.platform): void {
  if (target !== host)
    throw new Error(`Build the ${target} installer on ${target}: this machine is ${host} and the SQLite driver is built for it.`);
}

/** Installers for the machine's own architecture, for the same reason. */
const arch = [process.arch === 'arm64' ? 'arm64' : 'x64'] as const;

const config: Configuration = {
  appId: 'studio.loreweaver.desktop',
  productName: 'Loreweaver Studio',
  executableName: 'loreweaver-studio',
  copyright: 'Copyright © Loreweaver Studio contributors',
  directories: { output: 'release' },
  asar: true,
  // node_modules stays built for Node (the tests and `npm run serve` use it); the desktop's SQLite
  // driver is the Electron build that scripts/prepare-desktop.mjs writes to .cache/electron-native/.
  npmRebuild: false,
  files: [
    'package.json',
    'out/main/**/*',
    'out/preload/**/*',
    'out/renderer/**/*',
    'resources/**/*',
    `.cache/electron-native/${electronVersion}/*`,
    // electron-builder applies only exclusions to node_modules, so each rule below says what stays out.
    ...RENDERER_ONLY_PACKAGES.map((name) => `!node_modules/${name}{,/**/*}`),
    // Node's build of the driver cannot load in Electron, and its C sources are not needed at run time.
    '!node_modules/better-sqlite3/{build,deps,src}{,/**/*}',
    // The engine never builds llama.cpp from source (build: 'never'), so the source bundle stays out.
    '!node_modules/node-llama-cpp/llama/gitRelease.bundle',
    '!node_modules/node-llama-cpp/templates{,/**/*}',
    // Only the target's llama.cpp binaries (its CPU, CUDA, Vulkan or Metal builds): every other platform's stay out.
    '!node_modules/@node-llama-cpp/!(${os}-${arch}*){,/**/*}',
    '!node_modules/node-llama-cpp/bins/!(${os}-${arch}*){,/**/*}',
    '!node_modules/node-llama-cpp/llama/localBuilds/!(${os}-${arch}*){,/**/*}',
  ],
  // Native libraries and the packages that load them live as real files: the OS loader cannot read inside app.asar.
  asarUnpack: [
    '.cache/electron-native/**/*',
    'node_modules/better-sqlite3/**/*',
    'node_modules/node-llama-cpp/bins/**/*',
    'node_modules/node-llama-cpp/llama/localBuilds/**/*',
    'node_modules/@node-llama-cpp/**/*',
  ],
  beforePack: async ({ electronPlatformName }) => assertHostPlatform(electronPlatformName),
  electronFuses: {
    // The model engine runs in an Electron utility process, so nothing needs ELECTRON_RUN_AS_NODE.
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
  linux: {
    target: [
      { target: 'AppImage', arch: [...arch] },
      { target: 'deb', arch: [...arch] },
    ],
    category: 'Development',
    maintainer: 'Loreweaver Studio contributors',
    artifactName: '${productName}-${version}-linux-${arch}.${ext}',
  },
  mac: {
    target: [{ target: 'dmg', arch: [...arch] }],
    category: 'public.app-category.developer-tools',
    artifactName: '${productName}-${version}-mac-${arch}.${ext}',
  },
  win: {
    target: [{ target: 'nsis', arch: [...arch] }],
    artifactName: '${productName}-${version}-windows-${arch}.${ext}',
  },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, deleteAppDataOnUninstall: false },
};

export default config;
