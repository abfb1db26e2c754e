/**
 * The export part of the contract: content packs (main/domain/pack) written to the targets a
 * creator picks, with the validation report that gates them; packs, Yarn scripts and Twee
 * stories read back into the open project.
 */
import { z } from 'zod';
import { CONTENT_KINDS } from '../../main/domain/content-kinds';
import { filePath } from './file-path';
import { method } from './method';

export const EXPORT_TARGETS = ['json', 'zip', 'roblox', 'web', 'ccv2', 'yarn', 'twee', 'voice', 'localization'] as const;
export const ExportTargetId = z.enum(EXPORT_TARGETS);
export type ExportTargetId = z.infer<typeof ExportTargetId>;

const path = filePath('Choose a folder');

/** One finding, located well enough to open the item (and node) it is about. */
export const PackProblemView = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  itemKind: z.enum(CONTENT_KINDS).optional(),
  itemId: z.string().optional(),
  itemName: z.string().optional(),
  nodeId: z.string().optional(),
  field: z.string().optional(),
});
export type PackProblemView = z.infer<typeof PackProblemView>;

/** Errors block the export; warnings are listed and the pack is still written. */
export const ValidationReport = z.object({
  errors: z.array(PackProblemView),
  warnings: z.array(PackProblemView),
  /** How many of each thing the pack holds. */
  contents: z.record(z.string(), z.number()),
});
export type ValidationReport = z.infer<typeof ValidationReport>;

export const ExportedFile = z.object({ target: ExportTargetId, path: z.string(), bytes: z.number().int().nonnegative() });
export type ExportedFile = z.infer<typeof ExportedFile>;

export const ExportResult = z.object({
  /** False when errors blocked the export: nothing was written. */
  written: z.boolean(),
  outDir: z.string(),
  files: z.array(ExportedFile),
  report: ValidationReport,
});
export type ExportResult = z.infer<typeof ExportResult>;

export const ImportResult = z.object({
  packId: z.string(),
  name: z.string(),
  counts: z.record(z.string(), z.number()),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ExportProgress = z.object({
  requestId: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  path: z.string(),
});

export const exportMethods = {
  'export:validate': method(
    z.object({ projectId: z.string().min(1).max(128) }).strict(),
    ValidationReport,
    'Build the open project’s pack in memory and report what blocks or weakens an export',
  ),
  'export:pack': method(
    z
      .object({
        projectId: z.string().min(1).max(128),
        targets: z.array(ExportTargetId).min(1, 'Choose at least one target').max(EXPORT_TARGETS.length),
        outDir: path,
        version: z
          .string()
          .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'A version is semver, e.g. 1.0.0')
          .optional(),
        /** Matches the export:progress events of this export. */
        requestId: z.string().min(1).max(64).optional(),
      })
      .strict(),
    ExportResult,
    'Validate the open project’s pack and, without errors, write each target into its own folder under outDir; emits export:progress',
  ),
  'import:pack': method(
    z.object({ path }).strict(),
    ImportResult,
    'Add a pack (folder, .zip or one-file pack.json) to the open project after checking its format version, hashes and schema',
  ),
  'import:dialogue': method(
    z.object({ path }).strict(),
    z.object({ id: z.string(), name: z.string(), nodeCount: z.number().int() }),
    'Create a dialogue from a Yarn Spinner (.yarn) or Twee 3 (.twee, .tw) file',
  ),
  'export:openFolder': method(
    z.object({ path }).strict(),
    z.object({ opened: z.boolean(), path: z.string() }),
    'Show an export folder in the file manager (desktop); in browser mode answers opened: false with the folder’s path on the studio’s machine',
  ),
} as const;

export const exportEvents = { 'export:progress': ExportProgress } as const;
