import { execFileSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const REPO = join(import.meta.dirname, '../..');
const HARNESS_DIR = join(import.meta.dirname, 'luau');
export const ROBLOX_RUNTIME_DIR = join(REPO, 'resources/runtime/roblox');

/** A Luau CLI program on PATH, else in ../shared/tools/luau beside the repository (where the team keeps Luau 0.735). */
function findTool(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), join(REPO, '../shared/tools/luau')];
  for (const dir of dirs) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

export const LUAU = findTool('luau');
export const LUAU_ANALYZE = findTool('luau-analyze');

/** Why the Luau tests skip, or undefined when both programs are there. */
export const LUAU_MISSING =
  LUAU && LUAU_ANALYZE
    ? undefined
    : 'skipped: the Luau CLI (luau and luau-analyze 0.735) is neither on PATH nor in ../shared/tools/luau; .ci/run puts it on PATH';
if (LUAU_MISSING) console.warn(`Luau tests ${LUAU_MISSING}`);

/** A describe title that says why its tests skip when Luau is missing. */
export const luauTitle = (title: string) => (LUAU_MISSING ? `${title} (${LUAU_MISSING})` : title);

/** A Luau string literal holding `text` byte for byte: every byte outside plain ASCII letters and punctuation as a \ddd escape. */
export function luauString(text: string): string {
  let out = '"';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9 ,.:;_{}()[\]+*/=<>!?#$%&'@^|~-]/.test(ch) ? ch : `\\${String(byte).padStart(3, '0')}`;
  }
  return `${out}"`;
}

/**
 * A folder holding the Luau test harnesses (tests/helpers/luau) and the Roblox runtime,
 * where `run` writes ./input (a module returning the given text) and runs a harness with
 * the real Luau CLI. Returns what it prints.
 */
export function luauWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'loreweaver-luau-'));
  for (const from of [HARNESS_DIR, ROBLOX_RUNTIME_DIR])
    for (const name of readdirSync(from).filter((f) => f.endsWith('.luau'))) copyFileSync(join(from, name), join(dir, name));
  return {
    dir,
    run(harness: string, input: string): string {
      writeFileSync(join(dir, 'input.luau'), `return ${luauString(input)}\n`);
      return execFileSync(LUAU!, [join(dir, harness)], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 20_000 });
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** luau-analyze's findings for `files` (empty when they type-check), run in `cwd`. */
export function analyze(files: string[], cwd: string): string[] {
  try {
    execFileSync(LUAU_ANALYZE!, files, { cwd, encoding: 'utf8', stdio: 'pipe', timeout: 60_000 });
    return [];
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return `${stdout}${stderr}`.split('\n').filter(Boolean);
  }
}
