import { create } from 'zustand';
import type { SearchHit } from '../../../preload/api';
import type { ContentKind } from '../../../main/domain/content-kinds';
import { useContent } from '../stores/content-store';
import { useSession } from '../stores/session-store';

/** Where a search result should land inside its item: a dialogue node, or the words to find in a script. */
export interface RevealTarget {
  kind: ContentKind;
  id: string;
  nodeId?: string;
  query: string;
  /** Increases with every request, so revealing the same place twice reveals it again. */
  seq: number;
}

interface RevealState {
  target: RevealTarget | null;
  /** Opens an item: its section, the item selected there (as the lists do), and where to look inside it. */
  reveal(place: Omit<RevealTarget, 'seq' | 'query'> & { query?: string }): void;
  /** Opens a search hit where the search found it. */
  open(hit: SearchHit, query: string): void;
  /** The pending target for this item, if any; an editor takes it once it shows the item. */
  take(kind: ContentKind, id: string): RevealTarget | null;
}

export const useReveal = create<RevealState>((set, get) => ({
  target: null,

  reveal({ kind, id, nodeId, query = '' }) {
    set((s) => ({ target: { kind, id, nodeId, query, seq: (s.target?.seq ?? 0) + 1 } }));
    useSession.getState().setSection(kind);
    useContent.getState().select(kind, id);
  },

  open(hit, query) {
    get().reveal({ kind: hit.kind, id: hit.id, nodeId: hit.nodeId, query });
  },

  take(kind, id) {
    const target = get().target;
    if (!target || target.kind !== kind || target.id !== id) return null;
    set({ target: null });
    return target;
  },
}));

/** The words of a search as the index matched them (the last as a prefix), for finding them again in a text. */
export function searchTerms(query: string): string[] {
  return query
    .split(/\s+/)
    .map((t) => t.replace(/"/g, '').trim())
    .filter(Boolean);
}
