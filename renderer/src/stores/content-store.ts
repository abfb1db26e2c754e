import { create } from 'zustand';
import type { ContentItem, ContentSummary } from '../../../preload/api';
import type { ContentKind } from '../../../main/domain/content-kinds';
import { api } from '../api/client';
import { useSession } from './session-store';

interface ContentState {
  lists: Partial<Record<ContentKind, ContentSummary[]>>;
  selected: Partial<Record<ContentKind, string>>;
  load(kind: ContentKind): Promise<void>;
  select(kind: ContentKind, id: string | undefined): void;
  create(kind: ContentKind, name: string): Promise<ContentItem>;
  remove(kind: ContentKind, id: string): Promise<void>;
  reset(): void;
}

/** Item lists of the open project, one per kind, and which item each section shows. */
export const useContent = create<ContentState>((set, get) => ({
  lists: {},
  selected: {},

  async load(kind) {
    const list = await api.call('content:list', { kind });
    set((s) => ({ lists: { ...s.lists, [kind]: list } }));
  },

  select(kind, id) {
    set((s) => ({ selected: { ...s.selected, [kind]: id } }));
  },

  async create(kind, name) {
    const item = await useSession.getState().trackSave(api.call('content:create', { kind, name }));
    await get().load(kind);
    get().select(kind, item.id);
    return item;
  },

  async remove(kind, id) {
    await useSession.getState().trackSave(api.call('content:delete', { id }));
    if (get().selected[kind] === id) get().select(kind, undefined);
    await get().load(kind);
  },

  reset() {
    set({ lists: {}, selected: {} });
  },
}));
