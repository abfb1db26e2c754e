import type { backupMethods } from '../../../preload/contract/backups';
import { AppError } from '../app-error';
import { openProjectDb } from '../db/project-db';
import type { ProjectSession } from '../project-session';
import type { ProjectFile, ProjectRepository } from '../projects/project-repository';
import type { SettingsStore } from '../workspace/settings';
import type { Handlers } from '../studio';
import type { BackupCopy, BackupService } from './backup-service';
import { onlineBackup } from './online-backup';

type BackupHandlers = Pick<Handlers, keyof typeof backupMethods>;

export interface BackupHost {
  service: BackupService;
  settings: SettingsStore;
  repository(): ProjectRepository;
  /** The open project, if any: its own connection makes the copy, so saves go on meanwhile. */
  session(): ProjectSession | null;
  /** Closes the project while `change` replaces its file, then reopens it if it was open. */
  whileClosed(id: string, change: () => Promise<ProjectFile>): Promise<ProjectFile>;
  progress(requestId: string, projectId: string, done: number, total: number): void;
  restored(): void;
  nativeBinding?: string;
}

export function backupHandlers(host: BackupHost): BackupHandlers {
  /** The open project copies through its connection; a closed one is opened read-only for the copy. */
  const copierFor = (file: ProjectFile): BackupCopy => {
    const session = host.session();
    if (session?.id === file.id) return (dest, progress) => session.backup(dest, progress);
    return async (dest, progress) => {
      const db = openProjectDb(file.path, { readonly: true, nativeBinding: host.nativeBinding });
      try {
        await onlineBackup(db, dest, progress);
      } finally {
        db.close();
      }
    };
  };

  return {
    'backups:list': ({ projectId }) => host.service.list(host.repository().find(projectId)),

    'backups:create': ({ projectId, requestId }) => {
      const file = host.repository().find(projectId);
      const report = requestId ? (done: number, total: number) => host.progress(requestId, projectId, done, total) : undefined;
      return host.service.create(file, 'manual', copierFor(file), report);
    },

    'backups:restore': async ({ projectId, backupId }) => {
      const repository = host.repository();
      let safetyCopy = '';
      const restored = await host.whileClosed(projectId, async () => {
        const result = await host.service.restore(repository.find(projectId), backupId, repository.trashDir);
        safetyCopy = result.safetyCopy;
        const file = repository.list().find((f) => f.path === result.path);
        if (!file) throw new AppError('io_error', `${result.path} is missing after the restore.`);
        return file;
      });
      host.restored();
      return { projectId: restored.id, name: restored.name, safetyCopy };
    },

    'backups:settings': () => host.service.settings(),

    'backups:setSettings': ({ retentionDays }) => {
      host.settings.update((s) => ({ ...s, backupRetentionDays: retentionDays }));
      host.service.pruneAll();
      return host.service.settings();
    },
  };
}
