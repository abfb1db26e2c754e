import type { languages } from 'monaco-editor';
import { conf as luaConf, language as lua } from 'monaco-editor/languages/definitions/lua/lua';

/** Words Luau adds to Lua 5.1. `continue`, `export`, `type` and `typeof` are contextual in Luau but almost always mean the keyword. */
export const LUAU_EXTRA_KEYWORDS = ['continue', 'export', 'type', 'typeof'] as const;

/** Built-in type names, coloured as types wherever they appear. */
export const LUAU_BUILTIN_TYPES = [
  'any',
  'boolean',
  'buffer',
  'never',
  'number',
  'string',
  'thread',
  'unknown',
  'vector',
  'userdata',
] as const;

export const LUAU_KEYWORDS: readonly string[] = [...lua.keywords, ...LUAU_EXTRA_KEYWORDS];

/** Compound assignment, floor division, the return arrow and the type-cast operator. */
export const LUAU_EXTRA_OPERATORS = ['+=', '-=', '*=', '/=', '//=', '%=', '^=', '..=', '//', '->', '::', '?', '|', '&'] as const;

/** Plain words: keywords or identifiers (`string` alone is the string library, not the type). */
const identifier = { cases: { '@keywords': { token: 'keyword.$0' }, '@default': 'identifier' } };

/** After `:`, `::` or `->`: a type name (a built-in, a declared type or `()`). */
const typeName = { cases: { '@typeKeywords': 'type', '@keywords': 'keyword', '@default': 'type.identifier' } };

/**
 * Luau as a Monarch grammar: Monaco's Lua with Luau's keywords, built-in types, type
 * annotations (`local hp: number`, `(): ()`, `-> Quest?`), `type`/`export type`
 * declarations, compound assignment, binary and `_` numbers, long strings and backtick
 * strings with `{expression}` interpolation.
 */
export const luauLanguage: languages.IMonarchLanguage = {
  ...lua,
  tokenPostfix: '.luau',
  keywords: LUAU_KEYWORDS,
  typeKeywords: LUAU_BUILTIN_TYPES,
  operators: [...lua.operators, ...LUAU_EXTRA_OPERATORS],
  symbols: /[=><!~?:&|+\-*/^%.]+/,
  tokenizer: {
    root: [
      // type Foo = … / export type Foo<T> = …
      [/(type)(\s+)([a-zA-Z_]\w*)/, ['keyword.type', '', 'type.identifier']],
      // method calls: runner:step(), before a `:` is taken as an annotation
      [/(:)([a-zA-Z_]\w*)(?=\s*[("'{`])/, ['delimiter', 'identifier']],
      // annotations and casts: `: number`, `:: Quest`, `-> ()`
      [/(::|:|->)(\s*)([a-zA-Z_]\w*)/, ['delimiter', '', typeName]],
      [/[a-zA-Z_]\w*/, identifier],
      { include: '@whitespace' },
      [/(,)(\s*)([a-zA-Z_]\w*)(\s*)(=)(?!=)/, ['delimiter', '', 'key', '', 'delimiter']],
      [/({)(\s*)([a-zA-Z_]\w*)(\s*)(=)(?!=)/, ['@brackets', '', 'key', '', 'delimiter']],
      [/\[(=*)\[/, { token: 'string', next: '@longString.$1' }],
      [/[{}()[\]]/, '@brackets'],
      [/@symbols/, { cases: { '@operators': 'delimiter', '@default': '' } }],
      [/0[bB][01_]+/, 'number.binary'],
      [/0[xX][0-9a-fA-F_]*[0-9a-fA-F]/, 'number.hex'],
      [/(\d[\d_]*)?\.\d[\d_]*([eE][-+]?\d+)?/, 'number.float'],
      [/\d[\d_]*([eE][-+]?\d+)?/, 'number'],
      [/[;,.]/, 'delimiter'],
      [/"([^"\\]|\\.)*$/, 'string.invalid'],
      [/'([^'\\]|\\.)*$/, 'string.invalid'],
      [/"/, 'string', '@string."'],
      [/'/, 'string', "@string.'"],
      [/`/, 'string', '@interpolated'],
    ],
    whitespace: lua.tokenizer.whitespace,
    comment: lua.tokenizer.comment,
    string: lua.tokenizer.string,
    longString: [
      [/[^\]]+/, 'string'],
      [/\](=*)\]/, { cases: { '$1==$S2': { token: 'string', next: '@pop' }, '@default': 'string' } }],
      [/./, 'string'],
    ],
    interpolated: [
      [/[^`{\\]+/, 'string'],
      [/@escapes/, 'string.escape'],
      [/\\./, 'string.escape.invalid'],
      [/\{/, { token: 'delimiter.bracket', next: '@interpolation' }],
      [/`/, 'string', '@pop'],
    ],
    interpolation: [[/\}/, { token: 'delimiter.bracket', next: '@pop' }], { include: 'root' }],
  },
};

/**
 * Block indentation, after VS Code's Lua configuration: a line that opens a block (`then`,
 * `do`, `function`, `repeat`, `else`, or an open `{` or `(`) and does not close it again
 * indents the next line; a line starting with `end`, `else`, `elseif`, `until` or a
 * closing bracket moves back one level as it is typed. Text after `--` opens nothing.
 */
export const luauIndentationRules: languages.IndentationRule = {
  increaseIndentPattern: /^((?!--).)*((\b(else|function|then|do|repeat)\b((?!\b(end|until)\b).)*)|([{(]\s*))$/,
  decreaseIndentPattern: /^\s*((\b(elseif|else|end|until)\b)|[})])/,
};

/** Lua's brackets and comments, plus backticks that close themselves and block indentation. */
export const luauConfiguration: languages.LanguageConfiguration = {
  ...luaConf,
  autoClosingPairs: [...(luaConf.autoClosingPairs ?? []), { open: '`', close: '`' }],
  surroundingPairs: [...(luaConf.surroundingPairs ?? []), { open: '`', close: '`' }],
  indentationRules: luauIndentationRules,
};
