import { chromium, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateQuests } from '../main/domain/quest';
import { startServe } from '../tests/helpers/serve-process';
import { generateQuests, type GeneratedWorld } from './quest-generator';

const ROOT = join(import.meta.dirname, '..');
const OUT = process.env.LOREWEAVER_OUT ?? 'out';
const QUESTS = 2_000;
const RUNS = 5;
const VALIDATE_BUDGET_MS = 200;
const MAP_BUDGET_MS = 1500;
const TOKEN = 'bench-quests';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ratio = (ms: number, budget: number) => `${ms.toFixed(0)} ms / ${budget} ms = ${(ms / budget).toFixed(2)}`;

const WORLD: GeneratedWorld = {
  npcIds: [],
  itemIds: Array.from({ length: 200 }, (_, i) => `item_${i}`),
  locationIds: Array.from({ length: 50 }, (_, i) => `place_${i}`),
};

async function call<T>(url: string, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${url}/api/call/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A project with 100 NPCs, 200 items, 50 locations and 2,000 quests, stored through the API the editor uses. */
async function seed(url: string): Promise<void> {
  const project = await call<{ id: string }>(url, 'projects:create', { name: 'Quest bench' });
  await call(url, 'projects:open', { id: project.id });
  for (let i = 0; i < 100; i++) WORLD.npcIds.push((await call<{ id: string }>(url, 'npcs:create', { name: `NPC ${i}` })).id);
  for (const id of WORLD.itemIds) await call(url, 'world:items:save', { item: { id, name: id, description: '', stackable: true } });
  for (const id of WORLD.locationIds) await call(url, 'world:locations:save', { location: { id, name: id, description: '', region: '' } });
  const generated = generateQuests(QUESTS, WORLD);
  const ids = new Map<string, string>();
  for (const quest of generated) ids.set(quest.id, (await call<{ id: string }>(url, 'quests:create', { title: quest.title })).id);
  // Saved with their stored ids, so prerequisites and unlocks point at real quests.
  const rename = (id: string) => ids.get(id) ?? id;
  for (const quest of generated) {
    const id = rename(quest.id);
    await call(url, 'quests:save', {
      id,
      quest: {
        ...quest,
        id,
        prerequisites: { ...quest.prerequisites, quests: quest.prerequisites.quests.map(rename) },
        rewards: quest.rewards.map((r) => (r.type === 'unlockQuest' ? { ...r, questId: rename(r.questId) } : r)),
      },
    });
  }
}

/** From the click on the Quests section to its list's first row drawn. */
async function openSection(page: Page, url: string): Promise<number> {
  await page.goto(`${url}/?token=${TOKEN}`);
  const section = page.getByRole('button', { name: 'Quests' });
  await section.waitFor();
  const started = await page.evaluate(() => performance.now());
  await section.click();
  await page.getByRole('navigation', { name: 'Quests list' }).getByRole('button').first().waitFor();
  return (await page.evaluate(() => performance.now())) - started;
}

/** From the click on the Quest map tab to its first nodes drawn. */
async function openMap(page: Page, url: string): Promise<{ ms: number; drawn: number; sectionMs: number }> {
  const sectionMs = await openSection(page, url);
  const tab = page.getByRole('tab', { name: 'Quest map' });
  const started = await page.evaluate(() => performance.now());
  await tab.click();
  await page.getByTestId('quest-map').locator('.react-flow__node').first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="quest-map"] .react-flow__node')].some(
      (n) => getComputedStyle(n).visibility === 'visible',
    ),
  );
  const ms = (await page.evaluate(() => performance.now())) - started;
  return { ms, drawn: await page.getByTestId('quest-map').locator('.react-flow__node').count(), sectionMs };
}

/** Validating 2,000 quests (in the domain and through quests:validate) and drawing their map in Chromium, against the budgets. */
export async function run(): Promise<void> {
  if (!existsSync(join(ROOT, OUT, 'renderer/index.html'))) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'loreweaver-quest-bench-'));
  const server = await startServe(dataDir, TOKEN);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const seeding = performance.now();
    await seed(server.url);
    console.log(
      `quest benchmark (${QUESTS} quests, 100 NPCs, 200 items, 50 locations; seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s)`,
    );

    // Right after seeding, while the HTTP connection is still kept alive.
    const api: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await call(server.url, 'quests:validate', {});
      api.push(performance.now() - started);
    }
    const quests = generateQuests(QUESTS, WORLD);
    const npcs = new Set(WORLD.npcIds);
    const items = new Set(WORLD.itemIds);
    const places = new Set(WORLD.locationIds);
    const domain: number[] = [];
    // One run first to warm the JIT, as the editor has by the time a creator validates.
    for (let i = -1; i < RUNS; i++) {
      const started = performance.now();
      const problems = validateQuests(quests, {
        npcExists: (id) => npcs.has(id),
        itemExists: (id) => items.has(id),
        locationExists: (id) => places.has(id),
      });
      if (i >= 0) domain.push(performance.now() - started);
      if (problems.some((p) => p.severity === 'error')) throw new Error(`generated quests have errors: ${problems[0].message}`);
    }
    const map: number[] = [];
    const section: number[] = [];
    let drawn = 0;
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const opened = await openMap(page, server.url);
      map.push(opened.ms);
      section.push(opened.sectionMs);
      drawn = opened.drawn;
      await page.close();
    }
    console.log(`  validateQuests (domain, what the editor and export run): median ${ratio(median(domain), VALIDATE_BUDGET_MS)}`);
    console.log(`  quests:validate (API: load 2,000 records from SQLite, then validate): median ${ratio(median(api), VALIDATE_BUDGET_MS)}`);
    console.log(
      `  Quests section, click → list drawn in Chromium: median ${median(section).toFixed(0)} ms (runs: ${section.map((ms) => ms.toFixed(0)).join(', ')})`,
    );
    console.log(`  quest map, click → nodes drawn in Chromium (${drawn} cards in view): median ${ratio(median(map), MAP_BUDGET_MS)}`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
