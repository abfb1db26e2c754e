import type { Migration } from './migration';

/**
 * Items and locations that quests and dialogues name by id: small records without history
 * (their names change rarely and nothing else hangs on old versions), one row each.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'world-records',
  up(db) {
    db.exec(`
      CREATE TABLE world_records (
        kind TEXT NOT NULL CHECK (kind IN ('item', 'location')),
        id   TEXT NOT NULL,
        name TEXT NOT NULL,
        data TEXT NOT NULL CHECK (json_valid(data)),
        PRIMARY KEY (kind, id)
      ) WITHOUT ROWID;
    `);
  },
};
