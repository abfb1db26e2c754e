/** Monaco's Monarch compiler and lexer (no DOM needed), so grammars can be tokenized in plain Node. */
declare module 'monaco-editor/editor/standalone/common/monarch/monarchCompile' {
  export function compile(languageId: string, json: unknown): unknown;
}
declare module 'monaco-editor/editor/standalone/common/monarch/monarchLexer' {
  export const MonarchTokenizer: new (...args: unknown[]) => {
    getInitialState(): unknown;
    tokenize(line: string, hasEOL: boolean, state: unknown): { tokens: { offset: number; type: string }[]; endState: unknown };
  };
}
