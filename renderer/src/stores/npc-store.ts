import { create } from 'zustand';
import type { CardImportChoice, NpcDocument, NpcDraft, NpcSummary } from '../../../preload/contract/npcs';
import { api } from '../api/client';
import { useContent } from './content-store';
import { useSession } from './session-store';

interface NpcState {
  list: NpcSummary[] | null;
  /** Avatar data URLs by NPC id, fetched once for the list's thumbnails; null when it has none. */
  avatars: Record<string, string | null>;
  load(): Promise<void>;
  create(name: string, draft?: NpcDraft): Promise<NpcDocument>;
  /** Imports a card as a new NPC, or as `onExisting` says when its NPC exists. */
  importCard(data: string, onExisting?: CardImportChoice): Promise<NpcDocument>;
  remove(id: string): Promise<void>;
  loadAvatar(id: string): Promise<void>;
  /** The editor changed an avatar: the thumbnail follows without a fetch. */
  setAvatar(id: string, dataUrl: string | null): void;
}

/** Opens a new NPC in the section; the selection lives with the other sections' so search results can open it. */
const show = async (document: NpcDocument, load: () => Promise<void>) => {
  await load();
  useContent.getState().select('npc', document.id);
  return document;
};

/** The NPC list of the open project, as the NPC section shows it. */
export const useNpcs = create<NpcState>((set, get) => ({
  list: null,
  avatars: {},

  async load() {
    set({ list: await api.call('npcs:list', {}) });
  },

  async create(name, draft) {
    const document = await useSession.getState().trackSave(api.call('npcs:create', { name, persona: draft }));
    return show(document, get().load);
  },

  async importCard(data, onExisting) {
    const document = await api.call('npcs:importCard', { data, onExisting });
    // An updated NPC may have a new avatar: its thumbnail is fetched again.
    const { [document.id]: _updated, ...avatars } = get().avatars;
    set({ avatars });
    return show(document, get().load);
  },

  async remove(id) {
    await useSession.getState().trackSave(api.call('npcs:delete', { id }));
    if (useContent.getState().selected.npc === id) useContent.getState().select('npc', undefined);
    await get().load();
  },

  async loadAvatar(id) {
    if (id in get().avatars) return;
    set((s) => ({ avatars: { ...s.avatars, [id]: null } }));
    const { dataUrl } = await api.call('npcs:avatar', { id });
    get().setAvatar(id, dataUrl);
  },

  setAvatar(id, dataUrl) {
    set((s) => ({ avatars: { ...s.avatars, [id]: dataUrl } }));
  },
}));
