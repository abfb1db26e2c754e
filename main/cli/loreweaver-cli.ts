import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { EXPORT_TARGETS, type ExportTargetId, type PackProblemView } from '../../preload/contract/export';
import { PackError } from '../domain/pack';
import { AppError } from '../core/app-error';
import { openProjectDb } from '../core/db/project-db';
import { readMeta } from '../core/db/project-meta';
import { packMeta, questProblems } from '../core/export/export-handlers';
import { exportPack, preparePack } from '../core/export/pack-export';
import { readPackSource } from '../core/export/pack-source';
import { loadProjectContent } from '../core/export/project-content';
import { ProjectSession } from '../core/project-session';
import { APP_VERSION } from '../core/version';

/** Exit codes: 0 done, 1 the content failed validation, 2 a usage or file error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export interface CliOutput {
  log(line: string): void;
  error(line: string): void;
}

const USAGE = `usage:
  loreweaver export <project-file> --target <${EXPORT_TARGETS.join('|')}> [--target …] --out <dir> [--version 1.0.0]
  loreweaver validate <pack folder, .zip or pack.json>`;

class UsageError extends Error {}

function parseArgs(args: string[]): { positional: string[]; options: Map<string, string[]> } {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2);
    const value = inline ?? args[++i];
    if (value === undefined) throw new UsageError(`--${name} needs a value`);
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { positional, options };
}

const describe = (p: PackProblemView) =>
  `${p.severity}: ${p.itemKind ? `${p.itemKind} ${p.itemName ?? p.itemId}` : 'pack'}${p.nodeId ? ` node ${p.nodeId}` : ''}: ${p.message}`;

/** Opens a project file on its own, as the studio does, without a workspace. */
function openProjectFile(path: string): ProjectSession {
  const full = resolve(path);
  const info = statSync(full, { throwIfNoEntry: false });
  if (!info?.isFile()) throw new UsageError(`There is no project file at ${full}.`);
  const probe = openProjectDb(full);
  const meta = readMeta(probe);
  probe.close();
  if (!meta) throw new UsageError(`${full} is not a Loreweaver project.`);
  return ProjectSession.open({
    id: meta.projectId,
    name: meta.name,
    path: full,
    updatedAt: info.mtime.toISOString(),
    sizeBytes: info.size,
  });
}

async function exportCommand(positional: string[], options: Map<string, string[]>, out: CliOutput): Promise<number> {
  if (positional.length !== 1) throw new UsageError('export takes one project file');
  const targets = (options.get('target') ?? []).flatMap((t) => t.split(','));
  if (!targets.length) throw new UsageError('Choose at least one --target');
  const unknown = targets.filter((t) => !(EXPORT_TARGETS as readonly string[]).includes(t));
  if (unknown.length) throw new UsageError(`Unknown target ${unknown.join(', ')}; choose from ${EXPORT_TARGETS.join(', ')}`);
  const outDir = options.get('out')?.at(-1);
  if (!outDir) throw new UsageError('Choose an output folder with --out');
  const version = options.get('version')?.at(-1) ?? '1.0.0';
  if (!/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) throw new UsageError('--version is semver, e.g. 1.0.0');
  const session = openProjectFile(positional[0]);
  try {
    const project = loadProjectContent(session);
    const meta = packMeta(session.file.name, version, APP_VERSION);
    const prepared = preparePack(project, meta, questProblems(session));
    for (const warning of prepared.report.warnings) out.error(describe(warning));
    if (prepared.report.errors.length) {
      for (const problem of prepared.report.errors) out.error(describe(problem));
      out.error(`Not exported: ${prepared.report.errors.length} error(s).`);
      return EXIT.invalid;
    }
    const files = await exportPack(project, prepared, meta, { outDir, targets: targets as ExportTargetId[] });
    for (const file of files) out.log(`${file.path}\t${file.bytes}`);
    out.log(`Exported ${files.length} files to ${resolve(outDir)}`);
    return EXIT.ok;
  } finally {
    session.close();
  }
}

async function validateCommand(positional: string[], out: CliOutput): Promise<number> {
  if (positional.length !== 1) throw new UsageError('validate takes one pack');
  const full = resolve(positional[0]);
  if (!statSync(full, { throwIfNoEntry: false })) throw new UsageError(`There is no pack at ${full}.`);
  try {
    const pack = await readPackSource(full);
    const contents = Object.entries(pack.manifest.contents).map(([k, n]) => `${n} ${k}`);
    out.log(
      `${pack.manifest.name} ${pack.manifest.version} (${pack.manifest.packId}) is a valid loreweaver-pack v${pack.manifest.formatVersion}: ${contents.join(', ')}`,
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof PackError) {
      out.error(`invalid: ${error.message}`);
      return EXIT.invalid;
    }
    throw error;
  }
}

/** The headless CLI, on the same code as the studio's export:pack and import:pack. */
export async function runCli(args: string[], out: CliOutput): Promise<number> {
  try {
    const [command, ...rest] = args;
    const { positional, options } = parseArgs(rest);
    if (command === 'export') return await exportCommand(positional, options, out);
    if (command === 'validate') return await validateCommand(positional, out);
    out.error(USAGE);
    return EXIT.usage;
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(`${error.message}\n${USAGE}`);
      return EXIT.usage;
    }
    out.error(error instanceof AppError || error instanceof Error ? error.message : String(error));
    return EXIT.usage;
  }
}
