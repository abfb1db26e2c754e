import type { DialogueProblem } from './dialogue-problem';
import type { Dialogue } from './dialogue-schema';
import { checkGraph } from './graph-rules';
import { checkNode, declaredVariables, type NodeRuleContext } from './node-rules';
import type { DialogueReferences } from './reference-rules';
import { validationLanguage } from './validation-language';

/** The project's dialogues, quests and items the dialogue's jumps, actions and conditions are checked against. */
export type ValidateOptions = DialogueReferences;

/**
 * Every problem of a dialogue, each with the node and field it is about: variables declared
 * twice first, then per-node problems in node order (with references to quests, stages,
 * objectives, items and dialogues the project does not have), then connection problems
 * (start, links, reachability). Linear in the size of the dialogue, with no recursion, so a
 * 10,000-node dialogue validates well inside the editor's 100 ms budget.
 */
export function validateDialogue(dialogue: Dialogue, options: ValidateOptions = {}): DialogueProblem[] {
  const problems: DialogueProblem[] = [];
  const report = (problem: DialogueProblem) => problems.push(problem);
  const variables = declaredVariables(dialogue, report);
  const ctx: NodeRuleContext = {
    variables,
    lineIds: new Map(),
    sectionTitles: new Map(),
    language: validationLanguage(variables),
    refs: options,
    nodeExists: (id) => Object.hasOwn(dialogue.nodes, id),
    report,
  };
  for (const node of Object.values(dialogue.nodes)) checkNode(node, ctx);
  checkGraph(dialogue, report);
  return problems;
}
