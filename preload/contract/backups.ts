/**
 * Backups of project files: copies taken with SQLite's online backup API into
 * `<workspace>/.backups/<project-id>/`, automatically when a project opens and while it is
 * open, or on demand; kept for a number of days; restored over the project after a safety
 * copy of the current file.
 */
import { z } from 'zod';
import { method } from './method';

const projectId = z.string().min(1).max(128);

/** A backup's file name in its project's backups folder (no folders, no path tricks). */
export const BackupId = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\\p{Cc}]+\.loreweaver$/u, 'Backup id must be a .loreweaver file name')
  .refine((s) => !s.startsWith('.'), 'Backup id must not start with a dot');

export const BackupReason = z.enum(['auto', 'manual', 'before-restore']);
export type BackupReason = z.infer<typeof BackupReason>;

export const BackupInfo = z.object({
  id: BackupId,
  projectId,
  path: z.string(),
  createdAt: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  /** Why it was taken: on a schedule, by "Back up now", or as the safety copy of a restore. */
  reason: BackupReason,
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const BackupSettings = z.object({
  /** Backups older than this are deleted, except the latest few. */
  retentionDays: z.number().int().min(1).max(3650),
  /** How many of the newest backups are kept whatever their age. */
  keepLatest: z.number().int().positive(),
  /** Minutes between automatic backups of an open project that changed. */
  intervalMinutes: z.number().positive(),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export const BackupProgress = z.object({
  requestId: z.string(),
  projectId,
  /** Database pages copied so far and in all. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type BackupProgress = z.infer<typeof BackupProgress>;

export const RestoreResult = z.object({
  /** The project as restored (a damaged file's project gets its id back from the backup). */
  projectId,
  name: z.string(),
  /** Where the file as it was before the restore went: a backup of it, or the trash for a damaged file. */
  safetyCopy: z.string(),
});
export type RestoreResult = z.infer<typeof RestoreResult>;

export const backupMethods = {
  'backups:list': method(
    z.object({ projectId }).strict(),
    z.array(BackupInfo),
    'Backups of a project, newest first (for a damaged file too, found by its file name)',
  ),
  'backups:create': method(
    z.object({ projectId, requestId: z.string().min(1).max(64).optional() }).strict(),
    BackupInfo,
    'Back up a project now; emits backups:progress events with the request id while it copies',
  ),
  'backups:restore': method(
    z.object({ projectId, backupId: BackupId }).strict(),
    RestoreResult,
    'Replace a project file with one of its backups, after keeping a safety copy of the current file',
  ),
  'backups:settings': method(z.object({}).strict(), BackupSettings, 'How long backups are kept and how often they are taken'),
  'backups:setSettings': method(
    z.object({ retentionDays: z.number().int().min(1).max(3650) }).strict(),
    BackupSettings,
    'Keep backups for this many days (the latest few are always kept); prunes older ones now',
  ),
} as const;

export const backupEvents = { 'backups:progress': BackupProgress } as const;
