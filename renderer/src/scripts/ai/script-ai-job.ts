import type { ScriptLanguage } from '../../../../main/domain/script';
import type { monaco } from '../monaco/monaco-setup';

/** One AI request on a script, from the moment it is asked until its result is applied or dropped. */
export type ScriptAiJob =
  | { kind: 'explain'; language: ScriptLanguage; code: string }
  | { kind: 'function'; language: ScriptLanguage; comment: string; context: string; insertAfterLine: number }
  | { kind: 'convert'; from: ScriptLanguage; to: ScriptLanguage; code: string; range: monaco.IRange; wholeFile: boolean };

export const JOB_TITLES: Record<ScriptAiJob['kind'], string> = {
  explain: 'Explain selection',
  function: 'Function from comment',
  convert: 'Convert',
};
