/**
 * Monaco, set up once for the studio: workers bundled with the app (Vite `?worker`, served
 * from 'self', so the strict CSP needs nothing new), the Luau language, the TypeScript
 * worker's options and the web runtime's types, runtime snippets and AI inline completions.
 * Only the script editor imports this module, so Monaco loads when a script is opened.
 */
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import type { ScriptLanguage } from '../../../../main/domain/script';
// Generated from main/domain by every build (scripts/web-runtime): the same types the web export ships.
import WEB_RUNTIME_TYPES from '../../../../resources/runtime/web/loreweaver-runtime.d.ts?raw';
import { registerInlineCompletions } from './inline-completions';
import { luauConfiguration, luauLanguage } from './luau-language';
import { registerRuntimeSnippets } from './snippet-completions';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'typescript' || label === 'javascript') return new TsWorker();
    if (label === 'json') return new JsonWorker();
    return new EditorWorker();
  },
};

monaco.languages.register({ id: 'luau', extensions: ['.luau'], aliases: ['Luau', 'luau'] });
monaco.languages.setLanguageConfiguration('luau', luauConfiguration);
monaco.languages.setMonarchTokensProvider('luau', luauLanguage);

/** Scripts are checked one by one: a module they import from outside the studio (other than the runtime) is not an error here. */
const CANNOT_FIND_MODULE = [2307, 2792];
const compilerOptions: monaco.typescript.CompilerOptions = {
  target: monaco.typescript.ScriptTarget.ES2020,
  module: monaco.typescript.ModuleKind.ESNext,
  moduleResolution: monaco.typescript.ModuleResolutionKind.NodeJs,
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
};
for (const defaults of [monaco.typescript.typescriptDefaults, monaco.typescript.javascriptDefaults]) {
  defaults.setCompilerOptions({
    ...compilerOptions,
    ...(defaults === monaco.typescript.javascriptDefaults ? { allowJs: true, checkJs: true } : {}),
  });
  defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false, diagnosticCodesToIgnore: CANNOT_FIND_MODULE });
  defaults.addExtraLib(WEB_RUNTIME_TYPES, 'file:///scripts/loreweaver-runtime.d.ts');
}

registerRuntimeSnippets(monaco);
registerInlineCompletions(monaco);

/** Monaco's id for each script language. */
export const MONACO_LANGUAGE: Record<ScriptLanguage, string> = {
  luau: 'luau',
  typescript: 'typescript',
  javascript: 'javascript',
  json: 'json',
};

/**
 * The model of a script. Luau and TypeScript share the `.ts` address so that converting a
 * whole file between them switches the language of the same model, keeping its undo
 * history; the TypeScript worker reads a model only while its language is TypeScript.
 */
export function scriptModelUri(id: string, language: ScriptLanguage): monaco.Uri {
  const extension = language === 'javascript' ? 'js' : language === 'json' ? 'json' : 'ts';
  return monaco.Uri.parse(`file:///scripts/${encodeURIComponent(id)}.${extension}`);
}

export { monaco };
