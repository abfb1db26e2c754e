/** Monaco's Lua grammar module (plain data, no editor code), which the Luau grammar extends. */
declare module 'monaco-editor/languages/definitions/lua/lua' {
  import type { languages } from 'monaco-editor';
  export const conf: languages.LanguageConfiguration;
  export const language: languages.IMonarchLanguage & { keywords: string[]; operators: string[] };
}
