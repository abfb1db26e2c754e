import type { Migration } from './migration';

/**
 * Revisions of whole items (NPCs, quests, stories, poems, scripts) may be stored as a
 * splice of the revision before them (`delta` = 1, see main/core/content/revision-delta);
 * older rows stay whole.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'revision-deltas',
  up(db) {
    db.exec('ALTER TABLE revisions ADD COLUMN delta INTEGER NOT NULL DEFAULT 0 CHECK (delta IN (0, 1))');
  },
};
