import { create } from 'zustand';
import type { BackupInfo, BackupSettings } from '../../../preload/contract/backups';
import { api } from '../api/client';
import { newRequestId } from '../api/request-id';
import { useContent } from '../stores/content-store';
import { useProjects } from '../stores/projects-store';
import { useSession } from '../stores/session-store';

export interface BackupTarget {
  id: string;
  name: string;
}

/** A project that did not open because its file is damaged, with its newest backup if there is one. */
export interface DamagedProject extends BackupTarget {
  message: string;
  latest: BackupInfo | null;
}

interface BackupsState {
  /** The project whose Backups dialog is open. */
  target: BackupTarget | null;
  damaged: DamagedProject | null;
  backups: BackupInfo[];
  settings: BackupSettings | null;
  loading: boolean;
  error: string | null;
  busy: 'backup' | 'restore' | null;
  /** Pages copied by the backup in progress. */
  progress: { done: number; total: number } | null;
  show(target: BackupTarget): Promise<void>;
  hide(): void;
  showDamaged(damaged: DamagedProject): void;
  hideDamaged(): void;
  backUpNow(): Promise<void>;
  /** Restores a backup and opens the project; resolves with where the file as it was went. */
  restore(projectId: string, backup: BackupInfo): Promise<{ name: string; safetyCopy: string }>;
  setRetention(days: number): Promise<void>;
}

/** Waits for the editors' autosaves in flight, so what they were saving is in the safety copy, not written over the restore. */
function savesSettled(): Promise<void> {
  return new Promise((resolve) => {
    if (useSession.getState().pendingSaves === 0) return resolve();
    const stop = useSession.subscribe((s) => {
      if (s.pendingSaves > 0) return;
      stop();
      resolve();
    });
  });
}

/** The Backups dialog and the damaged-project offer: listing, backing up with progress, restoring. */
export const useBackups = create<BackupsState>((set, get) => ({
  target: null,
  damaged: null,
  backups: [],
  settings: null,
  loading: false,
  error: null,
  busy: null,
  progress: null,

  async show(target) {
    set({ target, backups: [], loading: true, error: null });
    try {
      const [backups, settings] = await Promise.all([api.call('backups:list', { projectId: target.id }), api.call('backups:settings', {})]);
      if (get().target?.id === target.id) set({ backups, settings });
    } catch (error) {
      set({ error: (error as Error).message });
    } finally {
      set({ loading: false });
    }
  },

  hide: () => set({ target: null, error: null }),
  showDamaged: (damaged) => set({ damaged }),
  hideDamaged: () => set({ damaged: null }),

  async backUpNow() {
    const target = get().target;
    if (!target) return;
    const requestId = newRequestId('backup');
    const stop = api.on('backups:progress', (event) => {
      if (event.requestId === requestId) set({ progress: { done: event.done, total: event.total } });
    });
    set({ busy: 'backup', progress: { done: 0, total: 0 }, error: null });
    try {
      await api.call('backups:create', { projectId: target.id, requestId });
      set({ backups: await api.call('backups:list', { projectId: target.id }) });
    } catch (error) {
      set({ error: (error as Error).message });
    } finally {
      stop();
      set({ busy: null, progress: null });
    }
  },

  async restore(projectId, backup) {
    const session = useSession.getState();
    const wasOpen = session.project?.id === projectId;
    set({ busy: 'restore', error: null });
    try {
      if (wasOpen) {
        // Leaving the project unmounts its editors, which flush their last edits first.
        session.setProject(null);
        useContent.getState().reset();
        await savesSettled();
      }
      const result = await api.call('backups:restore', { projectId, backupId: backup.id });
      await useProjects.getState().refresh();
      await session.openProject(result.projectId);
      set({ target: null, damaged: null });
      return result;
    } catch (error) {
      if (wasOpen) await session.openProject(projectId).catch(() => undefined);
      set({ error: (error as Error).message });
      throw error;
    } finally {
      set({ busy: null });
    }
  },

  async setRetention(retentionDays) {
    const target = get().target;
    const settings = await api.call('backups:setSettings', { retentionDays });
    set({ settings, backups: target ? await api.call('backups:list', { projectId: target.id }) : get().backups });
  },
}));
