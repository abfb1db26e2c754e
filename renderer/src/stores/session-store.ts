import { create } from 'zustand';
import type { AppInfo, ProjectInfo } from '../../../preload/api';
import { api, ApiError, onConnectionChange } from '../api/client';
import type { SectionId } from '../app/sections';
import { reopenProject } from '../documents/reopen-project';
import { openDocuments } from '../documents/window-documents';
import { useLlm } from './llm-store';
import { useProjects } from './projects-store';

/** `offline`: the studio was reached once and is gone for now (a restarting server or main process); the window keeps going. */
export type Connection = 'connecting' | 'ready' | 'offline' | 'unauthorized' | 'unreachable';

/** One-off writes outside the document editors (create, rename, move, delete). */
export interface SaveState {
  status: 'idle' | 'saving' | 'saved' | 'error';
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
  /** A call did not reach the studio: show Offline and keep trying to reconnect. */
  connectionLost(): void;
  /** The studio answers again: reopen the project this window had open, send what waited, refresh the model state. */
  reconnect(): Promise<void>;
  /** Wraps a write so the status bar shows "Saving…", "Saved" or the error. */
  trackSave<T>(write: Promise<T>): Promise<T>;
}

const LAST_SECTION_KEY = 'loreweaver.section';
const RETRY_MS = [500, 1000, 2000, 4000];
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retries = 0;

/** Connection, the open project, the current section and the indicator of one-off writes. */
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

  connectionLost() {
    if (get().connection !== 'ready' && get().connection !== 'offline') return;
    set({ connection: 'offline' });
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void get().reconnect(), RETRY_MS[Math.min(retries++, RETRY_MS.length - 1)]);
  },

  async reconnect() {
    if (get().connection !== 'offline') return;
    clearTimeout(retryTimer);
    try {
      const open = get().project;
      const project = open ? await reopenProject(api, open.id) : await api.call('projects:current', {});
      retries = 0;
      set({ connection: 'ready', project });
    } catch {
      get().connectionLost();
      return;
    }
    await Promise.all([openDocuments.getState().reconnected(), useLlm.getState().refresh(), useProjects.getState().refresh()]);
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

onConnectionChange((connected) => (connected ? void useSession.getState().reconnect() : useSession.getState().connectionLost()));
