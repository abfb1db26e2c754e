import { createHash } from 'node:crypto';
import { mkdir, realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { ExportedFile, ExportTargetId, PackProblemView, ValidationReport } from '../../../preload/contract/export';
import {
  buildPack,
  checkPackContent,
  packContents,
  writePack,
  type Pack,
  type PackFile,
  type PackContent,
  type PackMeta,
  type PackProblem,
  type ProjectContent,
} from '../../domain/pack';
import { AppError, toAppError } from '../app-error';
import { writeFileInside } from '../fs/confined-write';
import { cardsTarget } from './cards-target';
import type { ExportTarget } from './export-target';
import { exportTweeTarget, exportYarnTarget } from './interop-targets';
import { jsonTarget, zipTarget } from './json-target';
import { robloxTarget } from './roblox-target';
import { localizationTarget, voiceTarget } from './text-targets';
import { webTarget } from './web-target';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const TARGETS: Record<ExportTargetId, ExportTarget> = {
  json: jsonTarget,
  zip: zipTarget,
  roblox: robloxTarget,
  web: webTarget,
  ccv2: cardsTarget,
  yarn: exportYarnTarget,
  twee: exportTweeTarget,
  voice: voiceTarget,
  localization: localizationTarget,
};

/** A pack id from the project's name: lowercase letters, digits and dashes. */
export const packIdFor = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64) || 'pack';

export interface CheckedProject {
  content: PackContent;
  report: ValidationReport;
}

export interface PreparedPack {
  pack: Pack;
  files: PackFile[];
  report: ValidationReport;
}

const view = (problem: PackProblem): PackProblemView =>
  Object.fromEntries(Object.entries(problem).filter(([, v]) => v !== undefined)) as PackProblemView;

/**
 * The validation report: the project as pack content and everything that stands in its
 * way (the Export page's report, `loreweaver validate`). Nothing is serialized or touches
 * the disk; the files come from `preparePack` once the report has no errors.
 */
export function checkProject(project: ProjectContent, meta: PackMeta, extraProblems: PackProblem[] = []): CheckedProject {
  const { content, problems } = buildPack(project);
  const all = [...problems, ...extraProblems, ...checkPackContent(content, meta)];
  return {
    content,
    report: {
      errors: all.filter((p) => p.severity === 'error').map(view),
      warnings: all.filter((p) => p.severity === 'warning').map(view),
      contents: packContents(content),
    },
  };
}

/** The checked project and its pack files (canonical JSON and the manifest that hashes them), in memory. */
export function preparePack(project: ProjectContent, meta: PackMeta, extraProblems: PackProblem[] = []): PreparedPack {
  const { content, report } = checkProject(project, meta, extraProblems);
  return { ...writePack(content, meta, sha256), report };
}

export interface ExportOptions {
  outDir: string;
  targets: readonly ExportTargetId[];
  onProgress?: (done: number, total: number, path: string) => void;
}

/**
 * Writes each target into its own folder under `outDir`, after validation found no errors.
 * Every path is resolved and confined to `outDir`, so no content (a name with `..`) can
 * write elsewhere, and no symbolic link inside `outDir` is followed (writeFileInside).
 * The targets are built in memory first: a failing target writes nothing.
 */
export async function exportPack(
  project: ProjectContent,
  prepared: PreparedPack,
  meta: PackMeta,
  options: ExportOptions,
): Promise<ExportedFile[]> {
  const root = resolve(options.outDir);
  const planned: { target: ExportTargetId; path: string; full: string; data: string | Uint8Array }[] = [];
  for (const target of [...new Set(options.targets)]) {
    const { folder, build } = TARGETS[target];
    for (const file of build({ pack: prepared.pack, files: prepared.files, project, meta })) {
      const path = `${folder}/${file.path}`;
      const full = resolve(root, path);
      if (!full.startsWith(root + sep)) throw new AppError('invalid_input', `The export would write ${path} outside ${root}.`);
      planned.push({ target, path, full, data: file.data });
    }
  }
  const written: ExportedFile[] = [];
  try {
    await mkdir(root, { recursive: true });
    const realRoot = await realpath(root);
    // A few writes in flight at once: thousands of small files (cards, data modules) are bound by latency, not bandwidth.
    let next = 0;
    const worker = async () => {
      while (next < planned.length) {
        const file = planned[next++];
        await writeFileInside(realRoot, file.path, file.data);
        written.push({
          target: file.target,
          path: file.path,
          bytes: typeof file.data === 'string' ? Buffer.byteLength(file.data) : file.data.length,
        });
        options.onProgress?.(written.length, planned.length, file.path);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  } catch (error) {
    throw toAppError(error);
  }
  const order = new Map(planned.map((file, i) => [file.path, i]));
  written.sort((a, b) => order.get(a.path)! - order.get(b.path)!);
  return written;
}
