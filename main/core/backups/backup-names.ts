import type { BackupReason } from '../../../preload/contract/backups';
import { PROJECT_EXTENSION } from '../projects/file-names';

/**
 * Backup file names carry what the list shows: `<project file stem> <time> <reason>.loreweaver`,
 * the time in UTC with `-` for `:` and `.` so the name is valid on every OS and sorts by age.
 */
const NAME = /^(.+) (\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z) (auto|manual|before-restore)\.loreweaver$/;

export interface ParsedBackupName {
  stem: string;
  createdAt: Date;
  reason: BackupReason;
}

export function backupFileName(stem: string, at: Date, reason: BackupReason): string {
  return `${stem} ${at.toISOString().replace(/[:.]/g, '-')} ${reason}${PROJECT_EXTENSION}`;
}

/** Null for any file the studio did not name, so stray files in the folder are never listed or pruned. */
export function parseBackupName(fileName: string): ParsedBackupName | null {
  const match = NAME.exec(fileName);
  if (!match) return null;
  const [, stem, stamp, reason] = match;
  const iso = stamp.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
  const createdAt = new Date(iso);
  if (Number.isNaN(createdAt.getTime())) return null;
  return { stem, createdAt, reason: reason as BackupReason };
}

/** A project id as a folder name: ids the studio makes are UUIDs; anything else read from a file is reduced to safe characters. */
export function projectFolderName(projectId: string): string {
  const safe = projectId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 100);
  return safe.replace(/^_+$/, '') || 'unnamed';
}
