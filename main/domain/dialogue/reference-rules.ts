import type { DialogueProblem } from './dialogue-problem';
import type { DialogueAction } from './dialogue-schema';
import type { Expr } from './expression/ast';

/** What a dialogue needs to know of a quest it names: its title, its stages in order and its objectives. */
export interface QuestOutline {
  id: string;
  title: string;
  stages: { id: string; title: string }[];
  objectives: { id: string; description: string; stageId: string }[];
}

/**
 * The project's content a dialogue may name by id. Each lookup is optional: without it,
 * that kind of reference is not checked (a dialogue validated alone, or before the
 * project's lists have loaded).
 */
export interface DialogueReferences {
  dialogueExists?: (dialogueId: string) => boolean;
  /** The quest's outline, or undefined when the project has no such quest. */
  quest?: (questId: string) => QuestOutline | undefined;
  itemExists?: (itemId: string) => boolean;
}

/** The names shown for what a dialogue refers to (playthrough log, editor); an id the project lacks has none. */
export interface ReferenceNames {
  quest(questId: string): QuestOutline | undefined;
  item(itemId: string): string | undefined;
}

type Report = (problem: DialogueProblem) => void;

const questName = (quest: QuestOutline) => `"${quest.title || quest.id}"`;

/** The quest an action or condition names, reporting it when the project has none by that id. */
function knownQuest(questId: string, refs: DialogueReferences, at: Omit<DialogueProblem, 'severity' | 'code' | 'message'>, report: Report) {
  if (!refs.quest) return undefined;
  const quest = refs.quest(questId);
  if (!quest) report({ severity: 'error', code: 'unknown_quest', message: `Quest "${questId}" does not exist in this project`, ...at });
  return quest;
}

function checkObjective(
  quest: QuestOutline,
  objectiveId: string,
  at: Omit<DialogueProblem, 'severity' | 'code' | 'message'>,
  report: Report,
) {
  if (quest.objectives.some((objective) => objective.id === objectiveId)) return;
  report({ severity: 'error', code: 'unknown_objective', message: `Quest ${questName(quest)} has no objective "${objectiveId}"`, ...at });
}

function checkItem(itemId: string, refs: DialogueReferences, at: Omit<DialogueProblem, 'severity' | 'code' | 'message'>, report: Report) {
  if (refs.itemExists && !refs.itemExists(itemId)) {
    report({ severity: 'error', code: 'unknown_item', message: `Item "${itemId}" does not exist in this project`, ...at });
  }
}

/** The quest, stage, objective or item an action names, when the project has no such thing. */
export function checkActionReferences(
  action: DialogueAction,
  nodeId: string,
  field: string,
  refs: DialogueReferences,
  report: Report,
): void {
  if (action.type === 'giveItem') {
    checkItem(action.itemId, refs, { nodeId, field: `${field}.itemId` }, report);
    return;
  }
  if (!('questId' in action)) return;
  const quest = knownQuest(action.questId, refs, { nodeId, field: `${field}.questId` }, report);
  if (!quest) return;
  if (action.type === 'advanceQuest' && action.stage !== undefined && action.stage >= quest.stages.length) {
    report({
      severity: 'error',
      code: 'unknown_stage',
      message: `Quest ${questName(quest)} has ${quest.stages.length} stage${quest.stages.length === 1 ? '' : 's'}; there is no stage ${action.stage + 1}`,
      nodeId,
      field: `${field}.stage`,
    });
  } else if (action.type === 'completeObjective') {
    checkObjective(quest, action.objectiveId, { nodeId, field: `${field}.objectiveId` }, report);
  }
}

const QUEST_FUNCTIONS = new Set(['active', 'completed', 'failed', 'quest_stage', 'quest_stage_id', 'objective_done', 'objective_count']);
const literal = (expr: Expr | undefined) => (expr?.type === 'literal' && typeof expr.value === 'string' ? expr.value : undefined);

/**
 * The quests, objectives, items and nodes a condition names with literal arguments
 * (`completed("q")`, `item_count("pelt")`, `visited("intro")`), located by their span.
 * Iterative, so a deeply nested condition cannot overflow the stack.
 */
export function checkConditionReferences(
  ast: Expr,
  nodeId: string,
  field: string,
  nodeExists: (id: string) => boolean,
  refs: DialogueReferences,
  report: Report,
): void {
  const stack: Expr[] = [ast];
  while (stack.length) {
    const expr = stack.pop()!;
    if (expr.type === 'not') stack.push(expr.operand);
    else if (expr.type === 'logical') stack.push(...expr.operands);
    else if (expr.type === 'compare') stack.push(expr.left, expr.right);
    else if (expr.type === 'call') {
      stack.push(...expr.args);
      const first = literal(expr.args[0]);
      if (first === undefined) continue;
      const at = { nodeId, field, span: expr.args[0].span };
      if (QUEST_FUNCTIONS.has(expr.name)) {
        const quest = knownQuest(first, refs, at, report);
        const objective = literal(expr.args[1]);
        if (quest && objective !== undefined) checkObjective(quest, objective, { nodeId, field, span: expr.args[1].span }, report);
      } else if (expr.name === 'item_count') checkItem(first, refs, at, report);
      else if (expr.name === 'visited' && !nodeExists(first)) {
        report({ severity: 'error', code: 'dangling_target', message: `visited() names node "${first}", which does not exist`, ...at });
      }
    }
  }
}

/** Lookups over lists of what the project holds, each looked up by id in constant time. */
export function referencesIn(known: {
  dialogueIds: Iterable<string>;
  quests: Iterable<QuestOutline>;
  itemIds: Iterable<string>;
}): Required<DialogueReferences> {
  const dialogues = new Set(known.dialogueIds);
  const quests = new Map<string, QuestOutline>();
  for (const quest of known.quests) quests.set(quest.id, quest);
  const items = new Set(known.itemIds);
  return {
    dialogueExists: (id) => dialogues.has(id),
    quest: (id) => quests.get(id),
    itemExists: (id) => items.has(id),
  };
}
