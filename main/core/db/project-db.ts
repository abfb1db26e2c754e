import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../app-error';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

/** `PRAGMA application_id` of every Loreweaver project ("LWSP"). */
export const APPLICATION_ID = 0x4c575350;

export interface OpenOptions {
  /** Create the file when it is missing. */
  create?: boolean;
  /** Open without writing: no migrations, no WAL switch. */
  readonly?: boolean;
  /** Highest version to migrate to (tests of older schemas). */
  targetVersion?: number;
  /** Path to a better-sqlite3 binary built for this runtime (Electron). */
  nativeBinding?: string;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';

/**
 * Refuses files that are not SQLite, and SQLite files shorter than their header says (a copy
 * or sync that stopped half way), which SQLite itself would only notice on the first read of
 * a missing page, in the middle of a session.
 */
function assertLooksLikeSqlite(path: string): void {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(100);
    const read = readSync(fd, header, 0, 100, 0);
    if (read === 0) return;
    if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_HEADER) {
      throw new AppError('project_corrupt', `${path} is not a Loreweaver project (it is not a SQLite database).`);
    }
    const pageSize = header.readUInt16BE(16) === 1 ? 65_536 : header.readUInt16BE(16);
    const pages = header.readUInt32BE(28);
    // The page count is only kept up to date when the change counter matches "version valid for".
    const countValid = header.readUInt32BE(24) === header.readUInt32BE(92);
    const size = fstatSync(fd).size;
    // With a WAL beside it the file may be mid-checkpoint after a crash; SQLite replays the WAL and knows better.
    const wal = statSync(`${path}-wal`, { throwIfNoEntry: false });
    if (countValid && pages > 0 && pages * pageSize > size && !wal?.size) {
      throw new AppError(
        'project_corrupt',
        `${path} is damaged: it holds ${size.toLocaleString('en')} of its ${(pages * pageSize).toLocaleString('en')} bytes, as if a copy of it stopped half way.`,
      );
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * A project is written to in place and beside it (its -wal and -shm files), so a read-only
 * file or folder is refused up front with what to do, instead of SQLite's "unable to open".
 */
function assertWritable(path: string, exists: boolean): void {
  const targets: [string, string][] = [[dirname(path), 'folder']];
  if (exists) targets.push([path, 'file']);
  for (const [target, what] of targets) {
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw error;
      throw new AppError(
        'io_error',
        `The project ${what} ${target} is read-only, so the studio cannot save there. Allow writing to it, or copy the project into a folder you can write to, and try again.`,
      );
    }
  }
}

/**
 * Opens a project file: WAL, foreign keys, a busy timeout, the application id check,
 * a refusal of files written by a newer studio, and pending migrations in one transaction.
 */
export function openProjectDb(path: string, options: OpenOptions = {}): Database.Database {
  const exists = existsSync(path);
  if (!exists && !options.create) throw new AppError('not_found', `Project file ${path} does not exist.`);
  if (exists) assertLooksLikeSqlite(path);
  if (!options.readonly) assertWritable(path, exists);

  const db = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: !options.create,
    nativeBinding: options.nativeBinding,
  });
  try {
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    const fresh = version === 0 && appId === 0 && isEmpty(db);
    if (!fresh && appId !== APPLICATION_ID) {
      throw new AppError('project_corrupt', `${path} is a SQLite database but not a Loreweaver project.`);
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError(
        'project_too_new',
        `This project was saved by a newer version of Loreweaver Studio (schema ${version}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update the studio to open it.`,
      );
    }
    if (options.readonly) return db;
    // Every save is one transaction, committed to the WAL before its call is answered, so an
    // acknowledged edit survives the studio being killed (tests/unit/crash-safety.test.ts).
    // NORMAL skips the fsync per commit that FULL adds (2-5 ms a save here): after a power
    // cut the newest commits can roll back, but the file stays intact, and backups cover the rest.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, version, options.targetVersion ?? LATEST_SCHEMA_VERSION);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function isEmpty(db: Database.Database): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
  return row.n === 0;
}

function migrate(db: Database.Database, from: number, to: number): void {
  const pending = MIGRATIONS.filter((m) => m.version > from && m.version <= to);
  if (pending.length === 0) return;
  db.transaction(() => {
    if (from === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
