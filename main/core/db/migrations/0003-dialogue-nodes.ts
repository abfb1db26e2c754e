import type { Migration } from './migration';

/**
 * Dialogues are stored node by node, so editing one node of a large tree writes one row,
 * with a full-text index of node texts kept per node (its rowid is remembered for O(1) updates).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'dialogue-nodes',
  up(db) {
    db.exec(`
      CREATE TABLE dialogue_nodes (
        dialogue_id  TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
        node_id      TEXT NOT NULL,
        data         TEXT NOT NULL,
        search_rowid INTEGER,
        PRIMARY KEY (dialogue_id, node_id)
      ) WITHOUT ROWID;

      CREATE VIRTUAL TABLE dialogue_search USING fts5(
        dialogue_id UNINDEXED,
        node_id UNINDEXED,
        body,
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
    `);
  },
};
