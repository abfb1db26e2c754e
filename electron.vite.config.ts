import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { webRuntimePlugin } from './scripts/web-runtime/build-web-runtime';

const root = import.meta.dirname;
/** Build folder; LOREWEAVER_OUT lets several builds (parallel e2e runs) live side by side. */
const out = process.env.LOREWEAVER_OUT ?? 'out';

export default defineConfig({
  main: {
    plugins: [webRuntimePlugin(root)],
    build: {
      outDir: `${out}/main`,
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'main/index.ts'),
          serve: resolve(root, 'main/server/serve.ts'),
          // The model engine runs in its own process (see main/core/llm/engine-transport.ts).
          'llm-worker': resolve(root, 'main/core/llm/engine-worker.ts'),
          // Work a file's content can make long (pack reading) runs on a worker thread (main/core/workers).
          'task-worker': resolve(root, 'main/core/workers/task-worker.ts'),
          // The headless export CLI (bin/loreweaver.mjs).
          cli: resolve(root, 'main/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: `${out}/preload`,
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, out, 'renderer'),
      minify: true,
      cssMinify: true,
      chunkSizeWarningLimit: 1500,
      rollupOptions: {
        input: { index: resolve(root, 'renderer/index.html') },
      },
    },
  },
});
