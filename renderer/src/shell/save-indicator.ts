import type { DocumentsSummary } from '../documents/open-documents';
import type { Connection, SaveState } from '../stores/session-store';

/** What the status bar says about saving: one of four states, with the reason when not saved. */
export type SaveIndicator =
  | { state: 'saved'; at: number | null }
  | { state: 'saving' }
  | { state: 'failed'; reason: string }
  | { state: 'offline' };

/** The open documents' state and the one-off writes' state, merged so the worst news wins. */
export function saveIndicator(connection: Connection, documents: DocumentsSummary, writes: SaveState): SaveIndicator {
  if (connection === 'offline' || documents.status === 'offline') return { state: 'offline' };
  if (documents.status === 'failed') return { state: 'failed', reason: documents.message ?? 'the studio refused the change' };
  if (documents.status === 'saving' || writes.status === 'saving') return { state: 'saving' };
  if (writes.status === 'error') return { state: 'failed', reason: writes.message ?? 'the studio refused the change' };
  const at = Math.max(documents.savedAt ?? 0, writes.at ?? 0);
  return { state: 'saved', at: at || null };
}
