import type { ExportResult, ExportTargetId, ImportResult, ValidationReport } from '../../../preload/contract/export';
import { ProjectSession } from '../project-session';
import type { ProjectFile } from '../projects/project-repository';
import { packMeta, questProblems } from './export-handlers';
import { checkProject, exportPack, preparePack } from './pack-export';
import { importPackIntoProject, readDialogueFile } from './pack-import';
import { readPackSource } from './pack-source';
import { loadProjectContent } from './project-content';
import type { DialogueProblem } from '../../domain/dialogue';
import { dialogueProblems } from '../dialogues/dialogue-problems';
import { asJson, type JsonText } from '../workers/json-text';

/** What a worker thread needs to open the studio's project through a connection of its own. */
export interface ProjectConnection {
  file: ProjectFile;
  nativeBinding?: string;
}

export interface ProjectFileInput extends ProjectConnection {
  studioVersion: string;
}

export interface ProjectImportInput extends ProjectFileInput {
  /** The pack folder, .zip or pack.json, or the .yarn or .twee file, to import. */
  path: string;
}

export interface ProjectExportInput extends ProjectFileInput {
  version: string;
  targets: ExportTargetId[];
  outDir: string;
}

/**
 * Export → Check, Export and imports of a project the studio has open, each through a
 * connection of its own (SQLite's WAL lets it read beside the studio's writes, and write
 * between them). The studio runs them on a worker thread: reading, validating and writing
 * thousands of items takes seconds.
 */
export function withProject<T>({ file, nativeBinding }: ProjectConnection, work: (session: ProjectSession) => T, writes = false): T {
  const session = writes ? ProjectSession.openBeside(file, nativeBinding) : ProjectSession.openReadOnly(file, nativeBinding);
  try {
    return work(session);
  } finally {
    session.close();
  }
}

/** The problems of one dialogue of thousands of nodes, checked on a read-only connection of its own. */
export function dialogueProblemsFile({ id, ...connection }: ProjectConnection & { id: string }): JsonText<DialogueProblem[]> {
  return withProject(connection, (session) => asJson(dialogueProblems(session, id)));
}

export function checkProjectFile(input: ProjectFileInput): ValidationReport {
  return withProject(
    input,
    (session) =>
      checkProject(loadProjectContent(session), packMeta(input.file.name, '1.0.0', input.studioVersion), questProblems(session)).report,
  );
}

/** How often a worker reports progress: each report is a message the studio's thread handles, and tens of thousands of files at once would hold it. */
const PROGRESS_EVERY_MS = 50;

/** Progress passed on at most every PROGRESS_EVERY_MS, and always the last step. */
function everyFewMs(report: (done: number, total: number, path: string) => void): (done: number, total: number, path: string) => void {
  let last = 0;
  return (done, total, path) => {
    const now = performance.now();
    if (done < total && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    report(done, total, path);
  };
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
  const files = await exportPack(project, prepared, meta, { outDir, targets, onProgress: everyFewMs(onProgress) });
  return { written: true, outDir, files, report: prepared.report };
}

/** Reads, inflates and validates a pack, then writes its items into the project, announcing each one written. */
export async function importPackFile(input: ProjectImportInput, announce: (id: string, revision: number) => void): Promise<ImportResult> {
  const pack = await readPackSource(input.path);
  return withProject(input, (session) => importPackIntoProject(session, pack, announce), true);
}

/** Reads a Yarn or Twee file and writes it into the project as a new dialogue. */
export async function importDialogueFile(input: ProjectImportInput): Promise<{ id: string; name: string; nodeCount: number }> {
  const dialogue = await readDialogueFile(input.path);
  return withProject(
    input,
    (session) => {
      const document = session.dialogues.createFrom(dialogue);
      return { id: document.id, name: document.dialogue.name, nodeCount: Object.keys(document.dialogue.nodes).length };
    },
    true,
  );
}
