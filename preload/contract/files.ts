/**
 * Folders the creator chooses with the system's folder picker (desktop). A chosen folder
 * joins the folders file paths in calls may name (main/core/fs/confined-path.ts) and is
 * remembered, so an export folder on another drive keeps working after a restart.
 */
import { z } from 'zod';
import { method } from './method';

export const fileMethods = {
  'files:chooseFolder': method(
    z.object({ title: z.string().min(1).max(200) }).strict(),
    z.object({ path: z.string().nullable() }),
    "Ask for a folder with the system's folder picker (desktop) and allow paths inside it; path: null when cancelled, or in browser mode, which has no picker",
  ),
} as const;
