import type { DialogueState, QuestProgress } from '../dialogue/dialogue-state-types';
import type { Expr, Value } from '../dialogue/expression/ast';
import { evaluate, EvaluationError } from '../dialogue/expression/evaluator';
import type { EvaluationScope } from '../dialogue/expression/functions';
import { parseExpression } from '../dialogue/expression/parser';
import { own, setOwn } from '../dialogue/own-property';
import type { QuestChange } from './quest-change';
import type { Quest, QuestOutcome, QuestReward, QuestStage } from './quest-schema';

/**
 * The quest state machine, over the dialogue state (`DialogueState.quests`). The web runtime
 * is built from this module; the Luau runtime must implement exactly this:
 *
 * - Progress per quest: `status` available | active | completed | failed (completed and
 *   failed are final), `stage` (index into the definition's stages) and `stageId`,
 *   `objectives` (id → true once done) and `counts` (events counted per objective).
 * - Start: a quest with a definition starts only when absent or `available` and, unless
 *   `available`, every prerequisite quest is completed and the prerequisite condition
 *   holds; it enters `startStageId`. Otherwise `questStartRefused` and nothing changes.
 * - Events: talk/reach/defeat/custom count towards not-yet-done objectives of the same type
 *   and reference in the current stage of every active quest (ascending quest id); an
 *   objective is done at its count. `collect` adds to the inventory; collect objectives of
 *   the current stage are done while the inventory holds their count (checked when settling).
 * - Settling (after every start, event and dialogue action): passes over active quests in
 *   ascending id order (plain string order), until a pass changes nothing, at most
 *   definitions + 1 passes. For each quest, repeatedly, at most stages + 1 times: the first
 *   fail condition that holds fails it; else collect objectives are marked; if every
 *   non-optional objective of the current stage is done, the first outcome (in order) whose
 *   condition is empty or holds is taken: `stage` enters that stage, `complete` completes,
 *   `fail` fails; a stage with no outcomes completes. No outcome holding: the quest waits.
 * - Completing gives the rewards in order: item (inventory += count), currency (number
 *   variable += amount; a missing or non-number variable counts as 0), experience (`xp` +=
 *   amount), variable (`=` sets; `+=`/`-=` add to it as a number, skipped for a non-number
 *   value), unlockQuest (an absent quest becomes `available`).
 * - Conditions are the dialogue expression language evaluated against the same state; one
 *   that does not parse or evaluate counts as false.
 * - Quests without a definition keep the dialogue runtime's original behaviour: start at
 *   stage 0, `advanceQuest` sets the stage number (or adds one), objectives and completion
 *   are recorded as given.
 */

/**
 * Something that happened in the world that objectives listen for. `collect` adds to the
 * inventory (collect objectives read the inventory); the others count towards objectives
 * of the same type and reference in the current stage of every active quest.
 */
export type WorldEvent =
  | { type: 'talk'; npcId: string }
  | { type: 'collect'; itemId: string; count?: number }
  | { type: 'reach'; locationId: string }
  | { type: 'defeat'; target: string; count?: number }
  | { type: 'custom'; name: string; count?: number };

/** The quest definitions the machine follows, and where conditions read from. */
export interface QuestContext {
  readonly definitions: ReadonlyMap<string, Quest>;
  /** The state the machine changes in place (the dialogue runtime's own). */
  readonly state: DialogueState;
  /** Conditions' scope: the same state, the dialogue for `visited()`, the seeded `random()`. */
  readonly scope: EvaluationScope;
}

/** A quest action that names something the definition does not have (a stage number past the last). */
export class QuestRuleError extends Error {}

const parsedConditions = new Map<string, Expr | null>();

/** A condition's value; empty holds, and one that does not parse or evaluate to true does not. */
function holds(source: string, ctx: QuestContext): boolean {
  const text = source.trim();
  if (!text) return true;
  let ast = parsedConditions.get(text);
  if (ast === undefined) {
    const result = parseExpression(text);
    ast = result.ok ? result.ast : null;
    if (parsedConditions.size > 10_000) parsedConditions.clear();
    parsedConditions.set(text, ast);
  }
  if (ast === null) return false;
  try {
    return evaluate(ast, ctx.scope) === true;
  } catch (error) {
    if (error instanceof EvaluationError) return false;
    throw error;
  }
}

