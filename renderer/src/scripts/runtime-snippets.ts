/**
 * Snippets that call the exported Loreweaver runtimes, and the one place that names their
 * API: the Roblox runtime (Luau modules under ReplicatedStorage.Loreweaver) and the web
 * runtime (`loreweaver-runtime.js`). When the runtimes' API changes, only this file does.
 */
import type { ScriptLanguage } from '../../../main/domain/script';

/** The Luau runtime as the Roblox export lays it out. */
export const LUAU_RUNTIME = {
  folder: 'game.ReplicatedStorage.Loreweaver',
  dialogueRunner: 'DialogueRunner',
  questState: 'QuestState',
  /** The content pack module the export writes beside the runtime. */
  pack: 'Pack',
} as const;

/** The JavaScript runtime as the web export writes it. */
export const WEB_RUNTIME = {
  module: './loreweaver-runtime.js',
  createDialogueRunner: 'createDialogueRunner',
  createQuestState: 'createQuestState',
  /** The content pack file the export writes beside the runtime. */
  pack: './loreweaver-pack.json',
} as const;

/** Methods both runtimes share (Luau calls them with `:`, JavaScript with `.`). */
export const RUNTIME_METHODS = { step: 'step', choose: 'choose', advance: 'advance', status: 'status', stage: 'stage' } as const;

export interface RuntimeSnippet {
  /** What the writer types to find it in the completion list. */
  prefix: string;
  label: string;
  description: string;
  /** Monaco snippet syntax: `${1:placeholder}`, `$0` for the final cursor. */
  body: string;
}

const L = LUAU_RUNTIME;
const W = WEB_RUNTIME;
const M = RUNTIME_METHODS;

const luau: RuntimeSnippet[] = [
  {
    prefix: 'lw-dialogue',
    label: 'Start a dialogue (Roblox)',
    description: 'Require the Loreweaver DialogueRunner, start a dialogue from the pack and play its first line.',
    body: [
      `local ${L.dialogueRunner} = require(${L.folder}.${L.dialogueRunner})`,
      `local pack = require(${L.folder}.${L.pack})`,
      '',
      `local runner = ${L.dialogueRunner}.new(pack, "\${1:dialogueId}", { variables = { \${2} } })`,
      `local step = runner:${M.step}()`,
      'while step and step.kind ~= "end" do',
      '\tif step.kind == "choice" then',
      `\t\tstep = runner:${M.choose}(step.options[1].id)`,
      '\telse',
      '\t\tprint(step.speaker, step.text)',
      `\t\tstep = runner:${M.advance}()`,
      '\tend',
      'end',
      '$0',
    ].join('\n'),
  },
  {
    prefix: 'lw-quest',
    label: 'Read quest state (Roblox)',
    description: 'Require the Loreweaver QuestState and read a quest’s status and stage.',
    body: [
      `local ${L.questState} = require(${L.folder}.${L.questState})`,
      `local pack = require(${L.folder}.${L.pack})`,
      '',
      `local quests = ${L.questState}.new(pack)`,
      `if quests:${M.status}("\${1:questId}") == "active" then`,
      `\tprint("Stage", quests:${M.stage}("\${1:questId}"))`,
      'end',
      '$0',
    ].join('\n'),
  },
];

const web: RuntimeSnippet[] = [
  {
    prefix: 'lw-dialogue',
    label: 'Start a dialogue (web)',
    description: 'Import the Loreweaver web runtime, start a dialogue from the pack and play it through.',
    body: [
      `import { ${W.createDialogueRunner} } from '${W.module}';`,
      '',
      `const pack = await fetch('${W.pack}').then((response) => response.json());`,
      `const runner = ${W.createDialogueRunner}(pack, '\${1:dialogueId}', { variables: { \${2} } });`,
      `let step = runner.${M.step}();`,
      "while (step && step.kind !== 'end') {",
      `\tstep = step.kind === 'choice' ? runner.${M.choose}(step.options[0].id) : (console.log(step.speaker, step.text), runner.${M.advance}());`,
      '}',
      '$0',
    ].join('\n'),
  },
  {
    prefix: 'lw-quest',
    label: 'Read quest state (web)',
    description: 'Import the Loreweaver web runtime and read a quest’s status and stage.',
    body: [
      `import { ${W.createQuestState} } from '${W.module}';`,
      '',
      `const pack = await fetch('${W.pack}').then((response) => response.json());`,
      `const quests = ${W.createQuestState}(pack);`,
      `if (quests.${M.status}('\${1:questId}') === 'active') console.log('Stage', quests.${M.stage}('\${1:questId}'));`,
      '$0',
    ].join('\n'),
  },
];

/** The snippets that fit a script's language (none for JSON). */
export function runtimeSnippets(language: ScriptLanguage): readonly RuntimeSnippet[] {
  if (language === 'luau') return luau;
  if (language === 'typescript' || language === 'javascript') return web;
  return [];
}

/**
 * Types of the web runtime for the TypeScript worker, so code written from the snippets
 * type-checks in the editor (loaded as `loreweaver-runtime.d.ts` beside the scripts).
 */
export const WEB_RUNTIME_TYPES = `
export interface DialogueOption { id: string; text: string }
export type DialogueStep =
  | { kind: 'line'; speaker: string; text: string }
  | { kind: 'choice'; speaker: string; text: string; options: DialogueOption[] }
  | { kind: 'end' };
export interface DialogueRunner {
  ${M.step}(): DialogueStep | null;
  ${M.choose}(optionId: string): DialogueStep | null;
  ${M.advance}(): DialogueStep | null;
}
export interface QuestState {
  ${M.status}(questId: string): 'inactive' | 'active' | 'completed' | 'failed';
  ${M.stage}(questId: string): string | null;
}
export function ${W.createDialogueRunner}(pack: unknown, dialogueId: string, options?: { variables?: Record<string, unknown>; seed?: number }): DialogueRunner;
export function ${W.createQuestState}(pack: unknown): QuestState;
`;
