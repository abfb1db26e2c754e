import { create } from 'zustand';
import { useSession } from '../../stores/session-store';

export type WorldKind = 'item' | 'location';

interface WorldRevealState {
  /** The item or location to open, until its table takes it. */
  target: { kind: WorldKind; id: string } | null;
  /** Opens the Quests section on its Items & locations tab, with the record's form open. */
  reveal(kind: WorldKind, id: string): void;
  /** The pending record of this kind, if any; the table takes it once and opens its form. */
  take(kind: WorldKind): string | null;
}

/** How a reference picker opens an item or location: they have no section of their own, but a row on the Items & locations tab. */
export const useWorldReveal = create<WorldRevealState>((set, get) => ({
  target: null,
  reveal(kind, id) {
    set({ target: { kind, id } });
    useSession.getState().setSection('quest');
  },
  take(kind) {
    const { target } = get();
    if (target?.kind !== kind) return null;
    set({ target: null });
    return target.id;
  },
}));
