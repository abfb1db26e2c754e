import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startServe } from '../tests/helpers/serve-process';

const ROOT = join(import.meta.dirname, '..');
const RENDERER = join(ROOT, 'out/renderer');
const JS_BUDGET_KB = 600;
const PAINT_BUDGET_MS = 1500;
const RUNS = 7;
const SEED_PROJECTS = 25;

/** gzip size of the JavaScript the shell loads before anything lazy: entry scripts and their preloads. */
function initialJs(): { files: string[]; gzipBytes: number; rawBytes: number } {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(join(RENDERER, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, gzipBytes, rawBytes };
}

async function seed(dataDir: string): Promise<void> {
  const server = await startServe(dataDir, 'bench');
  const call = (method: string, input: unknown) =>
    fetch(`${server.url}/api/call/${method}`, {
      method: 'POST',
      headers: { authorization: 'Bearer bench', 'content-type': 'application/json' },
      body: JSON.stringify(input),
    }).then((r) => r.json());
  for (let i = 1; i <= SEED_PROJECTS; i++) await call('projects:create', { name: `World ${i}` });
  await server.stop();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run(): Promise<void> {
  if (!existsSync(join(RENDERER, 'index.html')) || !existsSync(join(ROOT, 'out/main/serve.js'))) {
    console.log('building…');
    execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  const js = initialJs();
  const dataDir = mkdtempSync(join(tmpdir(), 'loreweaver-bench-'));
  await seed(dataDir);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const serverUp: number[] = [];
  const paint: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      const server = await startServe(dataDir, 'bench');
      const up = performance.now();
      await page.goto(`${server.url}/?token=bench`);
      await page
        .getByRole('button', { name: `Open World ${SEED_PROJECTS}` })
        .first()
        .waitFor();
      const painted = performance.now();
      serverUp.push(up - started);
      paint.push(painted - up);
      await context.close();
      await server.stop();
    }
  } finally {
    await browser.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const jsKb = js.gzipBytes / 1024;
  const paintMs = median(paint);
  console.log(`startup benchmark (${RUNS} runs, ${SEED_PROJECTS} projects in the workspace, Chromium ${browser.version()})`);
  console.log(`  initial JS: ${js.files.length} file(s), ${(js.rawBytes / 1024).toFixed(0)} kB raw, ${jsKb.toFixed(1)} kB gzip`);
  console.log(`  server start to ready line: median ${median(serverUp).toFixed(0)} ms`);
  console.log(
    `  server ready to project list painted: median ${paintMs.toFixed(0)} ms (min ${Math.min(...paint).toFixed(0)}, max ${Math.max(...paint).toFixed(0)})`,
  );
  console.log(`  ratio initial JS / ${JS_BUDGET_KB} kB budget: ${(jsKb / JS_BUDGET_KB).toFixed(2)}`);
  console.log(`  ratio first paint / ${PAINT_BUDGET_MS} ms budget: ${(paintMs / PAINT_BUDGET_MS).toFixed(2)}`);
}
