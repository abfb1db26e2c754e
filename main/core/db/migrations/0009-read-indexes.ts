import type { Migration } from './migration';

/**
 * Two indexes that answer frequent questions without reading items' or revisions' text:
 * which revisions of an item are stored whole (`delta` follows the revision's data in each
 * row, so without the index finding it reads every revision's text, megabytes for an NPC
 * with a long lorebook, on each save), and each live item's id and revision in list order
 * (what the caches of parsed quests and NPCs ask before every read).
 */
export const migration0009: Migration = {
  version: 9,
  name: 'read-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX revisions_by_delta ON revisions (item_id, delta, revision);
      CREATE INDEX items_in_list_order ON items (kind, deleted_at, name COLLATE NOCASE, id, revision);
    `);
  },
};
