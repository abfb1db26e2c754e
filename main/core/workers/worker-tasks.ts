import { checkProjectFile, exportProjectFile, importDialogueFile, importPackFile } from '../export/project-file-tasks';
import { readCardFile, readCardName, writeCardFile } from '../npcs/card-tasks';

/**
 * The work the studio does on a worker thread, by name: each task takes and returns
 * structured-clonable values, and may report progress (done, total, what). Only work that a file's content can make long belongs here,
 * so that the event loop (the window in the desktop app) stays free while it runs.
 */
export const WORKER_TASKS = {
  /** A pack folder, .zip or pack.json read, inflated, hashed and validated, then written into the open project item by item. */
  importPack: importPackFile,
  /** A Yarn or Twee file parsed and written into the open project as a new dialogue. */
  importDialogue: importDialogueFile,
  /** Export → Check of the open project, on a read-only connection of its own. */
  checkProject: checkProjectFile,
  /** Export of the open project to the chosen targets, reporting each file written. */
  exportProject: exportProjectFile,
  /** A Character Card file (base64 or bytes) decoded and mapped to an NPC persona. */
  readCard: readCardFile,
  /** Only a Character Card's NPC name, for the question asked before importing it. */
  readCardName,
  /** An NPC item's stored record as a Character Card file, JSON or PNG, base64. */
  writeCard: writeCardFile,
};

export type WorkerTaskName = keyof typeof WORKER_TASKS;
