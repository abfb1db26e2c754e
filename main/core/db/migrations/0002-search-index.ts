import { searchText } from '../../../domain/search-text';
import type { Migration } from './migration';

/** Full-text index over every live item, filled from what the project already holds. */
export const migration0002: Migration = {
  version: 2,
  name: 'search-index',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search USING fts5(
        item_id UNINDEXED,
        kind UNINDEXED,
        name,
        body,
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
    `);
    const insert = db.prepare('INSERT INTO search (item_id, kind, name, body) VALUES (?, ?, ?, ?)');
    const rows = db.prepare('SELECT id, kind, name, data FROM items WHERE deleted_at IS NULL').all() as {
      id: string;
      kind: string;
      name: string;
      data: string;
    }[];
    for (const row of rows) insert.run(row.id, row.kind, row.name, searchText(JSON.parse(row.data)));
  },
};
