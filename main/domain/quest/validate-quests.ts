import type { DialogueAction } from '../dialogue/dialogue-schema';
import { checkCondition, type CheckedCondition } from '../dialogue/expression/condition';
import type { QuestProblem } from './quest-problem';
import type { Quest } from './quest-schema';

/** A quest action in a dialogue, so validation can check the quest, stage or objective it names. */
export interface DialogueQuestAction {
  dialogueId: string;
  dialogueName: string;
  nodeId: string;
  action: Extract<DialogueAction, { questId: string }>;
}

/** What quests may refer to besides each other. */
export interface QuestWorld {
  npcExists(id: string): boolean;
  itemExists(id: string): boolean;
  locationExists(id: string): boolean;
  /** Quest actions of the project's dialogues; checked when given. */
  dialogueActions?: readonly DialogueQuestAction[];
}

const NO_VARIABLES = new Map();
type Report = (problem: QuestProblem) => void;

/**
 * Every problem of the project's quests: per quest (names, references, conditions, stage
 * graph, rewards), then prerequisite cycles, then dialogue actions naming quests, stages or
 * objectives that do not exist. Conditions read project-wide variables, so undeclared
 * variables are not reported; each distinct condition text is parsed once. Linear in the
 * size of the quests (no recursion). With `only`, the quest checks and dialogue actions of
 * that one quest are checked (the others are read as what it may name) and only its problems
 * are returned: what the quest editor asks after each save, in a project of 5,000 quests.
 */
export function validateQuests(quests: readonly Quest[], world: QuestWorld, only?: string): QuestProblem[] {
  const problems: QuestProblem[] = [];
  const report: Report = (problem) => problems.push(problem);
  const wanted = (questId: string) => only === undefined || questId === only;
  const byId = new Map(quests.map((quest) => [quest.id, quest]));
  const conditions = new Map<string, CheckedCondition>();
  for (const quest of quests) if (wanted(quest.id)) checkQuest(quest, byId, world, conditions, report);
  checkPrerequisiteCycles(quests, byId, report);
  for (const reference of world.dialogueActions ?? []) if (wanted(reference.action.questId)) checkDialogueAction(reference, byId, report);
  return only === undefined ? problems : problems.filter((problem) => problem.questId === only);
}

