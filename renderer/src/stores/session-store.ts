import { create } from 'zustand';
import type { AppInfo, ProjectInfo } from '../../../preload/api';
import { api, ApiError } from '../api/client';
import type { SectionId } from '../app/sections';
import { useProjects } from './projects-store';

export type Connection = 'connecting' | 'ready' | 'unauthorized' | 'unreachable';

export interface SaveState {
  status: 'idle' | 'unsaved' | 'saving' | 'saved' | 'error';
  at?: number;
  message?: string;
}

interface SessionState {
  connection: Connection;
  connectionMessage: string;
  app: AppInfo | null;
  project: ProjectInfo | null;
  section: SectionId;
  save: SaveState;
  pendingSaves: number;
  boot(): Promise<void>;
  openProject(id: string): Promise<void>;
  closeProject(): Promise<void>;
  setSection(section: SectionId): void;
  setProject(project: ProjectInfo | null): void;
  /** An editor holds changes its autosave has not sent yet. */
  markUnsaved(): void;
  /** Wraps a write so the status bar shows "Saving…", "Saved" or the error. */
  trackSave<T>(write: Promise<T>): Promise<T>;
}

const LAST_SECTION_KEY = 'loreweaver.section';

/** Connection, the open project, the current section and the save indicator. */
export const useSession = create<SessionState>((set, get) => ({
  connection: 'connecting',
  connectionMessage: '',
  app: null,
  project: null,
  section: (localStorage.getItem(LAST_SECTION_KEY) as SectionId | null) ?? 'npc',
  save: { status: 'idle' },
  pendingSaves: 0,

  async boot() {
    set({ connection: 'connecting' });
    try {
      const [app, project] = await Promise.all([
        api.call('app:info', {}),
        api.call('projects:current', {}),
        useProjects.getState().refresh(),
      ]);
      set({ connection: 'ready', app, project });
    } catch (error) {
      const unauthorized = error instanceof ApiError && error.code === 'unauthorized';
      set({
        connection: unauthorized ? 'unauthorized' : 'unreachable',
        connectionMessage: error instanceof Error ? error.message : String(error),
      });
    }
  },

  async openProject(id) {
    const project = await api.call('projects:open', { id });
    set({ project, save: { status: 'idle' } });
  },

  async closeProject() {
    await api.call('projects:close', {});
    await useProjects.getState().refresh();
    set({ project: null });
  },

  setSection(section) {
    localStorage.setItem(LAST_SECTION_KEY, section);
    set({ section });
  },

  setProject(project) {
    set({ project });
  },

  markUnsaved() {
    if (get().save.status !== 'saving') set({ save: { status: 'unsaved' } });
  },

  async trackSave(write) {
    set((s) => ({ pendingSaves: s.pendingSaves + 1, save: { status: 'saving' } }));
    try {
      const value = await write;
      const left = get().pendingSaves - 1;
      set((s) => ({ pendingSaves: left, save: left > 0 ? s.save : { status: 'saved', at: Date.now() } }));
      return value;
    } catch (error) {
      set((s) => ({
        pendingSaves: s.pendingSaves - 1,
        save: { status: 'error', at: Date.now(), message: error instanceof Error ? error.message : String(error) },
      }));
      throw error;
    }
  },
}));
