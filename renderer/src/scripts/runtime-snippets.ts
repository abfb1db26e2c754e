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
  pack: './pack.json',
} as const;

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

const luau: RuntimeSnippet[] = [
  {
    prefix: 'lw-dialogue',
    label: 'Start a dialogue (Roblox)',
    description: 'Require the Loreweaver DialogueRunner, start a dialogue from the pack and play it through.',
    body: [
      `local ${L.dialogueRunner} = require(${L.folder}.${L.dialogueRunner})`,
      `local pack = require(${L.folder}.${L.pack})`,
      '',
      `local runner = ${L.dialogueRunner}.new(pack, "\${1:dialogueId}", { seed = os.time() })`,
      'local step = runner:step()',
      'while step.type ~= "end" do',
      '\tif step.type == "choice" then',
      '\t\t-- Show step.options to the player; options with available = false cannot be chosen.',
      '\t\tlocal chosen = nil',
      '\t\tfor _, option in ipairs(step.options) do',
      '\t\t\tif option.available then',
      '\t\t\t\tchosen = option',
      '\t\t\t\tbreak',
      '\t\t\tend',
      '\t\tend',
      '\t\tif chosen == nil then break end',
      '\t\tstep = runner:choose(chosen.id)',
      '\telseif step.type == "aiLine" then',
      '\t\t-- Pass improvised (and filtered) text to advance, or nothing for the authored fallback.',
      '\t\tprint(step.speaker, step.fallbackText)',
      '\t\tstep = runner:advance()',
      '\telse',
      '\t\tprint(step.speaker, step.text)',
      '\t\tstep = runner:advance()',
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
      '-- After each dialogue the player plays: quests:apply(runner.events)',
      'if quests:status("${1:questId}") == "active" then',
      '\tprint("Stage", quests:stage("${1:questId}"))',
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
      `const runner = ${W.createDialogueRunner}(pack, '\${1:dialogueId}', { seed: Date.now() });`,
      'let step = runner.step;',
      "while (step.type !== 'end') {",
      "\tif (step.type === 'choice') {",
      '\t\t// Show step.options to the player; options with available: false cannot be chosen.',
      '\t\tconst chosen = step.options.find((option) => option.available);',
      '\t\tif (!chosen) break;',
      '\t\tstep = runner.choose(chosen.id);',
      '\t} else {',
      "\t\tconsole.log(step.speaker, step.type === 'line' ? step.text : step.fallbackText);",
      '\t\tstep = runner.advance();',
      '\t}',
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
      '// After each dialogue the player plays: quests.apply(runner.events)',
      "if (quests.status('${1:questId}') === 'active') console.log('Stage', quests.stage('${1:questId}'));",
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
