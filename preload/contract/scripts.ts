/**
 * The script part of the contract. Scripts are content items of kind `script` whose data is
 * a versioned record (main/domain/script); they are read and saved with the generic
 * `content:*` methods, which check that data. These methods serve the folder tree.
 */
import { z } from 'zod';
import { FolderPath, ScriptLanguage } from '../../main/domain/script';
import { method } from './method';

/** What the script tree shows, read without loading any code. */
export const ScriptSummary = z.object({
  id: z.string(),
  name: z.string(),
  language: ScriptLanguage,
  folder: z.string(),
  revision: z.number().int().positive(),
  updatedAt: z.string(),
});
export type ScriptSummary = z.infer<typeof ScriptSummary>;

export const scriptMethods = {
  'scripts:list': method(
    z.object({}).strict(),
    z.array(ScriptSummary),
    'Scripts of the open project with their language and folder, by name',
  ),
  'scripts:moveFolder': method(
    z.object({ from: FolderPath.refine((s) => s !== '', 'Choose a folder to move'), to: FolderPath }).strict(),
    z.object({ moved: z.number().int().nonnegative() }),
    'Rename or move a folder: every script in it or below it gets the new folder path (one revision each)',
  ),
} as const;
