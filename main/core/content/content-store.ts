import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { ContentItem, ContentSummary, RevisionSummary } from '../../../preload/api';
import type { ContentKind } from '../../domain/content-kinds';
import { itemSearchText } from '../../domain/search-text';
import { AppError } from '../app-error';
import { applySplice, spliceBetween, WHOLE_EVERY, worthSplicing, type Splice } from './revision-delta';

export interface ItemRow {
  id: string;
  kind: ContentKind;
  name: string;
  data: string;
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

type RevisionOp = RevisionSummary['op'];

/** An item's stored JSON text, with what identifies it. */
export interface ItemText {
  id: string;
  name: string;
  revision: number;
  updatedAt: string;
  data: string;
}

/** What one write makes of an item. */
export interface ItemWrite {
  op: RevisionOp;
  name: string;
  /** Absent when the data stays as stored (a rename, a delete): the stored text is kept, not written again. */
  data?: Record<string, unknown>;
  deleted: boolean;
  /** What the revision records, when it is not the whole item (a dialogue keeps the change and its inverse). */
  revisionData?: unknown;
  /** Whether the item's own search row changes (its name or text did). */
  reindex?: boolean;
}

const toItem = (row: ItemRow): ContentItem => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  data: JSON.parse(row.data) as Record<string, unknown>,
  revision: row.revision,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * A value listFields reads from an item's data: the JSON at a path (`'$.role'`); the length
 * of the array at a path (`{ length: '$.stages' }`); or one field of each element of the array
 * at a path, of the elements whose field equals a value
 * (`{ pluck: '$.questId', from: '$.rewards', where: ['$.type', 'unlockQuest'] }`).
 */
export type FieldQuery = string | { length: string } | { pluck: string; from: string; where?: [string, string] };

const fieldSql = (query: FieldQuery) =>
  typeof query === 'string'
    ? 'data -> ?'
    : 'length' in query
      ? 'json_array_length(data, ?)'
      : `(SELECT json_group_array(value ->> ?) FROM json_each(data, ?)${query.where ? ' WHERE value ->> ? = ?' : ''})`;

const fieldParams = (query: FieldQuery): string[] =>
  typeof query === 'string' ? [query] : 'length' in query ? [query.length] : [query.pluck, query.from, ...(query.where ?? [])];

/**
 * Content items of one open project. Every write is one transaction that updates the
 * item, appends a revision (the history behind undo and "restore earlier version") and
 * keeps the full-text index in step.
 */
export class ContentStore {
  constructor(private readonly db: Database) {}

  list(kind: ContentKind): ContentSummary[] {
    return this.db
      .prepare(
        `SELECT id, kind, name, revision, updated_at AS updatedAt FROM items
         WHERE kind = ? AND deleted_at IS NULL ORDER BY name COLLATE NOCASE, id`,
      )
      .all(kind) as ContentSummary[];
  }

  /**
   * The id, name and current revision of every live item of a kind, in list order, read from
   * an index alone (never the items' text): what a RevisionCache asks first.
   */
  heads(kind: ContentKind): { id: string; name: string; revision: number }[] {
    return this.db
      .prepare(`SELECT id, name, revision FROM items WHERE kind = ? AND deleted_at IS NULL ORDER BY name COLLATE NOCASE, id`)
      .all(kind) as { id: string; name: string; revision: number }[];
  }

  /** The stored texts of the items named (any that no longer exist are left out). */
  texts(ids: readonly string[]): ItemText[] {
    if (!ids.length) return [];
    return this.db
      .prepare(`SELECT id, name, revision, updated_at AS updatedAt, data FROM items WHERE id IN (${ids.map(() => '?').join(', ')})`)
      .all(...ids) as ItemText[];
  }

  /**
   * Summaries with a few values read from each item's data in SQLite, so a list does not
   * parse whole items (see FieldQuery). A missing value is null.
   */
  listFields<K extends string>(kind: ContentKind, queries: Record<K, FieldQuery>): (ContentSummary & { fields: Record<K, unknown> })[] {
    const keys = Object.keys(queries) as K[];
    const columns = keys.map((key, i) => `, ${fieldSql(queries[key])} AS f${i}`).join('');
    const rows = this.db
      .prepare(
        `SELECT id, kind, name, revision, updated_at AS updatedAt${columns} FROM items
         WHERE kind = ? AND deleted_at IS NULL ORDER BY name COLLATE NOCASE, id`,
      )
      .all(...keys.flatMap((key) => fieldParams(queries[key])), kind) as (ContentSummary & Record<string, string | number | null>)[];
    return rows.map(({ id, kind, name, revision, updatedAt, ...values }) => ({
      id,
      kind,
      name,
      revision,
      updatedAt,
      fields: Object.fromEntries(
        keys.map((key, i) => {
          const value = values[`f${i}`];
          return [key, typeof value === 'string' ? JSON.parse(value) : value];
        }),
      ) as Record<K, unknown>,
    }));
  }

