import type { Migration } from './migration';

/**
 * Which revisions of an item are stored whole, answered from an index: `delta` follows the
 * revision's data in each row, so finding it without the index reads every revision's
 * text, megabytes for an NPC with a long lorebook, on each save.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'whole-revisions-index',
  up(db) {
    db.exec('CREATE INDEX revisions_by_delta ON revisions (item_id, delta, revision)');
  },
};