/** Why the quest cannot start now, or null when it can: unmet prerequisite quests first, in order, then the condition. */
export function startBlocker(ctx: QuestContext, quest: Quest): string | null {
  const progress = own(ctx.state.quests, quest.id);
  if (progress?.status === 'available') return null;
  for (const required of quest.prerequisites.quests) {
    if (own(ctx.state.quests, required)?.status !== 'completed') {
      return `Needs quest "${ctx.definitions.get(required)?.title || required}" completed first`;
    }
  }
  const condition = quest.prerequisites.condition.trim();
  if (condition && !holds(condition, ctx)) return `Requires ${condition}`;
  return null;
}

const stageIndex = (quest: Quest, stageId: string | undefined) => quest.stages.findIndex((stage) => stage.id === stageId);

function enterStage(quest: Quest, progress: QuestProgress, index: number, changes: QuestChange[]): void {
  const stage = quest.stages[index];
  progress.stage = index;
  progress.stageId = stage.id;
  changes.push({ type: 'questAdvanced', questId: quest.id, stage: index, stageId: stage.id });
}

function setNumber(ctx: QuestContext, name: string, to: Value, changes: QuestChange[]): void {
  const from = own(ctx.state.variables, name);
  if (from === to) return;
  setOwn(ctx.state.variables, name, to);
  changes.push({ type: 'variableChanged', name, from, to });
}

const numberOf = (value: Value | undefined) => (typeof value === 'number' ? value : 0);

function giveReward(ctx: QuestContext, reward: QuestReward, changes: QuestChange[]): void {
  const { state } = ctx;
  switch (reward.type) {
    case 'item':
      setOwn(state.inventory, reward.itemId, (own(state.inventory, reward.itemId) ?? 0) + reward.count);
      changes.push({ type: 'itemGiven', itemId: reward.itemId, count: reward.count });
      break;
    case 'currency':
      setNumber(ctx, reward.currency, numberOf(own(state.variables, reward.currency)) + reward.amount, changes);
      break;
    case 'experience':
      setNumber(ctx, 'xp', numberOf(own(state.variables, 'xp')) + reward.amount, changes);
      break;
    case 'variable': {
      if (reward.operator === '=') setNumber(ctx, reward.variable, reward.value, changes);
      else if (typeof reward.value === 'number') {
        const delta = reward.operator === '+=' ? reward.value : -reward.value;
        setNumber(ctx, reward.variable, numberOf(own(state.variables, reward.variable)) + delta, changes);
      }
      break;
    }
    case 'unlockQuest':
      if (!own(state.quests, reward.questId)) {
        setOwn(state.quests, reward.questId, { status: 'available', stage: 0, objectives: {} });
        changes.push({ type: 'questUnlocked', questId: reward.questId });
      }
      break;
  }
}

function finish(
  ctx: QuestContext,
  quest: Quest,
  progress: QuestProgress,
  outcome: 'complete' | 'fail',
  reason: string,
  changes: QuestChange[],
) {
  if (outcome === 'fail') {
    progress.status = 'failed';
    changes.push({ type: 'questFailed', questId: quest.id, reason });
    return;
  }
  progress.status = 'completed';
  changes.push({ type: 'questCompleted', questId: quest.id });
  for (const reward of quest.rewards) giveReward(ctx, reward, changes);
}

/** The outcome finishing `stage` leads to: the first whose condition holds; none at all completes the quest. */
function pickOutcome(ctx: QuestContext, stage: QuestStage): QuestOutcome | 'complete' | undefined {
  if (stage.outcomes.length === 0) return 'complete';
  return stage.outcomes.find((outcome) => holds(outcome.condition, ctx));
}

/** Follows an outcome; false when it leads to a stage that does not exist (nothing changes). */
function takeOutcome(
  ctx: QuestContext,
  quest: Quest,
  progress: QuestProgress,
  outcome: QuestOutcome | 'complete',
  changes: QuestChange[],
): boolean {
  if (outcome === 'complete') finish(ctx, quest, progress, 'complete', '', changes);
  else if (outcome.result === 'stage') {
    const index = stageIndex(quest, outcome.stageId);
    if (index < 0) return false;
    enterStage(quest, progress, index, changes);
  } else finish(ctx, quest, progress, outcome.result, `Outcome "${outcome.id}" of stage "${progress.stageId}"`, changes);
  return true;
}

function markObjective(quest: Quest, progress: QuestProgress, objectiveId: string, changes: QuestChange[]): boolean {
  if (own(progress.objectives, objectiveId) === true) return false;
  setOwn(progress.objectives, objectiveId, true);
  changes.push({ type: 'objectiveCompleted', questId: quest.id, objectiveId });
  return true;
}

