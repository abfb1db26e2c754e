import type { Migration } from './migration';

/** Project metadata, content items and their append-only revision history. */
export const migration0001: Migration = {
  version: 1,
  name: 'init',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE items (
        id         TEXT PRIMARY KEY,
        kind       TEXT NOT NULL,
        name       TEXT NOT NULL,
        data       TEXT NOT NULL CHECK (json_valid(data)),
        revision   INTEGER NOT NULL CHECK (revision > 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT
      );
      CREATE INDEX items_by_kind ON items (kind, deleted_at, updated_at);

      CREATE TABLE revisions (
        item_id    TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
        revision   INTEGER NOT NULL,
        op         TEXT NOT NULL CHECK (op IN ('create', 'save', 'rename', 'restore', 'delete')),
        name       TEXT NOT NULL,
        data       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (item_id, revision)
      ) WITHOUT ROWID;
    `);
  },
};
