import { useContent } from '../stores/content-store';
import { useSession } from '../stores/session-store';

/** Opens another section with one of its items selected, as the search results do. */
export function openItem(kind: 'npc' | 'dialogue' | 'quest', id: string): void {
  useSession.getState().setSection(kind);
  useContent.getState().select(kind, id);
}