/** Settles one active quest: fail conditions, collect objectives, then stage outcomes, until it waits. */
function settleQuest(ctx: QuestContext, quest: Quest, progress: QuestProgress, changes: QuestChange[]): boolean {
  let changed = false;
  for (let step = 0; step <= quest.stages.length && progress.status === 'active'; step++) {
    const failing = quest.failConditions.find((condition) => condition.trim() && holds(condition, ctx));
    if (failing !== undefined) {
      finish(ctx, quest, progress, 'fail', `Fail condition ${failing.trim()} holds`, changes);
      return true;
    }
    const stage = quest.stages[stageIndex(quest, progress.stageId)];
    if (!stage) return changed;
    for (const objective of stage.objectives) {
      if (objective.type === 'collect' && (own(ctx.state.inventory, objective.itemId) ?? 0) >= objective.count) {
        changed = markObjective(quest, progress, objective.id, changes) || changed;
      }
    }
    if (stage.objectives.some((objective) => !objective.optional && own(progress.objectives, objective.id) !== true)) return changed;
    const outcome = pickOutcome(ctx, stage);
    if (outcome === undefined || !takeOutcome(ctx, quest, progress, outcome, changes)) return changed;
    changed = true;
  }
  return changed;
}

/**
 * Brings every active quest with a definition up to date with the state: repeated passes
 * over the quests in ascending id order (plain string order) until a pass changes nothing,
 * at most one pass per definition plus one, since one quest's rewards can move another.
 */
export function settleQuests(ctx: QuestContext, changes: QuestChange[] = []): QuestChange[] {
  for (let pass = 0; pass <= ctx.definitions.size; pass++) {
    let changed = false;
    for (const questId of Object.keys(ctx.state.quests).sort()) {
      const quest = ctx.definitions.get(questId);
      const progress = own(ctx.state.quests, questId);
      if (quest && progress?.status === 'active') changed = settleQuest(ctx, quest, progress, changes) || changed;
    }
    if (!changed) break;
  }
  return changes;
}

/**
 * Starts a quest. Without a definition it simply becomes active at stage 0. With one, it
 * starts only when absent or `available` and its prerequisites hold (else `questStartRefused`),
 * at its start stage; a quest that is active, completed or failed is left alone.
 */
export function startQuest(ctx: QuestContext, questId: string, changes: QuestChange[] = []): QuestChange[] {
  const existing = own(ctx.state.quests, questId);
  const quest = ctx.definitions.get(questId);
  if (!quest) {
    if (!existing || existing.status === 'available') {
      setOwn(ctx.state.quests, questId, { status: 'active', stage: 0, objectives: {} });
      changes.push({ type: 'questStarted', questId });
    }
    return changes;
  }
  if (existing && existing.status !== 'available') return changes;
  const blocker = startBlocker(ctx, quest);
  if (blocker !== null) {
    changes.push({ type: 'questStartRefused', questId, reason: blocker });
    return changes;
  }
  const progress: QuestProgress = { status: 'active', stage: 0, objectives: {}, counts: {} };
  setOwn(ctx.state.quests, questId, progress);
  changes.push({ type: 'questStarted', questId });
  const start = stageIndex(quest, quest.startStageId);
  if (start >= 0) enterStage(quest, progress, start, changes);
  return settleQuests(ctx, changes);
}

/** The quest's progress when it is active after starting it if needed; undefined when it cannot be. */
function activeProgress(ctx: QuestContext, questId: string, changes: QuestChange[]): QuestProgress | undefined {
  startQuest(ctx, questId, changes);
  const progress = own(ctx.state.quests, questId);
  return progress?.status === 'active' || !ctx.definitions.has(questId) ? progress : undefined;
}

/**
 * Moves a quest on. With `stage`, to that stage (index into the definition's stages).
 * Without, as if the current stage's objectives were done: its first outcome whose
 * condition holds is taken (none: the quest waits). Quests without a definition keep the
 * old numeric behaviour: `stage`, or one more.
 */
