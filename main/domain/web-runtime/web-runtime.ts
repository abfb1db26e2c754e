import type { Expr, Value } from '../dialogue/expression/ast';
import { evaluate as evaluateExpr } from '../dialogue/expression/evaluator';
import type { EvaluationScope } from '../dialogue/expression/functions';
import { parseExpression } from '../dialogue/expression/parser';
import { createRuntime, DialogueRuntimeError, type DialogueRuntime, type PlayableDialogue } from '../dialogue/runtime';
import { stripSpans } from '../pack/expression-tree';
import { migratePackSections } from '../pack/pack-migration';
import { fromPackDialogue } from '../pack/pack-node';
import type { PackDialogue, PackExpr } from '../pack/pack-schema';
import { PACK_FORMAT_VERSION } from '../pack/pack-version';
import { QuestRuleError } from '../quest/quest-machine';
import type { Quest } from '../quest/quest-schema';
import { createQuestTracker as createTracker, type QuestTracker } from '../quest/quest-tracker';
import type { PackLike, PackQuest, RunnerOptions, TrackerOptions } from './pack-input';

/**
 * The web runtime (`loreweaver-runtime.js` in a pack's `web/` folder): the studio's own
 * dialogue runtime, quest state machine and quest tracker, bundled from this entry by
 * scripts/web-runtime/build-web-runtime.ts, behind the API games call with a pack. Only
 * what this module exports is public; the types come from main/domain too.
 */
export { createRandom } from '../dialogue/seeded-random';
export { createQuestState, type QuestState } from './quest-state';
export { DialogueRuntimeError };
export type { PackLike, PackQuest, QuestObjective, QuestReward, RunnerOptions, TrackerOptions } from './pack-input';
export type { DialogueState, QuestProgress } from '../dialogue/dialogue-state-types';
export type { ChoiceOptionView, EndReason, RuntimeStep, TranscriptEntry } from '../dialogue/runtime';
export type { RuntimeEvent } from '../dialogue/runtime-event';
export type { QuestChange } from '../quest/quest-change';
export type { WorldEvent } from '../quest/quest-machine';
export type { QuestTracker, Value, PackExpr, EvaluationScope };

/** A dialogue being played: `step` is what the player sees now; `advance` and `choose` move on. */
export type DialogueRunner = DialogueRuntime;

/** The pack's quests are the studio's quest records; the runtime reads only what PackQuest declares. */
const questsOf = (quests: readonly PackQuest[] | undefined): Quest[] => (quests ?? []) as Quest[];

/**
 * Plays one dialogue of a pack. `options`: `seed` (number or string, feeds random()),
 * `state` carried from earlier conversations, `startNodeId`, `maxAutomaticSteps`,
 * `quests` to use instead of the pack's quest definitions, `saliency` for groups instead of
 * the dialogue's, and `locale` for plural and ordinal rules ('en'). Detours into other
 * dialogues of the pack play them in the same runner. With quest definitions,
 * prerequisites, stages, objectives, outcomes, fail conditions and rewards apply as in the
 * studio, the conversation counts as talking to the dialogue's NPC, and `command` actions
 * are custom world events.
 * On a `jump` end, start a runner for `step.jump.dialogueId` with `state: runner.state`.
 */
export function createDialogueRunner(pack: PackLike, dialogueId: string, options: RunnerOptions = {}): DialogueRunner {
  const { dialogues } = migratePackSections({ dialogues: pack.dialogues ?? [] }, pack.manifest?.formatVersion ?? PACK_FORMAT_VERSION) as {
    dialogues: PackDialogue[];
  };
  const converted = new Map<string, PlayableDialogue>();
  const playable = (id: string): PlayableDialogue | undefined => {
    const found = dialogues.find((d) => d.id === id);
    if (found && !converted.has(id)) converted.set(id, fromPackDialogue(found));
    return converted.get(id);
  };
  const dialogue = playable(dialogueId);
  if (!dialogue) throw new DialogueRuntimeError(`The pack has no dialogue "${dialogueId}"`);
  return createRuntime(dialogue, {
    seed: options.seed ?? 0,
    state: options.state,
    startNodeId: options.startNodeId,
    maxAutomaticSteps: options.maxAutomaticSteps,
    quests: questsOf(options.quests ?? pack.quests),
    saliency: options.saliency,
    locale: options.locale,
    dialogues: playable,
  });
}

/**
 * The quest state machine outside a conversation, as the studio's quest tracker: the game
 * feeds it world events (`talk`, `collect`, `reach`, `defeat`, `custom`, with an optional
 * `count`) and quest calls between dialogues, over the same state a runner carries (pass
 * `runner.state` in, and `tracker.state` to the next runner). Each call returns the changes;
 * a stage past the quest's last throws DialogueRuntimeError, the runtime's one error for misuse.
 */
export function createQuestTracker(pack: PackLike, options: TrackerOptions = {}): QuestTracker {
  const tracker = createTracker(questsOf(options.quests ?? pack.quests), options);
  const misuse =
    <A extends unknown[], R>(call: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return call(...args);
      } catch (error) {
        if (error instanceof QuestRuleError) throw new DialogueRuntimeError(error.message);
        throw error;
      }
    };
  return {
    get state() {
      return tracker.state;
    },
    startBlocker: tracker.startBlocker,
    start: misuse(tracker.start),
    advance: misuse(tracker.advance),
    completeObjective: misuse(tracker.completeObjective),
    complete: misuse(tracker.complete),
    fail: misuse(tracker.fail),
    progress: misuse(tracker.progress),
  };
}

/** Evaluates a condition tree (as `parseCondition` or a pack gives it): strictly typed, no truthiness, as in the studio. */
export function evaluate(expr: PackExpr, scope: EvaluationScope): Value {
  // A pack's tree is the parser's without spans, which only locate errors in the editor.
  return evaluateExpr(expr as Expr, scope);
}

/** A condition's tree as `evaluate` reads it, or null when it does not parse. Quest conditions travel as text. */
export function parseCondition(source: string): PackExpr | null {
  const parsed = parseExpression(source);
  return parsed.ok ? stripSpans(parsed.ast) : null;
}
