import { resolve } from 'node:path';
import type { fileMethods } from '../../../preload/contract/files';
import type { Handlers } from '../studio';

type FileHandlers = Pick<Handlers, keyof typeof fileMethods>;

export interface FileHost {
  /** The system's folder picker; only the desktop host has one. Resolves to null when cancelled. */
  chooseFolder?: (title: string) => Promise<string | null>;
  /** Adds a folder the creator chose to those file paths may name, for now and later sessions. */
  allow(folder: string): void;
}

/** `files:chooseFolder`: a folder picked by the creator's own hand is one the studio may use. */
export function fileHandlers(host: FileHost): FileHandlers {
  return {
    'files:chooseFolder': async ({ title }) => {
      if (!host.chooseFolder) return { path: null };
      const chosen = await host.chooseFolder(title);
      if (chosen === null) return { path: null };
      const folder = resolve(chosen);
      host.allow(folder);
      return { path: folder };
    },
  };
}
