import { create } from 'zustand';
import type { ProjectSummary } from '../../../preload/api';
import { api } from '../api/client';

interface ProjectsState {
  projects: ProjectSummary[];
  loaded: boolean;
  /** Why the workspace could not be listed, shown by the picker; null when it could. */
  error: string | null;
  refresh(): Promise<void>;
  create(name: string): Promise<ProjectSummary>;
  rename(id: string, name: string): Promise<ProjectSummary>;
  duplicate(id: string, name: string): Promise<ProjectSummary>;
  trash(id: string): Promise<string>;
}

/** The workspace's projects as the picker shows them. */
export const useProjects = create<ProjectsState>((set, get) => ({
  projects: [],
  loaded: false,
  error: null,

  async refresh() {
    try {
      const projects = await api.call('projects:list', {});
      set({ projects, loaded: true, error: null });
    } catch (error) {
      set({ loaded: true, error: error instanceof Error ? error.message : String(error) });
    }
  },

  async create(name) {
    const project = await api.call('projects:create', { name });
    await get().refresh();
    return project;
  },

  async rename(id, name) {
    const project = await api.call('projects:rename', { id, name });
    await get().refresh();
    return project;
  },

  async duplicate(id, name) {
    const project = await api.call('projects:duplicate', { id, name });
    await get().refresh();
    return project;
  },

  async trash(id) {
    const { trashedTo } = await api.call('projects:delete', { id });
    await get().refresh();
    return trashedTo;
  },
}));
