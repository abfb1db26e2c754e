import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import type { ProjectSummary } from '../../../preload/api';
import { AppError } from '../app-error';
import { openProjectDb } from '../db/project-db';
import { readMeta, writeMeta } from '../db/project-meta';
import { freeProjectPath, PROJECT_EXTENSION } from './file-names';

export interface ProjectFile {
  id: string;
  name: string;
  path: string;
  updatedAt: string;
  sizeBytes: number;
}

interface CachedMeta {
  key: string;
  id: string;
  name: string;
}

const SIDE_FILES = ['-wal', '-shm'] as const;

/**
 * The project files of one workspace folder: listing, creating, renaming, duplicating and
 * moving to the trash. It never touches a file the studio holds open; the Studio closes
 * the current project first.
 */
export class ProjectRepository {
  private readonly cache = new Map<string, CachedMeta>();

  constructor(
    readonly dir: string,
    private readonly nativeBinding?: string,
  ) {}

  get trashDir(): string {
    return join(this.dir, '.trash');
  }

  list(): ProjectFile[] {
    mkdirSync(this.dir, { recursive: true });
    const files = readdirSync(this.dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(PROJECT_EXTENSION))
      .map((entry) => join(this.dir, entry.name));
    return files
      .map((path) => this.describe(path))
      .filter((file): file is ProjectFile => file !== null)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  find(id: string): ProjectFile {
    const file = this.list().find((p) => p.id === id);
    if (!file) throw new AppError('not_found', `No project with id ${id} in ${this.dir}.`);
    return file;
  }

  create(name: string): ProjectFile {
    mkdirSync(this.dir, { recursive: true });
    const path = freeProjectPath(this.dir, name);
    const now = new Date().toISOString();
    const db = openProjectDb(path, { create: true, nativeBinding: this.nativeBinding });
    try {
      writeMeta(db, { project_id: randomUUID(), name, created_at: now, updated_at: now });
    } finally {
      db.close();
    }
    return this.describeOrThrow(path);
  }

  rename(id: string, name: string): ProjectFile {
    const file = this.find(id);
    const target = freeProjectPath(this.dir, name, file.path);
    this.withDb(file.path, (db) => writeMeta(db, { name, updated_at: new Date().toISOString() }));
    if (target !== file.path) moveProjectFile(file.path, target);
    return this.describeOrThrow(target);
  }

  async duplicate(id: string, name?: string): Promise<ProjectFile> {
    const file = this.find(id);
    const copyName = name ?? `${file.name} copy`;
    const target = freeProjectPath(this.dir, copyName);
    const source = openProjectDb(file.path, { nativeBinding: this.nativeBinding });
    try {
      await source.backup(target);
    } finally {
      source.close();
    }
    const now = new Date().toISOString();
    this.withDb(target, (db) => writeMeta(db, { project_id: randomUUID(), name: copyName, created_at: now, updated_at: now }));
    return this.describeOrThrow(target);
  }

  /** Moves the project into `<workspace>/.trash/`; returns where it went. */
  trash(id: string): string {
    const file = this.find(id);
    mkdirSync(this.trashDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const target = join(this.trashDir, `${stamp} ${basename(file.path)}`);
    moveProjectFile(file.path, target);
    this.cache.delete(file.path);
    return target;
  }

  private withDb<T>(path: string, run: (db: ReturnType<typeof openProjectDb>) => T): T {
    const db = openProjectDb(path, { nativeBinding: this.nativeBinding });
    try {
      return run(db);
    } finally {
      db.close();
    }
  }

  private describeOrThrow(path: string): ProjectFile {
    const file = this.describe(path);
    if (!file) throw new AppError('io_error', `Project file ${path} disappeared.`);
    return file;
  }

  private describe(path: string): ProjectFile | null {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch {
      return null;
    }
    const wal = statOrNull(`${path}-wal`);
    const mtime = Math.max(stats.mtimeMs, wal?.mtimeMs ?? 0);
    const key = `${stats.ino}:${stats.mtimeMs}:${stats.size}:${wal?.mtimeMs ?? 0}`;
    const meta = this.metaFor(path, key);
    return {
      id: meta.id,
      name: meta.name,
      path,
      updatedAt: new Date(mtime).toISOString(),
      sizeBytes: stats.size + (wal?.size ?? 0),
    };
  }

  private metaFor(path: string, key: string): CachedMeta {
    const cached = this.cache.get(path);
    if (cached?.key === key) return cached;
    let entry: CachedMeta;
    try {
      const db = openProjectDb(path, { readonly: true, nativeBinding: this.nativeBinding });
      try {
        const meta = readMeta(db);
        entry = meta ? { key, id: meta.projectId, name: meta.name } : unreadable(path, key);
      } finally {
        db.close();
      }
    } catch {
      const meta = readMetaFromCopy(path, this.nativeBinding);
      entry = meta ? { key, id: meta.projectId, name: meta.name } : unreadable(path, key);
    }
    this.cache.set(path, entry);
    return entry;
  }
}

/**
 * SQLite cannot open a WAL-mode file, even read-only, in a folder where it may not create the
 * -shm file. Such a project (in a read-only workspace) is read from a copy in memory, marked
 * as a rollback-journal file, so it is still listed under its own name and id.
 */
function readMetaFromCopy(path: string, nativeBinding?: string): ReturnType<typeof readMeta> {
  try {
    const bytes = readFileSync(path);
    if (bytes.length < 100 || bytes.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return null;
    bytes[18] = 1;
    bytes[19] = 1;
    const db = new Database(bytes, { readonly: true, nativeBinding });
    try {
      return readMeta(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** A file the studio cannot read is still listed, so opening it explains what is wrong. */
function unreadable(path: string, key: string): CachedMeta {
  const file = basename(path);
  return { key, id: `file:${file}`, name: file.slice(0, -PROJECT_EXTENSION.length) };
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function moveProjectFile(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of SIDE_FILES) {
    if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
  }
}

export function toSummary(file: ProjectFile, lastOpenedAt: string | null): ProjectSummary {
  return { ...file, lastOpenedAt };
}
