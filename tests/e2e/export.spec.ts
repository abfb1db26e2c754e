import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { seedExportContent } from '../helpers/export-project';
import { loadCases, normalize } from '../helpers/conformance';
import { callApi, createProject, expect, test } from './fixtures';

const ROOT = join(import.meta.dirname, '../..');
const RUNTIME = readFileSync(join(ROOT, 'resources/runtime/web/loreweaver-runtime.js'), 'utf8');

test('export a project with an NPC and a dialogue to JSON and web, then play the web demo', async ({ page, studio }) => {
  const out = mkdtempSync(join(tmpdir(), 'loreweaver-export-'));
  try {
    await studio.open(page);
    await createProject(page, 'Emberfall');
    await seedExportContent((method, input) => callApi(studio.server, method, input));

    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: /^Export/ })
      .click();
    await expect(page.getByRole('heading', { name: 'Export' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: /JSON pack\b/ }).first()).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /^Web/ })).toBeChecked();
    await page.getByRole('textbox', { name: 'Folder' }).fill(out);
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByTestId('validation-ok').or(page.getByTestId('validation-report'))).toBeVisible();
    await page.getByRole('button', { name: 'Export', exact: true }).last().click();

    const result = page.getByTestId('export-result');
    await expect(result).toContainText('files written to');
    const tree = result.getByRole('tree', { name: 'Exported files' });
    await expect(tree.getByText('pack', { exact: true })).toBeVisible();
    await expect(tree.getByText('manifest.json')).toBeVisible();
    await expect(tree.getByText('index.html')).toBeVisible();
    await result.getByRole('button', { name: 'Open folder' }).click();
    await expect(page.getByTestId('folder-note')).toContainText(out);
    await page.screenshot({ path: '/tmp/export-page.png', fullPage: true });

    const demo = await page.context().newPage();
    await demo.goto(pathToFileURL(join(out, 'web/index.html')).href);
    await expect(demo.getByText('Mirela: Welcome to my forge.')).toBeVisible();
    await demo.getByRole('button', { name: 'Continue' }).click();
    // The game state is shown and set there: with too little gold the blade is out of reach.
    const state = demo.getByRole('region', { name: 'Game state' });
    const gold = state.getByLabel('$gold');
    await expect(gold).toHaveValue('12');
    await gold.fill('5');
    await gold.blur();
    await expect(demo.getByRole('button', { name: 'I want a blade.' })).toBeDisabled();
    await gold.fill('40');
    await gold.blur();
    await expect(demo.getByRole('button', { name: 'I want a blade.' })).toBeEnabled();
    await expect(demo.getByText('Mirela: Welcome to my forge.')).toHaveCount(1);
    await demo.getByRole('button', { name: 'I want a blade.' }).click();
    await expect(state).toContainText('Items: 1 × blade');
    await expect(demo.getByText('Mind the edge.')).toBeVisible();
    await demo.getByRole('button', { name: 'Continue' }).click();
    await expect(demo.getByText('The end (done).')).toBeVisible();
    await demo.screenshot({ path: '/tmp/export-demo.png' });

    // The CLI (built entry behind bin/loreweaver.mjs) validates the exported pack.
    const validated = execFileSync('node', [join(ROOT, 'bin/loreweaver.mjs'), 'validate', join(out, 'pack')], {
      encoding: 'utf8',
      env: process.env,
    });
    expect(validated).toContain('is a valid loreweaver-pack v2');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('the exported JavaScript runtime plays every conformance case in Chromium exactly as expected', async ({ page }) => {
  await page.goto('about:blank');
  const cases = loadCases();
  const outcomes = await page.evaluate(
    async ({ runtime, cases }) => {
      const url = URL.createObjectURL(new Blob([runtime], { type: 'text/javascript' }));
      const web = await import(url);
      return cases.map(({ case: c }) => {
        let runner = web.createDialogueRunner(c.pack, c.dialogueId, c.options);
        const steps = [runner.step];
        const transcript: unknown[] = [];
        const events: unknown[] = [];
        const history: unknown[] = [];
        const collect = () => {
          transcript.push(...runner.transcript);
          events.push(...runner.events);
          history.push(...runner.history);
        };
        for (const op of c.script) {
          try {
            if ('choose' in op) steps.push(runner.choose(op.choose));
            else if ('follow' in op) {
              const jump = runner.step.jump;
              collect();
              runner = web.createDialogueRunner(c.pack, jump.dialogueId, {
                seed: c.options.seed,
                state: runner.state,
                startNodeId: jump.nodeId,
              });
              steps.push(runner.step);
            } else steps.push(runner.advance(op.advance === true ? undefined : op.advance));
          } catch (error) {
            if (!(error instanceof web.DialogueRuntimeError)) throw error;
            steps.push({ error: (error as Error).message });
          }
        }
        collect();
        const quests = web.createQuestState(c.pack, c.options.state?.quests);
        quests.apply(events);
        const view = Object.fromEntries(c.questIds.map((q: string) => [q, { status: quests.status(q), stage: quests.stage(q) }]));
        return JSON.parse(JSON.stringify({ steps, transcript, events, history, state: runner.state, quests: view }));
      });
    },
    { runtime: RUNTIME, cases },
  );
  expect(outcomes).toHaveLength(cases.length);
  cases.forEach(({ file, case: c }, i) => expect(normalize(outcomes[i]), file).toEqual(c.expected));
});
