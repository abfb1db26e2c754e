import { notifications } from '@mantine/notifications';
import { useEffect, useMemo } from 'react';
import { create } from 'zustand';
import { referencesIn, type DialogueReferences, type ReferenceNames } from '../../../../main/domain/dialogue';
import type { WorldItem } from '../../../../main/domain/quest/world-schema';
import type { QuestOutlineView } from '../../../../preload/contract/quests';
import { api } from '../../api/client';
import { useNpcs } from '../../stores/npc-store';

interface ReferenceState {
  /** Every quest's title, stages and objectives, by title. */
  quests: QuestOutlineView[];
  /** The project's items, by name. */
  items: WorldItem[];
  /** Whether each list has loaded: until then validation does not call a reference missing. */
  loaded: { quests: boolean; items: boolean };
  loadQuests(): Promise<void>;
  loadItems(): Promise<void>;
}

/** What a dialogue can name besides its own nodes and variables; NPCs come from the NPC store. */
export const useReferences = create<ReferenceState>((set) => ({
  quests: [],
  items: [],
  loaded: { quests: false, items: false },
  async loadQuests() {
    const quests = await api.call('quests:outlines', {});
    set((s) => ({ quests, loaded: { ...s.loaded, quests: true } }));
  },
  async loadItems() {
    const items = await api.call('world:items:list', {});
    set((s) => ({ items, loaded: { ...s.loaded, items: true } }));
  },
}));

const failed = (what: string) => (e: Error) => notifications.show({ color: 'red', title: `Could not load ${what}`, message: e.message });

/** Loads the quests, items and NPCs dialogues name, and keeps them current while the Dialogues section is open. */
export function useReferenceLists(): void {
  useEffect(() => {
    const quests = () => void useReferences.getState().loadQuests().catch(failed('the quests'));
    const items = () => void useReferences.getState().loadItems().catch(failed('the items'));
    const npcs = () => void useNpcs.getState().load().catch(failed('the NPCs'));
    quests();
    items();
    npcs();
    const offContent = api.on('content:changed', ({ kind }) => {
      if (kind === 'quest') quests();
      else if (kind === 'npc') npcs();
    });
    const offWorld = api.on('world:changed', ({ kind }) => kind === 'item' && items());
    return () => {
      offContent();
      offWorld();
    };
  }, []);
}

/** Quest and item names by id, for labels and the playthrough-style summaries of actions. */
export function useReferenceNames(): ReferenceNames {
  const quests = useReferences((s) => s.quests);
  const items = useReferences((s) => s.items);
  return useMemo(() => {
    const questById = new Map(quests.map((quest) => [quest.id, quest]));
    const itemName = new Map(items.map((item) => [item.id, item.name]));
    return { quest: (id) => questById.get(id), item: (id) => itemName.get(id) };
  }, [quests, items]);
}

/** The lookups live validation checks a dialogue against: its fellow dialogues, and the quests and items once loaded. */
export function useDialogueReferences(dialogueIds: readonly string[]): DialogueReferences {
  const quests = useReferences((s) => s.quests);
  const items = useReferences((s) => s.items);
  const loaded = useReferences((s) => s.loaded);
  return useMemo(() => {
    const all = referencesIn({ dialogueIds, quests, itemIds: items.map((item) => item.id) });
    return {
      dialogueExists: all.dialogueExists,
      ...(loaded.quests ? { quest: all.quest } : {}),
      ...(loaded.items ? { itemExists: all.itemExists } : {}),
    };
  }, [dialogueIds, quests, items, loaded]);
}
