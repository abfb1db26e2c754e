import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../app-error';

export interface SessionSummary {
  id: string;
  ownerId: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

interface TableShape {
  table: 'conversations' | 'playthroughs';
  /** The column naming the item the sessions belong to. */
  ownerColumn: 'npc_id' | 'dialogue_id';
  /** What one session is called in messages. */
  noun: string;
}

/**
 * One table of test sessions (conversations or playthroughs): whole JSON documents,
 * each written in one statement, listed newest first, only while the item they belong
 * to is not deleted. Documents are parsed with their schema when read, so a damaged row
 * gives a clear error instead of a broken screen.
 */
export class SessionTable<T extends { id: string; title: string; createdAt: string; updatedAt: string }> {
  constructor(
    private readonly db: Database,
    private readonly shape: TableShape,
    private readonly schema: z.ZodType<T>,
    private readonly ownerOf: (document: T) => string,
  ) {}

  list<E extends string>(ownerId: string | undefined, extra: readonly E[] = []): (SessionSummary & Record<E, unknown>)[] {
    const { table, ownerColumn } = this.shape;
    const columns = extra.map((column) => `, s.${column} AS ${column}`).join('');
    const rows = this.db
      .prepare(
        `SELECT s.id, s.${ownerColumn} AS ownerId, s.title, s.created_at AS createdAt, s.updated_at AS updatedAt${columns}
         FROM ${table} s JOIN items i ON i.id = s.${ownerColumn}
         WHERE i.deleted_at IS NULL ${ownerId === undefined ? '' : `AND s.${ownerColumn} = ?`}
         ORDER BY s.updated_at DESC, s.id`,
      )
      .all(...(ownerId === undefined ? [] : [ownerId]));
    return rows as (SessionSummary & Record<E, unknown>)[];
  }

  get(id: string): T {
    const row = this.db.prepare(`SELECT data FROM ${this.shape.table} WHERE id = ?`).get(id) as { data: string } | undefined;
    if (!row) throw new AppError('not_found', `There is no ${this.shape.noun} ${id}.`);
    const parsed = this.schema.safeParse(JSON.parse(row.data));
    if (!parsed.success)
      throw new AppError('internal', `The saved ${this.shape.noun} ${id} is damaged: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }

  /** Writes the document whole; `extra` fills the table's list columns beside it. */
  put(document: T, extra: Record<string, string | number> = {}): T {
    const { table, ownerColumn } = this.shape;
    const names = Object.keys(extra);
    this.db
      .prepare(
        `INSERT INTO ${table} (id, ${ownerColumn}, title, created_at, updated_at, data${names.map((n) => `, ${n}`).join('')})
         VALUES (?, ?, ?, ?, ?, ?${names.map(() => ', ?').join('')})
         ON CONFLICT (id) DO UPDATE SET title = excluded.title, updated_at = excluded.updated_at, data = excluded.data
         ${names.map((n) => `, ${n} = excluded.${n}`).join('')}`,
      )
      .run(
        document.id,
        this.ownerOf(document),
        document.title,
        document.createdAt,
        document.updatedAt,
        JSON.stringify(document),
        ...names.map((n) => extra[n]),
      );
    return document;
  }

  delete(id: string): void {
    const result = this.db.prepare(`DELETE FROM ${this.shape.table} WHERE id = ?`).run(id);
    if (result.changes === 0) throw new AppError('not_found', `There is no ${this.shape.noun} ${id}.`);
  }
}
