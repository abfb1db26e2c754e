import { create } from 'zustand';
import type { NpcSummary } from '../../../preload/contract/npcs';
import type { QuestDocument, QuestDraft, QuestSummary } from '../../../preload/contract/quests';
import type { WorldItem, WorldLocation } from '../../../main/domain/quest';
import { api } from '../api/client';
import { useContent } from '../stores/content-store';
import { useSession } from '../stores/session-store';

interface QuestState {
  list: QuestSummary[] | null;
  /** With role and avatar, so the NPC pickers can tell two of the same name apart. */
  npcs: NpcSummary[];
  items: WorldItem[];
  locations: WorldLocation[];
  /** Quests, NPCs, items and locations: what the list, the forms' pickers and the map need. */
  load(): Promise<void>;
  loadWorld(): Promise<void>;
  create(title: string, draft?: QuestDraft): Promise<QuestDocument>;
  remove(id: string): Promise<void>;
}

/** The open project's quests and the world records they refer to, as the Quests section shows them. */
export const useQuests = create<QuestState>((set, get) => ({
  list: null,
  npcs: [],
  items: [],
  locations: [],

  async load() {
    const [list, npcs] = await Promise.all([api.call('quests:list', {}), api.call('npcs:list', {})]);
    set({ list, npcs });
  },

  async loadWorld() {
    const [items, locations] = await Promise.all([api.call('world:items:list', {}), api.call('world:locations:list', {})]);
    set({ items, locations });
  },

  async create(title, draft) {
    const document = await useSession.getState().trackSave(api.call('quests:create', { title, quest: draft }));
    await get().load();
    useContent.getState().select('quest', document.id);
    return document;
  },

  async remove(id) {
    await useSession.getState().trackSave(api.call('quests:delete', { id }));
    if (useContent.getState().selected.quest === id) useContent.getState().select('quest', undefined);
    await get().load();
  },
}));