function checkQuest(
  quest: Quest,
  byId: ReadonlyMap<string, Quest>,
  world: QuestWorld,
  conditions: Map<string, CheckedCondition>,
  report: Report,
): void {
  const questId = quest.id;
  const error = (problem: Omit<QuestProblem, 'severity' | 'questId'>) => report({ severity: 'error', questId, ...problem });
  const warn = (problem: Omit<QuestProblem, 'severity' | 'questId'>) => report({ severity: 'warning', questId, ...problem });
  const condition = (source: string, field: string, stageId?: string) => {
    if (!source.trim()) return;
    let checked = conditions.get(source);
    if (!checked) {
      checked = checkCondition(source, NO_VARIABLES);
      conditions.set(source, checked);
    }
    for (const problem of checked.problems) {
      if (problem.code === 'undeclared_variable') continue;
      error({ code: problem.code, message: problem.message, field, stageId, span: problem.span });
    }
  };

  if (!quest.title.trim()) warn({ code: 'empty_title', message: 'The quest has no title', field: 'title' });
  if (quest.giverNpcId !== undefined && !world.npcExists(quest.giverNpcId)) {
    error({ code: 'unknown_npc', message: `The quest giver "${quest.giverNpcId}" is not an NPC of this project`, field: 'giverNpcId' });
  }
  quest.prerequisites.quests.forEach((required, i) => {
    if (!byId.has(required)) {
      error({ code: 'unknown_quest', message: `Prerequisite quest "${required}" does not exist`, field: `prerequisites.quests[${i}]` });
    }
  });
  condition(quest.prerequisites.condition, 'prerequisites.condition');
  quest.failConditions.forEach((source, i) => condition(source, `failConditions[${i}]`));

  const stageIds = new Map<string, number>();
  const objectiveIds = new Set<string>();
  quest.stages.forEach((stage, s) => {
    const stageId = stage.id;
    if (stageIds.has(stageId))
      error({ code: 'duplicate_id', message: `Two stages have the id "${stageId}"`, stageId, field: `stages[${s}].id` });
    else stageIds.set(stageId, s);
    if (stage.objectives.length > 0 && stage.objectives.every((objective) => objective.optional)) {
      warn({
        code: 'no_required_objective',
        message: `Every objective of stage "${stage.title || stageId}" is optional, so it ends as soon as it begins`,
        stageId,
        field: `stages[${s}].objectives`,
      });
    }
    stage.objectives.forEach((objective, o) => {
      const field = `stages[${s}].objectives[${o}]`;
      if (objectiveIds.has(objective.id))
        error({ code: 'duplicate_id', message: `Two objectives have the id "${objective.id}"`, stageId, field });
      objectiveIds.add(objective.id);
      const missing = (what: string, id: string) =>
        id ? `Objective "${objective.id}" names ${what} "${id}", which does not exist` : `Objective "${objective.id}" names no ${what} yet`;
      if (objective.type === 'talk' && !world.npcExists(objective.npcId)) {
        error({ code: 'unknown_npc', message: missing('NPC', objective.npcId), stageId, field });
      } else if (objective.type === 'collect' && !world.itemExists(objective.itemId)) {
        error({ code: 'unknown_item', message: missing('item', objective.itemId), stageId, field });
      } else if (objective.type === 'reach' && !world.locationExists(objective.locationId)) {
        error({ code: 'unknown_location', message: missing('location', objective.locationId), stageId, field });
      }
    });
    const outcomeIds = new Set<string>();
    stage.outcomes.forEach((outcome, o) => {
      const field = `stages[${s}].outcomes[${o}]`;
      if (outcomeIds.has(outcome.id))
        error({ code: 'duplicate_id', message: `Two outcomes of a stage have the id "${outcome.id}"`, stageId, field });
      outcomeIds.add(outcome.id);
      condition(outcome.condition, `${field}.condition`, stageId);
    });
  });

  quest.stages.forEach((stage, s) =>
    stage.outcomes.forEach((outcome, o) => {
      if (outcome.result === 'stage' && (outcome.stageId === undefined || !stageIds.has(outcome.stageId))) {
        error({
          code: 'unknown_stage',
          message: outcome.stageId
            ? `Outcome leads to stage "${outcome.stageId}", which does not exist`
            : 'Outcome does not say which stage is next',
          stageId: stage.id,
          field: `stages[${s}].outcomes[${o}].stageId`,
        });
      }
    }),
  );

  if (quest.stages.length === 0) error({ code: 'missing_start', message: 'The quest has no stages', field: 'stages' });
  else if (!stageIds.has(quest.startStageId)) {
    error({ code: 'missing_start', message: `The start stage "${quest.startStageId}" does not exist`, field: 'startStageId' });
  } else checkStageGraph(quest, stageIds, warn, error);

  quest.rewards.forEach((reward, r) => {
    const field = `rewards[${r}]`;
    if (reward.type === 'item' && !world.itemExists(reward.itemId)) {
      const message = reward.itemId
        ? `The reward item "${reward.itemId}" is not an item of this project`
        : 'An item reward names no item yet';
      error({ code: 'reward_target', message, field });
    } else if (reward.type === 'unlockQuest' && (!byId.has(reward.questId) || reward.questId === questId)) {
      const message =
        reward.questId === questId
          ? 'The quest unlocks itself'
          : reward.questId
            ? `The reward unlocks "${reward.questId}", which is not a quest`
            : 'An unlock reward names no quest yet';
      error({ code: 'reward_target', message, field });
    } else if (reward.type === 'variable' && reward.operator !== '=' && typeof reward.value !== 'number') {
      error({ code: 'reward_target', message: `'${reward.operator}' on $${reward.variable} needs a number`, field });
    }
  });
}

