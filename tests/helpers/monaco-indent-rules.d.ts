/** Monaco's indentation-rule matcher (no DOM needed), so a language's indentation rules can be checked in plain Node. */
declare module 'monaco-editor/editor/common/languages/supports/indentRules' {
  import type { languages } from 'monaco-editor';
  export class IndentRulesSupport {
    constructor(rules: languages.IndentationRule | null);
    shouldIncrease(text: string): boolean;
    shouldDecrease(text: string): boolean;
  }
}