export function advanceQuest(ctx: QuestContext, questId: string, stage?: number, changes: QuestChange[] = []): QuestChange[] {
  const progress = activeProgress(ctx, questId, changes);
  if (!progress) return changes;
  const quest = ctx.definitions.get(questId);
  if (!quest) {
    const next = stage ?? progress.stage + 1;
    if (next !== progress.stage) {
      progress.stage = next;
      changes.push({ type: 'questAdvanced', questId, stage: next });
    }
    return changes;
  }
  if (stage !== undefined) {
    if (stage >= quest.stages.length) {
      throw new QuestRuleError(`Quest "${quest.title || questId}" has ${quest.stages.length} stages; there is no stage ${stage}`);
    }
    if (stage !== progress.stage || progress.stageId !== quest.stages[stage].id) enterStage(quest, progress, stage, changes);
  } else {
    const current = quest.stages[stageIndex(quest, progress.stageId)];
    const outcome = current && pickOutcome(ctx, current);
    if (outcome !== undefined) takeOutcome(ctx, quest, progress, outcome, changes);
  }
  return settleQuests(ctx, changes);
}

/** Completes an objective by id, in any stage, starting the quest if needed; repeating it changes nothing. */
export function completeObjective(ctx: QuestContext, questId: string, objectiveId: string, changes: QuestChange[] = []): QuestChange[] {
  const progress = activeProgress(ctx, questId, changes);
  if (!progress) return changes;
  if (own(progress.objectives, objectiveId) !== true) {
    setOwn(progress.objectives, objectiveId, true);
    changes.push({ type: 'objectiveCompleted', questId, objectiveId });
  }
  return settleQuests(ctx, changes);
}

/** Completes a quest (giving its rewards), starting it if needed; a finished quest stays as it is. */
export function completeQuest(ctx: QuestContext, questId: string, changes: QuestChange[] = []): QuestChange[] {
  const progress = activeProgress(ctx, questId, changes);
  if (!progress || progress.status === 'completed') return changes;
  const quest = ctx.definitions.get(questId);
  if (quest) finish(ctx, quest, progress, 'complete', '', changes);
  else {
    progress.status = 'completed';
    changes.push({ type: 'questCompleted', questId });
  }
  return settleQuests(ctx, changes);
}

/** Fails an active quest; anything else is left alone. */
export function failQuest(ctx: QuestContext, questId: string, reason = 'Failed by the game', changes: QuestChange[] = []): QuestChange[] {
  const progress = own(ctx.state.quests, questId);
  if (progress?.status !== 'active') return changes;
  progress.status = 'failed';
  changes.push({ type: 'questFailed', questId, reason });
  return settleQuests(ctx, changes);
}

const eventMatches = (event: WorldEvent, objective: QuestStage['objectives'][number]): boolean =>
  (event.type === 'talk' && objective.type === 'talk' && objective.npcId === event.npcId) ||
  (event.type === 'reach' && objective.type === 'reach' && objective.locationId === event.locationId) ||
  (event.type === 'defeat' && objective.type === 'defeat' && objective.target === event.target) ||
  (event.type === 'custom' && objective.type === 'custom' && objective.event === event.name);

/**
 * Feeds a world event to every active quest with a definition, in ascending id order:
 * matching objectives of each quest's current stage count it (`count`, default 1) and are
 * done at their count; `collect` adds to the inventory. Then the quests settle.
 */
export function progressQuests(ctx: QuestContext, event: WorldEvent, changes: QuestChange[] = []): QuestChange[] {
  const amount = Math.max(1, Math.floor(('count' in event && event.count) || 1));
  if (event.type === 'collect') {
    setOwn(ctx.state.inventory, event.itemId, (own(ctx.state.inventory, event.itemId) ?? 0) + amount);
    return settleQuests(ctx, changes);
  }
  for (const questId of Object.keys(ctx.state.quests).sort()) {
    const quest = ctx.definitions.get(questId);
    const progress = own(ctx.state.quests, questId);
    if (!quest || progress?.status !== 'active') continue;
    const stage = quest.stages[stageIndex(quest, progress.stageId)];
    for (const objective of stage?.objectives ?? []) {
      if (own(progress.objectives, objective.id) === true || !eventMatches(event, objective)) continue;
      const of = 'count' in objective ? objective.count : 1;
      const counts = progress.counts ?? (progress.counts = {});
      const count = Math.min(of, (own(counts, objective.id) ?? 0) + amount);
      setOwn(counts, objective.id, count);
      if (count >= of) markObjective(quest, progress, objective.id, changes);
      else changes.push({ type: 'objectiveProgressed', questId, objectiveId: objective.id, count, of });
    }
  }
  return settleQuests(ctx, changes);
}
