import type { DialogueNode } from '../../../domain/dialogue';
import { itemSearchText } from '../../../domain/search-text';
import { nodeSearchText } from '../../dialogues/node-search-text';
import type { Migration } from './migration';

/**
 * The search indexes hold prose only: ids, references, enumerations and embedded data
 * (which made snippets read "dataUrl v3") leave the text already indexed, for items and
 * dialogue nodes alike.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'search-prose',
  up(db) {
    const items = db.prepare('SELECT s.rowid AS rowid, i.kind, i.data FROM search s JOIN items i ON i.id = s.item_id').all() as {
      rowid: number;
      kind: string;
      data: string;
    }[];
    const setBody = db.prepare('UPDATE search SET body = ? WHERE rowid = ?');
    for (const row of items) setBody.run(itemSearchText(row.kind, JSON.parse(row.data)), row.rowid);

    const nodes = db
      .prepare('SELECT dialogue_id, node_id, data, search_rowid FROM dialogue_nodes WHERE search_rowid IS NOT NULL')
      .all() as {
      dialogue_id: string;
      node_id: string;
      data: string;
      search_rowid: number;
    }[];
    const setNodeBody = db.prepare('UPDATE dialogue_search SET body = ? WHERE rowid = ?');
    const dropNodeRow = db.prepare('DELETE FROM dialogue_search WHERE rowid = ?');
    const forgetRow = db.prepare('UPDATE dialogue_nodes SET search_rowid = NULL WHERE dialogue_id = ? AND node_id = ?');
    for (const node of nodes) {
      const text = nodeSearchText(JSON.parse(node.data) as DialogueNode);
      if (text) {
        setNodeBody.run(text, node.search_rowid);
      } else {
        dropNodeRow.run(node.search_rowid);
        forgetRow.run(node.dialogue_id, node.node_id);
      }
    }
  },
};
