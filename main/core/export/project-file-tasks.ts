import type { ExportResult, ExportTargetId, ValidationReport } from '../../../preload/contract/export';
import { ProjectSession } from '../project-session';
import type { ProjectFile } from '../projects/project-repository';
import { packMeta, questProblems } from './export-handlers';
import { checkProject, exportPack, preparePack } from './pack-export';
import { loadProjectContent } from './project-content';

export interface ProjectFileInput {
  file: ProjectFile;
  studioVersion: string;
  nativeBinding?: string;
}

export interface ProjectExportInput extends ProjectFileInput {
  version: string;
  targets: ExportTargetId[];
  outDir: string;
}

/**
 * Export → Check and Export of a project the studio has open, each read through a
 * connection of its own (read-only; SQLite's WAL lets it read beside the studio's writes).
 * The studio runs them on a worker thread: loading, validating and writing thousands of
 * items takes seconds.
 */
function withProject<T>({ file, nativeBinding }: ProjectFileInput, work: (session: ProjectSession) => T): T {
  const session = ProjectSession.openReadOnly(file, nativeBinding);
  try {
    return work(session);
  } finally {
    session.close();
  }
}

export function checkProjectFile(input: ProjectFileInput): ValidationReport {
  return withProject(
    input,
    (session) =>
      checkProject(loadProjectContent(session), packMeta(input.file.name, '1.0.0', input.studioVersion), questProblems(session)).report,
  );
}

/** Validates, then writes each target; nothing is written when validation finds errors. */
export async function exportProjectFile(
  input: ProjectExportInput,
  onProgress: (done: number, total: number, path: string) => void,
): Promise<ExportResult> {
  const meta = packMeta(input.file.name, input.version, input.studioVersion);
  const { project, prepared } = withProject(input, (session) => {
    const content = loadProjectContent(session);
    return { project: content, prepared: preparePack(content, meta, questProblems(session)) };
  });
  const { outDir, targets } = input;
  if (prepared.report.errors.length) return { written: false, outDir, files: [], report: prepared.report };
  const files = await exportPack(project, prepared, meta, { outDir, targets, onProgress });
  return { written: true, outDir, files, report: prepared.report };
}
