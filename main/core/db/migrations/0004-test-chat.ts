import type { Migration } from './migration';

/**
 * Test chat keeps what creators try out: free conversations with an NPC and playthroughs
 * of dialogues. They are working records, not content (no revisions, not exported), so
 * they live in tables of their own, each row one whole JSON document written in one
 * statement. Items are deleted softly, so the sessions of a deleted NPC or dialogue stay
 * (hidden) and come back when it is restored.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'test-chat',
  up(db) {
    db.exec(`
      CREATE TABLE conversations (
        id            TEXT PRIMARY KEY,
        npc_id        TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
        title         TEXT NOT NULL,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        message_count INTEGER NOT NULL,
        preview       TEXT NOT NULL,
        data          TEXT NOT NULL
      );
      CREATE INDEX conversations_by_npc ON conversations (npc_id, updated_at);

      CREATE TABLE playthroughs (
        id          TEXT PRIMARY KEY,
        dialogue_id TEXT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
        title       TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        data        TEXT NOT NULL
      );
      CREATE INDEX playthroughs_by_dialogue ON playthroughs (dialogue_id, updated_at);
    `);
  },
};
