import type { languages } from 'monaco-editor';
import { compile } from 'monaco-editor/editor/standalone/common/monarch/monarchCompile';
import { MonarchTokenizer } from 'monaco-editor/editor/standalone/common/monarch/monarchLexer';

const noEvent = () => ({ dispose() {} });

/**
 * Tokenizes lines with Monaco's own Monarch lexer, as the editor does: `[text, token type]`
 * per token (the language postfix dropped, whitespace left out). Compiling also checks the grammar.
 */
export function tokenizeLines(languageId: string, grammar: languages.IMonarchLanguage, lines: readonly string[]): [string, string][][] {
  const lexer = compile(languageId, grammar);
  const configuration = { getValue: () => 20_000, onDidChangeConfiguration: noEvent };
  const tokenizer = new MonarchTokenizer({}, { onDidChangeColorTheme: noEvent }, languageId, lexer, configuration);
  let state = tokenizer.getInitialState();
  const postfix = `.${languageId}`;
  return lines.map((line) => {
    const { tokens, endState } = tokenizer.tokenize(line, true, state);
    state = endState;
    return tokens
      .map((token, i): [string, string] => [
        line.slice(token.offset, tokens[i + 1]?.offset ?? line.length),
        token.type.replace(postfix, ''),
      ])
      .filter(([text]) => text.trim() !== '');
  });
}
