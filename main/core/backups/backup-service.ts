import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupInfo, BackupReason, BackupSettings } from '../../../preload/contract/backups';
import { AppError, toAppError } from '../app-error';
import { openProjectDb } from '../db/project-db';
import { readMeta } from '../db/project-meta';
import { PROJECT_EXTENSION } from '../projects/file-names';
import type { ProjectFile } from '../projects/project-repository';
import { backupFileName, parseBackupName, projectFolderName } from './backup-names';
import { onlineBackup } from './online-backup';

/** Copies a project's database to `dest` with SQLite's online backup API, reporting pages done and in all. */
export type BackupCopy = (dest: string, progress?: (done: number, total: number) => void) => Promise<void>;

export interface BackupTimings {
  /** The clock, so tests can age backups. */
  now: () => Date;
  /** Time between automatic backups of a project. */
  intervalMs: number;
  /** Newest backups kept whatever their age. */
  keepLatest: number;
}

export interface BackupServiceOptions extends Partial<BackupTimings> {
  workspaceDir(): string;
  retentionDays(): number;
  nativeBinding?: string;
}

export const DEFAULT_RETENTION_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
const FOLDER_RECORD = 'project.json';

/** What a backups folder says about its project, so a damaged file can still find its backups by file name. */
interface FolderRecord {
  projectId: string;
  name: string;
  fileName: string;
}

export interface RestoredFile {
  path: string;
  safetyCopy: string;
}

/**
 * Backups of project files in `<workspace>/.backups/<project-id>/`. A backup is written under
 * a temporary name and renamed when complete, so the folder never lists half a backup, and
 * a backup that fails (full disk, read-only folder) leaves the project untouched.
 */
export class BackupService {
  readonly timings: BackupTimings;

  constructor(private readonly options: BackupServiceOptions) {
    this.timings = {
      now: options.now ?? (() => new Date()),
      intervalMs: options.intervalMs ?? 60 * 60 * 1000,
      keepLatest: options.keepLatest ?? 3,
    };
  }

  get rootDir(): string {
    return join(this.options.workspaceDir(), '.backups');
  }

  settings(): BackupSettings {
    return {
      retentionDays: this.options.retentionDays(),
      keepLatest: this.timings.keepLatest,
      intervalMinutes: this.timings.intervalMs / 60_000,
    };
  }

  /** The folder that holds a project's backups; for a file the studio cannot read, the folder last recorded for its file name. */
  folderFor(file: Pick<ProjectFile, 'id' | 'path'>): string | null {
    if (!file.id.startsWith('file:')) return join(this.rootDir, projectFolderName(file.id));
    const fileName = basename(file.path);
    let best: { dir: string; newest: number } | null = null;
    for (const dir of this.projectFolders()) {
      if (readFolderRecord(dir)?.fileName !== fileName) continue;
      const newest = listFolder(dir, '')[0]?.createdAt ?? '';
      const at = Date.parse(newest) || 0;
      if (!best || at > best.newest) best = { dir, newest: at };
    }
    return best?.dir ?? null;
  }

  list(file: Pick<ProjectFile, 'id' | 'path'>): BackupInfo[] {
    const dir = this.folderFor(file);
    return dir ? listFolder(dir, file.id) : [];
  }

  latest(file: Pick<ProjectFile, 'id' | 'path'>): BackupInfo | null {
    return this.list(file)[0] ?? null;
  }

  /** Whether the newest backup is older than the interval (or there is none). */
  isDue(file: Pick<ProjectFile, 'id' | 'path'>): boolean {
    const latest = this.latest(file);
    return !latest || this.timings.now().getTime() - Date.parse(latest.createdAt) >= this.timings.intervalMs;
  }

  /**
   * Why a project did not open. A damaged file's error names its newest backup, so the
   * picker can offer to restore it; other errors pass through unchanged.
   */
  explainOpenFailure(file: ProjectFile, error: unknown): AppError {
    const reason = toAppError(error);
    if (reason.code !== 'project_corrupt') return reason;
    const latest = this.latest(file);
    const offer = latest
      ? ` The latest backup, from ${latest.createdAt}, can be restored (Backups…).`
      : ' There is no backup of it to restore.';
    return new AppError('project_corrupt', reason.message + offer);
  }

  /** Takes a backup through `copy`, records the folder's project, then prunes by the retention setting. */
  async create(
    file: ProjectFile,
    reason: BackupReason,
    copy: BackupCopy,
    progress?: (done: number, total: number) => void,
  ): Promise<BackupInfo> {
    if (file.id.startsWith('file:')) throw new AppError('project_corrupt', `${file.path} cannot be read, so it cannot be backed up.`);
    const dir = join(this.rootDir, projectFolderName(file.id));
    const stem = basename(file.path, PROJECT_EXTENSION);
    let at = this.timings.now();
    while (existsSync(join(dir, backupFileName(stem, at, reason)))) at = new Date(at.getTime() + 1);
    const target = join(dir, backupFileName(stem, at, reason));
    const partial = `${target}.partial`;
    try {
      mkdirSync(dir, { recursive: true });
      await copy(partial, progress);
      renameSync(partial, target);
      writeFolderRecord(dir, { projectId: file.id, name: file.name, fileName: basename(file.path) });
    } catch (error) {
      removeQuietly(partial, `${partial}-journal`);
      throw backupError(dir, error);
    }
    this.prune(dir);
    return listFolder(dir, file.id).find((b) => b.path === target)!;
  }

