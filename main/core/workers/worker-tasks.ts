import {
  checkProjectFile,
  dialogueProblemsFile,
  exportProjectFile,
  importDialogueFile,
  importPackFile,
} from '../export/project-file-tasks';
import {
  createNpcFile,
  deleteItemFile,
  duplicateDialogueFile,
  importCardFile,
  restoreDialogueFile,
  restoreItemFile,
  saveDialogueFile,
  saveNpcFile,
} from './save-tasks';
import { readCardName, writeCardFile } from '../npcs/card-tasks';

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
  /** The check of one dialogue of thousands of nodes, on a read-only connection of its own. */
  dialogueProblems: dialogueProblemsFile,
  /** Export of the open project to the chosen targets, reporting each file written. */
  exportProject: exportProjectFile,
  /** An NPC save too large to check and write between two turns of the event loop (a long lorebook, a large avatar). */
  saveNpc: saveNpcFile,
  /** A new NPC as large. */
  createNpc: createNpcFile,
  /** A large Character Card read and written as an NPC (new, a second of its name, or over one). */
  importCard: importCardFile,
  /** A dialogue save that writes thousands of nodes at once. */
  saveDialogue: saveDialogueFile,
  /** Restoring or deleting an item as large. */
  restoreItem: restoreItemFile,
  deleteItem: deleteItemFile,
  /** Restoring or copying a dialogue of thousands of nodes. */
  restoreDialogue: restoreDialogueFile,
  duplicateDialogue: duplicateDialogueFile,
  /** Only a Character Card's NPC name, for the question asked before importing it. */
  readCardName,
  /** An NPC item's stored record as a Character Card file, JSON or PNG, base64. */
  writeCard: writeCardFile,
};

export type WorkerTaskName = keyof typeof WORKER_TASKS;
