import { escapeVersion1Nodes } from '../../../domain/dialogue/version-1-text';
import type { Migration } from './migration';

/**
 * Dialogue texts became templates (dialogue format 2: `{$gold}`, `[b]markup[/b]`). The
 * dialogues of a project written before are rewritten in place, node row by node row, with a
 * backslash before each `\ { } [ ]` of their line, AI-line fallback and option texts, so they
 * render exactly as they read; their headers then say format 2. Revisions keep the texts they
 * were written with and are escaped when a restore reads them (see DialogueStore.restore).
 */
export const migration0008: Migration = {
  version: 8,
  name: 'dialogue-templates',
  up(db) {
    const dialogues = db
      .prepare(`SELECT id FROM items WHERE kind = 'dialogue' AND json_extract(data, '$.schemaVersion') = 1`)
      .pluck()
      .all() as string[];
    const nodesOf = db.prepare('SELECT node_id, data FROM dialogue_nodes WHERE dialogue_id = ?');
    const setNode = db.prepare('UPDATE dialogue_nodes SET data = ? WHERE dialogue_id = ? AND node_id = ?');
    const setHeader = db.prepare(`UPDATE items SET data = json_set(data, '$.schemaVersion', 2) WHERE id = ?`);
    for (const id of dialogues) {
      for (const row of nodesOf.all(id) as { node_id: string; data: string }[]) {
        const escaped = escapeVersion1Nodes({ [row.node_id]: JSON.parse(row.data) }) as Record<string, unknown>;
        setNode.run(JSON.stringify(escaped[row.node_id]), id, row.node_id);
      }
      setHeader.run(id);
    }
  },
};
