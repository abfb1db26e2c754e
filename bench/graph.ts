import { chromium, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe } from '../tests/helpers/serve-process';
import { generateDialogue } from './dialogue-generator';

const ROOT = join(import.meta.dirname, '..');
const NODES = 1_000;
const RUNS = 5;
const OPEN_BUDGET_MS = 1500;
const FRAME_BUDGET_MS = 33;
const TOKEN = 'bench-graph';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1];

/** A project holding one generated dialogue, stored through the same API the editor saves with. */
async function seed(url: string): Promise<void> {
  const call = async (method: string, input: unknown) => {
    const response = await fetch(`${url}/api/call/${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const result = (await response.json()) as { ok: boolean; value: { id: string; revision: number }; error?: unknown };
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const project = await call('projects:create', { name: 'Graph bench' });
  await call('projects:open', { id: project.id });
  const created = await call('dialogues:create', { name: 'Big forge' });
  const generated = generateDialogue(NODES);
  await call('dialogues:save', {
    id: created.id,
    baseRevision: created.revision,
    variables: generated.variables,
    startNodeId: generated.startNodeId,
    upsertNodes: Object.values(generated.nodes),
    deleteNodeIds: ['start', 'end'],
  });
}

/** From the click on the dialogue to its nodes drawn and a node click answered by the inspector. */
async function openDialogue(page: Page, url: string): Promise<{ rendered: number; interactive: number }> {
  await page.goto(`${url}/?token=${TOKEN}`);
  await page.getByRole('button', { name: 'Dialogues' }).click();
  const item = page.getByRole('navigation', { name: 'Dialogues list' }).getByText('Big forge');
  await item.waitFor();
  const started = await page.evaluate(() => performance.now());
  await item.click();
  await page.locator('.react-flow__node').first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('.react-flow__node')].some((n) => getComputedStyle(n).visibility === 'visible'),
  );
  const rendered = (await page.evaluate(() => performance.now())) - started;
  const node = page.locator('.react-flow__node-line').first();
  await node.click({ position: { x: 60, y: 12 } });
  await page.getByRole('complementary', { name: 'Inspector' }).getByText('Speaker').waitFor();
  const interactive = (await page.evaluate(() => performance.now())) - started;
  return { rendered, interactive };
}

/** A point near the middle of the pane where no node lies, so pressing there pans rather than drags a node. */
async function emptySpot(page: Page, pane: { x: number; y: number; width: number; height: number }): Promise<{ cx: number; cy: number }> {
  const spot = await page.evaluate(({ x, y, width, height }) => {
    const points: [number, number][] = [];
    for (let dy = 0; dy <= height / 2 - 130; dy += 10)
      for (let dx = 0; dx <= width / 2 - 210; dx += 10)
        for (const [sx, sy] of [
          [1, 1],
          [-1, 1],
          [1, -1],
          [-1, -1],
        ])
          points.push([x + width / 2 + sx * dx, y + height / 2 + sy * dy]);
    return points.find(([px, py]) => document.elementFromPoint(px, py)?.classList.contains('react-flow__pane'));
  }, pane);
  if (!spot) throw new Error('no empty spot on the pane to pan from');
  return { cx: spot[0], cy: spot[1] };
}

/** Frame-to-frame times measured in the page by requestAnimationFrame while the pane is dragged. */
async function panFrames(page: Page): Promise<number[]> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no pane');
  // A string, not a function: tsx would wrap a named inner function with a helper the page does not have.
  await page.evaluate(`(() => {
    window.frames_ = [];
    window.stop_ = false;
    let last = performance.now();
    const tick = (now) => {
      window.frames_.push(now - last);
      last = now;
      if (!window.stop_) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const { cx, cy } = await emptySpot(page, pane);
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let sweep = 0; sweep < 4; sweep++) {
    const dir = sweep % 2 === 0 ? -1 : 1;
    await page.mouse.move(cx + dir * 200, cy + dir * 120, { steps: 60 });
  }
  await page.mouse.up();
  return page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; stop_: boolean };
    w.stop_ = true;
    return w.frames_.slice(1);
  });
}

/** Opening a generated 1,000-node dialogue in Chromium, and panning it, against the budgets. */
export async function run(): Promise<void> {
  if (!existsSync(join(ROOT, 'out/renderer/index.html'))) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'loreweaver-graph-bench-'));
  const server = await startServe(dataDir, TOKEN);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await seed(server.url);
    const rendered: number[] = [];
    const interactive: number[] = [];
    let frames: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const times = await openDialogue(page, server.url);
      rendered.push(times.rendered);
      interactive.push(times.interactive);
      if (i === RUNS - 1) frames = await panFrames(page);
      await page.close();
    }
    const worst = Math.max(...frames);
    console.log(`graph benchmark (${NODES}-node dialogue, ${RUNS} opens, Chromium)`);
    console.log(`  click → nodes drawn: median ${median(rendered).toFixed(0)} ms`);
    console.log(`  click → node selected in the inspector: median ${median(interactive).toFixed(0)} ms`);
    console.log(
      `  panning: ${frames.length} frames, median ${median(frames).toFixed(1)} ms, p95 ${p95(frames).toFixed(1)} ms, worst ${worst.toFixed(1)} ms`,
    );
    console.log(`  ratio interactive median / ${OPEN_BUDGET_MS} ms budget: ${(median(interactive) / OPEN_BUDGET_MS).toFixed(2)}`);
    console.log(`  ratio pan frame p95 / ${FRAME_BUDGET_MS} ms budget: ${(p95(frames) / FRAME_BUDGET_MS).toFixed(2)}`);
    console.log(`  ratio pan frame worst / ${FRAME_BUDGET_MS} ms budget: ${(worst / FRAME_BUDGET_MS).toFixed(2)}`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