/** Stages the start does not lead to, and stages from which no path reaches the end of the quest. */
function checkStageGraph(
  quest: Quest,
  stageIds: ReadonlyMap<string, number>,
  warn: (problem: Omit<QuestProblem, 'severity' | 'questId'>) => void,
  error: (problem: Omit<QuestProblem, 'severity' | 'questId'>) => void,
): void {
  const next = quest.stages.map((stage) =>
    stage.outcomes.flatMap((outcome) =>
      outcome.result === 'stage' && outcome.stageId !== undefined ? (stageIds.get(outcome.stageId) ?? []) : [],
    ),
  );
  const reached = spread([stageIds.get(quest.startStageId)!], next);

  const previous: number[][] = quest.stages.map(() => []);
  next.forEach((targets, from) => targets.forEach((to) => previous[to].push(from)));
  const exits = quest.stages.flatMap((stage, s) =>
    stage.outcomes.length === 0 || stage.outcomes.some((outcome) => outcome.result === 'complete') ? [s] : [],
  );
  const ends = spread(exits, previous);

  quest.stages.forEach((stage, s) => {
    const label = stage.title || stage.id;
    if (!reached.has(s)) {
      warn({ code: 'unreachable_stage', message: `No outcome leads to stage "${label}"`, stageId: stage.id, field: `stages[${s}]` });
    } else if (!ends.has(s)) {
      error({
        code: 'no_way_to_complete',
        message: `From stage "${label}" no path of outcomes completes the quest`,
        stageId: stage.id,
        field: `stages[${s}].outcomes`,
      });
    }
  });
}

/** Every node reachable from `from` along `edges` (adjacency lists), `from` included. */
function spread(from: readonly number[], edges: readonly (readonly number[])[]): Set<number> {
  const seen = new Set(from);
  const queue = [...from];
  while (queue.length) {
    for (const to of edges[queue.pop()!]) {
      if (seen.has(to)) continue;
      seen.add(to);
      queue.push(to);
    }
  }
  return seen;
}

/** Tarjan's strongly connected components, iteratively; each component with a loop is one cycle report per quest in it. */
function checkPrerequisiteCycles(quests: readonly Quest[], byId: ReadonlyMap<string, Quest>, report: Report): void {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  let counter = 0;
  const edges = (id: string) => byId.get(id)!.prerequisites.quests.filter((to) => byId.has(to));

  for (const root of quests) {
    if (index.has(root.id)) continue;
    const work: { id: string; next: number }[] = [{ id: root.id, next: 0 }];
    index.set(root.id, counter);
    low.set(root.id, counter++);
    stack.push(root.id);
    onStack.add(root.id);
    while (work.length) {
      const frame = work[work.length - 1];
      const targets = edges(frame.id);
      if (frame.next < targets.length) {
        const to = targets[frame.next++];
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ id: to, next: 0 });
        } else if (onStack.has(to)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
      }
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.id);
      const selfLoop = component.length === 1 && edges(frame.id).includes(frame.id);
      if (component.length < 2 && !selfLoop) continue;
      const names = component
        .reverse()
        .map((id) => `"${byId.get(id)!.title || id}"`)
        .join(', ');
      for (const id of component) {
        report({
          severity: 'error',
          code: 'prerequisite_cycle',
          message: selfLoop
            ? 'The quest is its own prerequisite'
            : `Prerequisites go round in a circle between ${names}, so none of them can start`,
          questId: id,
          field: 'prerequisites.quests',
        });
      }
    }
  }
}

function checkDialogueAction(
  { dialogueId, dialogueName, nodeId, action }: DialogueQuestAction,
  byId: ReadonlyMap<string, Quest>,
  report: Report,
) {
  const quest = byId.get(action.questId);
  const where = `dialogue "${dialogueName}"`;
  if (!quest) {
    report({
      severity: 'error',
      code: 'unknown_quest',
      message: `An action in ${where} names quest "${action.questId}", which does not exist`,
      dialogueId,
      nodeId,
    });
  } else if (
    action.type === 'completeObjective' &&
    !quest.stages.some((stage) => stage.objectives.some((o) => o.id === action.objectiveId))
  ) {
    report({
      severity: 'error',
      code: 'unknown_objective',
      message: `An action in ${where} completes objective "${action.objectiveId}", which this quest does not have`,
      questId: quest.id,
      dialogueId,
      nodeId,
    });
  } else if (action.type === 'advanceQuest' && action.stage !== undefined && action.stage >= quest.stages.length) {
    report({
      severity: 'error',
      code: 'unknown_stage',
      message: `An action in ${where} moves the quest to stage ${action.stage}; it has ${quest.stages.length}`,
      questId: quest.id,
      dialogueId,
      nodeId,
    });
  }
}
