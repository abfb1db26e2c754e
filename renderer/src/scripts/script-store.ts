import { create } from 'zustand';
import type { ScriptSummary } from '../../../preload/contract/scripts';
import { newScriptData, type ScriptLanguage } from '../../../main/domain/script';
import { api } from '../api/client';
import { useContent } from '../stores/content-store';
import { useSession } from '../stores/session-store';

interface ScriptsState {
  list: ScriptSummary[] | null;
  /** Folders made in this session that hold no script yet (a folder exists through its scripts). */
  emptyFolders: string[];
  load(): Promise<void>;
  create(name: string, language: ScriptLanguage, folder: string): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  move(id: string, folder: string): Promise<void>;
  addFolder(folder: string): void;
  moveFolder(from: string, to: string): Promise<void>;
  remove(id: string): Promise<void>;
}

const track = <T>(write: Promise<T>) => useSession.getState().trackSave(write);

/** The Scripts section's tree: scripts with their folders, and the folder operations. */
export const useScripts = create<ScriptsState>((set, get) => ({
  list: null,
  emptyFolders: [],

  async load() {
    const list = await api.call('scripts:list', {});
    const used = new Set(list.map((s) => s.folder));
    set((s) => ({ list, emptyFolders: s.emptyFolders.filter((f) => !used.has(f)) }));
  },

  async create(name, language, folder) {
    const item = await track(api.call('content:create', { kind: 'script', name, data: newScriptData(language, folder) }));
    await get().load();
    useContent.getState().select('script', item.id);
  },

  async rename(id, name) {
    await track(api.call('content:save', { id, name }));
    await get().load();
  },

  async move(id, folder) {
    const item = await api.call('content:get', { id });
    await track(api.call('content:save', { id, data: { ...item.data, folder }, baseRevision: item.revision }));
    await get().load();
  },

  addFolder(folder) {
    set((s) => ({ emptyFolders: s.emptyFolders.includes(folder) ? s.emptyFolders : [...s.emptyFolders, folder] }));
  },

  async moveFolder(from, to) {
    await track(api.call('scripts:moveFolder', { from, to }));
    set((s) => ({ emptyFolders: s.emptyFolders.map((f) => (f === from ? to : f)) }));
    await get().load();
  },

  async remove(id) {
    await track(api.call('content:delete', { id }));
    if (useContent.getState().selected.script === id) useContent.getState().select('script', undefined);
    await get().load();
  },
}));
