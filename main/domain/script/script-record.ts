import { z } from 'zod';
import { defineRecordType, loadRecord } from '../records/versioned-record';
import { FolderPath } from './folder-path';

export const SCRIPT_SCHEMA_VERSION = 1;

/** The languages the script editor knows: Luau for Roblox, TypeScript and JavaScript for web worlds, JSON for data. */
export const SCRIPT_LANGUAGES = ['luau', 'typescript', 'javascript', 'json'] as const;
export const ScriptLanguage = z.enum(SCRIPT_LANGUAGES);
export type ScriptLanguage = z.infer<typeof ScriptLanguage>;

export const SCRIPT_LANGUAGE_LABELS: Record<ScriptLanguage, string> = {
  luau: 'Luau',
  typescript: 'TypeScript',
  javascript: 'JavaScript',
  json: 'JSON',
};

/** The file extension a script would have on disk, shown beside its name and used for Monaco model URIs. */
export const SCRIPT_EXTENSIONS: Record<ScriptLanguage, string> = { luau: 'luau', typescript: 'ts', javascript: 'js', json: 'json' };

/** Code up to 1 MB: far beyond any hand-written script, small enough to keep every save one quick row write. */
export const MAX_SCRIPT_CODE = 1_000_000;

/** A script item's data. The name lives on the item row; the folder groups it in the list. */
export const ScriptData = z
  .object({
    schemaVersion: z.literal(SCRIPT_SCHEMA_VERSION),
    language: ScriptLanguage,
    folder: FolderPath,
    code: z.string().max(MAX_SCRIPT_CODE, `Code must be at most ${MAX_SCRIPT_CODE.toLocaleString('en')} characters`),
  })
  .strict();
export type ScriptData = z.infer<typeof ScriptData>;

export const newScriptData = (language: ScriptLanguage = 'luau', folder = '', code = ''): ScriptData => ({
  schemaVersion: SCRIPT_SCHEMA_VERSION,
  language,
  folder,
  code,
});

/**
 * Script format history. Version 0 is the foundation's generic item (`{ notes }`); its notes
 * are kept as a Luau block comment at the top of the code, so nothing written is lost.
 */
export const ScriptRecord = defineRecordType<ScriptData, undefined>('script', ScriptData, [
  {
    version: 1,
    description: 'generic item with notes becomes a Luau script',
    up: (record) => newScriptData('luau', '', typeof record.notes === 'string' && record.notes ? `--[[\n${record.notes}\n]]\n` : ''),
  },
]);

/** Opens stored script data of any version; throws RecordError when it is too new or invalid. */
export const loadScript = (raw: unknown): ScriptData => loadRecord(ScriptRecord, raw, undefined);
