import type * as Monaco from 'monaco-editor';
import { runtimeSnippets } from '../runtime-snippets';
import { isScriptLanguageId } from './language-ids';

/** What the writer has typed of a snippet prefix (`lw`, `lw-`, `lw-dia`…), at the end of the text before the cursor. */
const TYPED_PREFIX = /\blw(?:-[\w-]*)?$/;

/**
 * Offers the runtime snippets in the completion list of Luau, TypeScript and JavaScript
 * scripts once the writer types `lw`, never on other words (Monaco asks as-you-type and on
 * Ctrl+Space alike), so Enter after `do` or `end` stays a line break. The editor's
 * Snippets menu lists them too.
 */
export function registerRuntimeSnippets(monaco: typeof Monaco): void {
  monaco.languages.registerCompletionItemProvider(['luau', 'typescript', 'javascript'], {
    triggerCharacters: ['-'],
    provideCompletionItems(model, position) {
      const language = model.getLanguageId();
      if (!isScriptLanguageId(language)) return { suggestions: [] };
      const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const typed = TYPED_PREFIX.exec(before)?.[0];
      if (!typed) return { suggestions: [] };
      const range = new monaco.Range(position.lineNumber, position.column - typed.length, position.lineNumber, position.column);
      return {
        suggestions: runtimeSnippets(language).map((snippet) => ({
          label: { label: snippet.prefix, description: snippet.label },
          kind: monaco.languages.CompletionItemKind.Snippet,
          detail: snippet.label,
          documentation: snippet.description,
          insertText: snippet.body,
          insertTextRules: monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet,
          filterText: snippet.prefix,
          range,
        })),
      };
    },
  });
}
