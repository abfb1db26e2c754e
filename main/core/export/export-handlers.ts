import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { exportMethods } from '../../../preload/contract/export';
import { PackError, type PackMeta, type PackProblem } from '../../domain/pack';
import { AppError } from '../app-error';
import type { ProjectSession } from '../project-session';
import type { Handlers } from '../studio';
import { packIdFor } from './pack-export';
import type { ProjectFileInput } from './project-file-tasks';
import { runInWorker } from '../workers/run-in-worker';

type ExportHandlers = Pick<Handlers, keyof typeof exportMethods>;

export interface ExportHost {
  session(): ProjectSession;
  /** The studio's version, written into the manifest as `createdWith`. */
  version: string;
  progress(requestId: string, done: number, total: number, path: string): void;
  changed(id: string, revision: number): void;
  /** better-sqlite3's native binding when the host has its own build (the desktop app), for the worker's connection. */
  nativeBinding?: string;
  /** The desktop's file manager; absent in browser mode, where the page shows the path instead. */
  openFolder?: (path: string) => Promise<void>;
}

/**
 * Quest problems join the pack report so the Export page lists them with the rest. Those
 * about dialogue actions are left out: the dialogue's own validation reports them, at the
 * action's field, when the pack is built.
 */
export function questProblems(session: ProjectSession): PackProblem[] {
  return session.quests
    .validate()
    .filter((p) => p.dialogueId === undefined)
    .map((p) => ({
      severity: p.severity,
      code: p.code,
      message: p.message,
      ...(p.questId ? { itemKind: 'quest' as const, itemId: p.questId } : {}),
      ...(p.field ? { field: p.field } : {}),
    }));
}

export const packMeta = (name: string, version: string, studioVersion: string): PackMeta => ({
  packId: packIdFor(name),
  name,
  version,
  createdWith: `loreweaver-studio ${studioVersion}`,
});

function openProject(host: ExportHost, projectId: string): ProjectSession {
  const session = host.session();
  if (session.id !== projectId)
    throw new AppError('invalid_input', `Project ${projectId} is not the open project; open it before exporting.`);
  return session;
}

const fromPackError = async <T>(run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PackError) throw new AppError('invalid_input', error.message);
    throw error;
  }
};

/** What a worker needs to open the project (the open one, or the one named, which must be open) through a connection of its own. */
const projectFile = (host: ExportHost, projectId = host.session().id): ProjectFileInput => ({
  file: openProject(host, projectId).file,
  studioVersion: host.version,
  ...(host.nativeBinding === undefined ? {} : { nativeBinding: host.nativeBinding }),
});

/** The `export:*` and `import:*` methods over the open project. */
export function exportHandlers(host: ExportHost): ExportHandlers {
  return {
    'export:validate': ({ projectId }) => runInWorker('checkProject', projectFile(host, projectId)),
    'export:pack': ({ projectId, targets, outDir, version = '1.0.0', requestId }) =>
      runInWorker(
        'exportProject',
        { ...projectFile(host, projectId), version, targets: [...targets], outDir },
        requestId ? (done, total, path) => host.progress(requestId, done, total, path) : undefined,
      ),
    'import:pack': ({ path }) => fromPackError(() => runInWorker('importPack', { ...projectFile(host), path }, host.changed)),
    'export:openFolder': async ({ path }) => {
      const full = resolve(path);
      const info = await stat(full).catch(() => undefined);
      if (!info?.isDirectory()) throw new AppError('not_found', `There is no folder at ${full}.`);
      if (!host.openFolder) return { opened: false, path: full };
      await host.openFolder(full);
      return { opened: true, path: full };
    },
    'import:dialogue': async ({ path }) => {
      const result = await runInWorker('importDialogue', { ...projectFile(host), path });
      host.changed(result.id, 1);
      return result;
    },
  };
}
