/**
 * `npm run test:security`: Doyensec's Electronegativity over the built app (`out/`, or
 * LOREWEAVER_OUT, or the folder given as the first argument). It prints every finding and
 * exits 1 when one of medium severity or higher is left that
 * scripts/electronegativity-suppressions.json does not suppress with a reason, when a
 * suppression no longer matches anything, or when a file could not be scanned.
 *
 * Electronegativity's command line is broken by the newer `commander` that other packages
 * hoist (it relies on one it does not declare), so this uses its programmatic API.
 * Its scope analyser predates ES2022 class static blocks, which Monaco's bundles use, and
 * stops at them: the scan runs on a copy of the build in which the files that have them
 * are lowered to ES2021 with Vite's Oxc transform, so every file is checked.
 */
import run, { type ElectronegativityIssue, type ElectronegativityResult } from '@doyensec/electronegativity';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { transformWithOxc } from 'vite';

interface ExcludedCheck {
  check: string;
  reason: string;
}

interface SuppressedFinding {
  check: string;
  /** Path relative to the scanned folder, without Vite's content hash (`renderer/assets/editor.api.js`). */
  file: string;
  /** Text that the finding's line of code contains. */
  code: string;
  reason: string;
}

interface Suppressions {
  excludedChecks: ExcludedCheck[];
  findings: SuppressedFinding[];
}

const ROOT = resolve(import.meta.dirname, '..');
const MEDIUM = 2;

function loadSuppressions(): Suppressions {
  const suppressions = JSON.parse(readFileSync(join(import.meta.dirname, 'electronegativity-suppressions.json'), 'utf8')) as Suppressions;
  for (const entry of [...suppressions.excludedChecks, ...suppressions.findings]) {
    if (!entry.reason?.trim()) throw new Error(`Suppression of ${entry.check} has no reason`);
  }
  return suppressions;
}

/** The Electron the app is built against, so version-dependent defaults are judged for it. */
function electronVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  return pkg.devDependencies.electron;
}

const scan = (input: string, excluded: ExcludedCheck[]): Promise<ElectronegativityResult> =>
  run({
    input,
    isRelative: true,
    electronVersionOverride: electronVersion(),
    customScan: [],
    excludeFromScan: excluded.map((entry) => entry.check),
  });

const STATIC_BLOCK = /\bstatic\s*\{/;

/** A copy of the build in which the scripts with class static blocks are lowered to ES2021; returns it and those scripts. */
async function scannableCopy(input: string): Promise<{ dir: string; lowered: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'loreweaver-electronegativity-'));
  cpSync(input, dir, { recursive: true });
  const lowered: string[] = [];
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.[cm]?js$/.test(name))) {
    const path = join(dir, file);
    const source = readFileSync(path, 'utf8');
    if (!STATIC_BLOCK.test(source)) continue;
    writeFileSync(path, (await transformWithOxc(source, path, { target: 'es2021' })).code);
    lowered.push(file);
  }
  return { dir, lowered };
}

/** `assets/editor.api-CY9-v3vS.js` → `assets/editor.api.js`: suppressions outlive rebuilds that change the hash. */
const withoutContentHash = (file: string): string => file.replace(/-[\w-]{8}(\.\w+)$/, '$1');

const matches = (issue: ElectronegativityIssue, entry: SuppressedFinding): boolean =>
  issue.id === entry.check && withoutContentHash(issue.file) === entry.file && (issue.sample ?? '').includes(entry.code);

const describe = (issue: ElectronegativityIssue): string =>
  `${issue.severity.name}/${issue.confidence.name} ${issue.id} ${issue.file}:${issue.location.line}:${issue.location.column}\n` +
  `    ${(issue.sample ?? '').trim().slice(0, 160)}\n    ${issue.description} (${issue.shortenedURL})`;

async function main(): Promise<number> {
  const input = resolve(ROOT, process.argv[2] ?? process.env.LOREWEAVER_OUT ?? 'out');
  const suppressions = loadSuppressions();
  console.log(`Electronegativity on ${relative(ROOT, input) || '.'} (Electron ${electronVersion()})`);

  const copy = await scannableCopy(input);
  let result: ElectronegativityResult;
  try {
    if (copy.lowered.length > 0) console.log(`Lowered to ES2021 for the scan (class static blocks): ${copy.lowered.join(', ')}`);
    result = await scan(copy.dir, suppressions.excludedChecks);
  } finally {
    rmSync(copy.dir, { recursive: true, force: true });
  }

  let failed = false;
  for (const error of result.errors.filter((e) => !e.tolerable)) {
    console.log(`NOT SCANNED ${error.file}: ${error.message}`);
    failed = true;
  }
  for (const check of suppressions.excludedChecks) console.log(`Check ${check.check} not run: ${check.reason}`);

  const used = new Set<SuppressedFinding>();
  let suppressed = 0;
  const blocking: ElectronegativityIssue[] = [];
  for (const issue of result.issues) {
    const suppression = suppressions.findings.find((entry) => matches(issue, entry));
    if (suppression) {
      used.add(suppression);
      suppressed += 1;
      console.log(`suppressed: ${describe(issue)}\n    why: ${suppression.reason}`);
    } else if (issue.severity.value >= MEDIUM) {
      blocking.push(issue);
    } else {
      console.log(`below medium: ${describe(issue)}`);
    }
  }
  for (const entry of suppressions.findings.filter((e) => !used.has(e))) {
    console.log(`STALE SUPPRESSION ${entry.check} ${entry.file} "${entry.code}": it matches no finding; remove it`);
    failed = true;
  }
  for (const issue of blocking) console.log(`FINDING ${describe(issue)}`);

  const counts = `${result.atomicChecks} atomic and ${result.globalChecks} global checks; ${result.issues.length} finding(s), ${suppressed} suppressed, ${blocking.length} of medium or higher`;
  if (blocking.length > 0 || failed) {
    console.log(`Electronegativity: FAILED (${counts})`);
    return 1;
  }
  console.log(`Electronegativity: passed (${counts})`);
  return 0;
}

process.exitCode = await main();