  counts(): Record<string, number> {
    const rows = this.db.prepare('SELECT kind, count(*) AS n FROM items WHERE deleted_at IS NULL GROUP BY kind').all() as {
      kind: string;
      n: number;
    }[];
    return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
  }

  get(id: string): ContentItem {
    return toItem(this.row(id));
  }

  /** `id` is the caller's when the data must carry it (an NPC persona holds its own id). */
  create(
    kind: ContentKind,
    name: string,
    data: Record<string, unknown> = {},
    revisionData: unknown = data,
    id: string = randomUUID(),
  ): ContentItem {
    const now = new Date().toISOString();
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `INSERT INTO items (id, kind, name, data, revision, created_at, updated_at)
           VALUES (?, ?, ?, ?, 1, ?, ?)`,
          )
          .run(id, kind, name, JSON.stringify(data), now, now);
        this.appendRevision(id, 1, 'create', name, revisionData, now);
        this.index(id, kind, name, data);
        this.touch(now);
      })
      .immediate();
    return { id, kind, name, data, revision: 1, createdAt: now, updatedAt: now };
  }

  save(id: string, change: { name?: string; data?: Record<string, unknown>; baseRevision?: number }): ContentItem {
    return this.writeItem(id, (row) => {
      if (row.deleted_at) throw new AppError('not_found', `Item ${id} was deleted.`);
      if (change.baseRevision !== undefined && change.baseRevision !== row.revision) {
        throw new AppError(
          'conflict',
          `This item changed since you opened it (revision ${row.revision}, yours ${change.baseRevision}). Reload it to see the newer version.`,
        );
      }
      const op: RevisionOp = change.data === undefined ? 'rename' : 'save';
      return { op, name: change.name ?? row.name, data: change.data, deleted: false };
    });
  }

  delete(id: string): void {
    this.writeItem(id, (row) => {
      if (row.deleted_at) throw new AppError('not_found', `Item ${id} was already deleted.`);
      return { op: 'delete', name: row.name, deleted: true };
    });
  }

  history(id: string): RevisionSummary[] {
    this.row(id);
    return this.db
      .prepare(
        `SELECT revision, name, op, created_at AS createdAt FROM revisions
         WHERE item_id = ? ORDER BY revision DESC`,
      )
      .all(id) as RevisionSummary[];
  }

  revision(id: string, revision: number): ContentItem {
    const row = this.row(id);
    const rev = this.revisionRow(id, revision);
    return { ...toItem(row), name: rev.name, data: JSON.parse(rev.data), revision, updatedAt: rev.created_at };
  }

  restore(id: string, revision: number): ContentItem {
    return this.writeItem(id, () => {
      const rev = this.revisionRow(id, revision);
      return { op: 'restore', name: rev.name, data: JSON.parse(rev.data), deleted: false };
    });
  }

  /** Best first: BM25 with a match in the name weighing ten times one in the text, so an item named for the words leads. */
  search(text: string, limit: number): { id: string; kind: ContentKind; name: string; snippet: string }[] {
    const query = ftsQuery(text);
    if (!query) return [];
    return this.db
      .prepare(
        `SELECT item_id AS id, kind, name, snippet(search, 3, '«', '»', '…', 12) AS snippet
         FROM search WHERE search MATCH ? ORDER BY bm25(search, 0, 0, 10, 1) LIMIT ?`,
      )
      .all(query, limit) as { id: string; kind: ContentKind; name: string; snippet: string }[];
  }

  kindOf(id: string): ContentKind {
    return this.head(id).kind;
  }

  /** An item's kind, current revision and the size of its stored JSON in bytes, deleted or not, read without its data. */
  head(id: string): { kind: ContentKind; revision: number; bytes: number } {
    const row = this.db.prepare('SELECT kind, revision, octet_length(data) AS bytes FROM items WHERE id = ?').get(id) as
      { kind: ContentKind; revision: number; bytes: number } | undefined;
    if (!row) throw new AppError('not_found', `No item with id ${id} in this project.`);
    return row;
  }

  /**
   * One write of an item in one transaction (a savepoint when the caller has one open):
   * the row, a new revision and, when asked, its search row. The item returned is the
   * one written, not read back: an NPC with a long lorebook is megabytes of JSON.
   */
  writeItem(id: string, decide: (row: ItemRow) => ItemWrite): ContentItem {
    return this.db
      .transaction(() => {
        const row = this.row(id);
        const next = decide(row);
        const now = new Date().toISOString();
        const revision = row.revision + 1;
        const data = next.data ?? (JSON.parse(row.data) as Record<string, unknown>);
        const text = next.data === undefined ? row.data : JSON.stringify(next.data);
        if (next.data === undefined) {
          this.db
            .prepare('UPDATE items SET name = ?, revision = ?, updated_at = ?, deleted_at = ? WHERE id = ?')
            .run(next.name, revision, now, next.deleted ? now : null, id);
        } else {
          this.db
            .prepare('UPDATE items SET name = ?, data = ?, revision = ?, updated_at = ?, deleted_at = ? WHERE id = ?')
            .run(next.name, text, revision, now, next.deleted ? now : null, id);
        }
        if (next.revisionData === undefined && row.kind !== 'dialogue') {
          this.appendWholeItemRevision(id, revision, next.op, next.name, row.data, text, now);
        } else {
          this.appendRevision(id, revision, next.op, next.name, next.revisionData ?? data, now);
        }
        if (next.reindex ?? true) {
          this.unindex(id);
          if (!next.deleted) this.index(id, row.kind, next.name, data);
        }
        this.touch(now);
        return { id, kind: row.kind, name: next.name, data, revision, createdAt: row.created_at, updatedAt: now };
      })
      .immediate();
  }

  /** The stored row of an item, deleted or not. */
  row(id: string): ItemRow {
    const row = this.db.prepare('SELECT * FROM items WHERE id = ?').get(id) as ItemRow | undefined;
    if (!row) throw new AppError('not_found', `No item with id ${id} in this project.`);
    return row;
  }

  /** How many bytes the revisions after `revision` take as stored: what undoing them reads. */
  revisionBytesAfter(id: string, revision: number): number {
    const row = this.db
      .prepare('SELECT coalesce(sum(octet_length(data)), 0) AS bytes FROM revisions WHERE item_id = ? AND revision > ?')
      .get(id, revision) as {
      bytes: number;
    };
    return row.bytes;
  }

  /** A revision as it was saved, its data text rebuilt from the whole revision before it and the splices since. */
  revisionRow(id: string, revision: number): { name: string; data: string; created_at: string } {
    const rows = this.db
      .prepare(
        `SELECT revision, name, data, created_at, delta FROM revisions
         WHERE item_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .all(id, revision, WHOLE_EVERY + 1) as { revision: number; name: string; data: string; created_at: string; delta: 0 | 1 }[];
    if (rows[0]?.revision !== revision) throw new AppError('not_found', `Item ${id} has no revision ${revision}.`);
    const whole = rows.findIndex((row) => row.delta === 0);
    if (whole < 0 || rows[whole].revision !== revision - whole) {
      throw new AppError('internal', `The history of item ${id} is damaged: revision ${revision} cannot be rebuilt.`);
    }
    let data = rows[whole].data;
    for (let i = whole - 1; i >= 0; i--) data = applySplice(data, JSON.parse(rows[i].data) as Splice);
    return { name: rows[0].name, data, created_at: rows[0].created_at };
  }

  private appendRevision(id: string, revision: number, op: RevisionOp, name: string, data: unknown, at: string): void {
    this.db
      .prepare('INSERT INTO revisions (item_id, revision, op, name, data, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, revision, op, name, JSON.stringify(data), at);
  }

  /**
   * A revision of an item saved whole: stored as a splice of the previous revision's text
   * when that is much smaller, and whole every WHOLE_EVERY revisions so reads stay short.
   */
  private appendWholeItemRevision(
    id: string,
    revision: number,
    op: RevisionOp,
    name: string,
    before: string,
    after: string,
    at: string,
  ): void {
    const lastWhole = (
      this.db.prepare('SELECT MAX(revision) AS r FROM revisions WHERE item_id = ? AND delta = 0').get(id) as { r: number | null }
    ).r;
    const splice = spliceBetween(before, after);
    const delta = lastWhole !== null && revision - lastWhole < WHOLE_EVERY && worthSplicing(splice, after.length);
    this.db
      .prepare('INSERT INTO revisions (item_id, revision, op, name, data, created_at, delta) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, revision, op, name, delta ? JSON.stringify(splice) : after, at, delta ? 1 : 0);
  }

  private index(id: string, kind: string, name: string, data: unknown): void {
    this.db.prepare('INSERT INTO search (item_id, kind, name, body) VALUES (?, ?, ?, ?)').run(id, kind, name, itemSearchText(kind, data));
  }

  private unindex(id: string): void {
    this.db.prepare('DELETE FROM search WHERE item_id = ?').run(id);
  }

  private touch(at: string): void {
    this.db
      .prepare("INSERT INTO meta (key, value) VALUES ('updated_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(at);
  }
}

/** Turns what a creator types into a safe FTS5 query: quoted terms, prefix match on the last. */
export function ftsQuery(text: string): string {
  const terms = text
    .split(/\s+/)
    .map((t) => t.replace(/"/g, '').trim())
    .filter(Boolean)
    .slice(0, 12);
  return terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}
