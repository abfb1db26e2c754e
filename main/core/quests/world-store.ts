import type { Database } from 'better-sqlite3';
import { WorldItem, WorldLocation } from '../../domain/quest/world-schema';
import { AppError } from '../app-error';

export type WorldKind = 'item' | 'location';
interface WorldRecords {
  item: WorldItem;
  location: WorldLocation;
}
const SCHEMAS = { item: WorldItem, location: WorldLocation } as const;

/** The project's items and locations (table `world_records`), each saved whole in one statement. */
export class WorldStore {
  constructor(private readonly db: Database) {}

  list<K extends WorldKind>(kind: K): WorldRecords[K][] {
    const rows = this.db.prepare('SELECT data FROM world_records WHERE kind = ? ORDER BY name COLLATE NOCASE, id').all(kind) as {
      data: string;
    }[];
    // Rows written by this store always parse; a hand-edited one that does not is left out rather than breaking the list.
    return rows.flatMap(({ data }) => {
      const parsed = SCHEMAS[kind].safeParse(JSON.parse(data));
      return parsed.success ? [parsed.data as WorldRecords[K]] : [];
    });
  }

  ids(kind: WorldKind): Set<string> {
    const rows = this.db.prepare('SELECT id FROM world_records WHERE kind = ?').all(kind) as { id: string }[];
    return new Set(rows.map((row) => row.id));
  }

  save<K extends WorldKind>(kind: K, record: WorldRecords[K]): WorldRecords[K] {
    this.db
      .prepare(
        `INSERT INTO world_records (kind, id, name, data) VALUES (?, ?, ?, ?)
         ON CONFLICT (kind, id) DO UPDATE SET name = excluded.name, data = excluded.data`,
      )
      .run(kind, record.id, record.name, JSON.stringify(record));
    return record;
  }

  delete(kind: WorldKind, id: string): void {
    const { changes } = this.db.prepare('DELETE FROM world_records WHERE kind = ? AND id = ?').run(kind, id);
    if (changes === 0) throw new AppError('not_found', `No ${kind} with id ${id} in this project.`);
  }
}
