import { SCRIPT_LANGUAGES, type ScriptLanguage } from '../../../../main/domain/script';

/** Monaco's language ids are the script languages' own names. */
export const isScriptLanguageId = (value: string): value is ScriptLanguage => (SCRIPT_LANGUAGES as readonly string[]).includes(value);
