import type { DialogueNode } from '../../domain/dialogue';
import { searchText } from '../../domain/search-text';

/** What a node says, for full-text search: its texts, speaker and conditions, not its ids or layout. */
export function nodeSearchText(node: DialogueNode): string {
  const { id: _id, kind: _kind, position: _position, ...content } = node;
  return searchText(content).trim();
}
