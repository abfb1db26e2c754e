import type { ValidationReport } from '../../../preload/contract/export';
import { ProjectSession } from '../project-session';
import type { ProjectFile } from '../projects/project-repository';
import { packMeta, questProblems } from './export-handlers';
import { checkProject } from './pack-export';
import { loadProjectContent } from './project-content';

export interface ProjectCheckInput {
  file: ProjectFile;
  studioVersion: string;
  nativeBinding?: string;
}

/**
 * Export → Check of a project the studio has open, read through a connection of its own
 * (read-only; SQLite's WAL lets it read beside the studio's writes). The studio runs it on
 * a worker thread: loading and validating thousands of items takes seconds.
 */
export function checkProjectFile({ file, studioVersion, nativeBinding }: ProjectCheckInput): ValidationReport {
  const session = ProjectSession.openReadOnly(file, nativeBinding);
  try {
    return checkProject(loadProjectContent(session), packMeta(file.name, '1.0.0', studioVersion), questProblems(session)).report;
  } finally {
    session.close();
  }
}