  /**
   * Thins a project's backups: everything from the last day stays, older ones keep the newest
   * of each day (UTC) until the retention period ends, and the newest few stay whatever their
   * age. Hourly backups of a busy project so cost a day's worth plus one a day. Returns the deleted paths.
   */
  prune(dir: string): string[] {
    const now = this.timings.now().getTime();
    const cutoff = now - this.options.retentionDays() * DAY_MS;
    const daysSeen = new Set<string>();
    const stale = listFolder(dir, '').filter((backup, index) => {
      const at = Date.parse(backup.createdAt);
      const day = backup.createdAt.slice(0, 10);
      const firstOfDay = !daysSeen.has(day);
      daysSeen.add(day);
      if (index < this.timings.keepLatest || now - at < DAY_MS) return false;
      return at < cutoff || !firstOfDay;
    });
    for (const backup of stale) rmSync(backup.path, { force: true });
    return stale.map((b) => b.path);
  }

  pruneAll(): void {
    for (const dir of this.projectFolders()) this.prune(dir);
  }

  /**
   * Puts a backup in place of a project file that nobody has open. The backup is copied and
   * checked beside the project first; then the current file is kept (a backup of it, or, when
   * it is damaged, moved to the trash) and the checked copy is renamed over it.
   */
  async restore(file: ProjectFile, backupId: string, trashDir: string): Promise<RestoredFile> {
    const backup = this.list(file).find((b) => b.id === backupId);
    if (!backup) throw new AppError('not_found', `There is no backup ${backupId} of this project.`);
    const staging = `${file.path}.restoring`;
    try {
      copyFileSync(backup.path, staging);
      this.check(staging, backup);
      const safetyCopy = await this.keepCurrent(file, trashDir);
      for (const suffix of ['-wal', '-shm']) rmSync(file.path + suffix, { force: true });
      renameSync(staging, file.path);
      return { path: file.path, safetyCopy };
    } finally {
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(staging + suffix, { force: true });
    }
  }

  private check(path: string, backup: BackupInfo): void {
    let db;
    try {
      db = openProjectDb(path, { nativeBinding: this.options.nativeBinding });
      const result = db.pragma('quick_check', { simple: true });
      if (result !== 'ok') throw new AppError('project_corrupt', String(result));
      if (!readMeta(db)) throw new AppError('project_corrupt', 'it has no project name or id');
    } catch (error) {
      const reason = toAppError(error);
      if (reason.code === 'disk_full') throw reason;
      throw new AppError('project_corrupt', `The backup from ${backup.createdAt} is damaged and was not restored: ${reason.message}`);
    } finally {
      db?.close();
    }
  }

  /** The safety copy: a backup of the current file when it can be read; a damaged file moves to the trash whole. */
  private async keepCurrent(file: ProjectFile, trashDir: string): Promise<string> {
    if (!file.id.startsWith('file:')) {
      try {
        const db = openProjectDb(file.path, { readonly: true, nativeBinding: this.options.nativeBinding });
        try {
          const saved = await this.create(file, 'before-restore', (dest) => onlineBackup(db, dest));
          return saved.path;
        } finally {
          db.close();
        }
      } catch (error) {
        if (toAppError(error).code !== 'project_corrupt') throw error;
      }
    }
    mkdirSync(trashDir, { recursive: true });
    const target = join(trashDir, `${this.timings.now().toISOString().replace(/[:.]/g, '-')} ${basename(file.path)}`);
    for (const suffix of ['-wal', '-shm']) if (existsSync(file.path + suffix)) renameSync(file.path + suffix, target + suffix);
    renameSync(file.path, target);
    return target;
  }

  private projectFolders(): string[] {
    try {
      return readdirSync(this.rootDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(this.rootDir, entry.name));
    } catch {
      return [];
    }
  }
}

function listFolder(dir: string, projectId: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const path = join(dir, name);
    try {
      const stats = statSync(path);
      if (!stats.isFile()) continue;
      backups.push({ id: name, projectId, path, createdAt: parsed.createdAt.toISOString(), sizeBytes: stats.size, reason: parsed.reason });
    } catch {
      // Pruned or restored by someone else between the listing and the stat.
    }
  }
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Cleanup after a failure that must not hide the failure itself (the folder may be unreadable too). */
function removeQuietly(...paths: string[]): void {
  for (const path of paths) {
    try {
      rmSync(path, { force: true });
    } catch {
      // Nothing was written there.
    }
  }
}

function readFolderRecord(dir: string): FolderRecord | null {
  try {
    const value = JSON.parse(readFileSync(join(dir, FOLDER_RECORD), 'utf8')) as Partial<FolderRecord>;
    return typeof value.fileName === 'string' && typeof value.projectId === 'string' ? (value as FolderRecord) : null;
  } catch {
    return null;
  }
}

function writeFolderRecord(dir: string, record: FolderRecord): void {
  const path = join(dir, FOLDER_RECORD);
  const temp = `${path}.tmp`;
  writeFileSync(temp, JSON.stringify(record, null, 2));
  renameSync(temp, path);
}

/** A failed backup says where it tried to write and that the project itself is unchanged. */
function backupError(dir: string, error: unknown): AppError {
  const reason = toAppError(error);
  const why =
    reason.code === 'disk_full'
      ? 'the disk is full'
      : reason.code === 'io_error' || /directory does not exist/.test(reason.message)
        ? 'the folder cannot be written to'
        : reason.message;
  return new AppError(
    reason.code === 'disk_full' ? 'disk_full' : 'io_error',
    `The backup could not be written to ${dir}: ${why}. The project itself is unchanged. (${reason.message})`,
  );
}
