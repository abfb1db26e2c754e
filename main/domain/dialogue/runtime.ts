import { applyAction, type ActionContext } from './apply-action';
import { countIn, DetourFrames } from './detour-frames';
import type { Dialogue, DialogueNode, NodeOfKind } from './dialogue-schema';
import type { Saliency } from './saliency';
import type { DialogueState } from './dialogue-state-types';
import { typeOfValue, type Value, type ValueType } from './expression/ast';
import { enumCaseValue } from './expression/enum-cases';
import { expressionContext } from './expression/expression-context';
import type { EvaluationScope } from './expression/functions';
import { pickCandidate, type AvailableCandidate } from './group-saliency';
import { own, setOwn } from './own-property';
import { PlayError } from './play-error';
import type { RuntimeEvent } from './runtime-event';
import { runtimeLanguage } from './runtime-language';
import type { MarkupSpan, RenderedText } from './text/template-parts';
import { createRandom } from './seeded-random';
import { progressQuests, type QuestContext } from '../quest/quest-machine';
import type { Quest } from '../quest/quest-schema';

/** What the runtime reads of a dialogue: a record of the studio, or a pack's dialogue with its nodes as records (fromPackNode). */
export type PlayableDialogue = Pick<Dialogue, 'id' | 'npcId' | 'variables' | 'startNodeId' | 'nodes' | 'enums' | 'saliency'>;

export interface RuntimeOptions {
  /** Same seed, same choices, same playthrough (the seed only feeds `random()` and saliency ties). */
  seed: number | string;
  /** State carried in from earlier conversations; declared defaults fill the rest. */
  state?: Partial<DialogueState>;
  /** Where to begin instead of the start node, e.g. the node a jump from another dialogue named. */
  startNodeId?: string;
  /** Nodes that play by themselves (branches, actions, jumps, sections, groups, detours, returns, skipped lines) in a row before the runtime decides the dialogue loops. */
  maxAutomaticSteps?: number;
  /**
   * Quest definitions the playthrough follows (see main/domain/quest/quest-machine.ts).
   * Without them quest actions only record progress; with them prerequisites, stages,
   * outcomes, fail conditions and rewards apply, the conversation counts as talking to
   * the dialogue's NPC, and `command` actions are custom world events.
   */
  quests?: readonly Quest[];
  /** How groups pick among their candidates, instead of the dialogue's own `saliency` (default `best`). */
  saliency?: Saliency;
  /** The locale whose plural and ordinal rules `[plural]` and `[ordinal]` follow; `en` by default. */
  locale?: string;
  /** The other dialogues a detour may play in this conversation, by id. */
  dialogues?: (dialogueId: string) => PlayableDialogue | undefined;
}

export interface ChoiceOptionView {
  id: string;
  text: string;
  markup?: MarkupSpan[];
  available: boolean;
  /** Why the option cannot be chosen: the unmet condition, that it was chosen before (`once`), or why it could not be evaluated. */
  unavailableReason?: string;
}

/** `unconnected`: an output led nowhere; `jump`: continue in `jump.dialogueId` with the same state. */
export type EndReason = 'end' | 'unconnected' | 'jump' | 'error';

/** What the player sees now. Every other node (branch, action, jump, section, group, detour, return) plays on its own. */
export type RuntimeStep =
  | { type: 'line'; nodeId: string; speaker: string; text: string; markup?: MarkupSpan[]; lineId: string; emotion?: string }
  | {
      type: 'aiLine';
      nodeId: string;
      speaker: string;
      instruction: string;
      fallbackText: string;
      markup?: MarkupSpan[];
      lineId: string;
      emotion?: string;
    }
  /** When no option is available, `advance()` continues at the choice's `else`. */
  | { type: 'choice'; nodeId: string; options: ChoiceOptionView[] }
  | { type: 'end'; nodeId?: string; reason: EndReason; outcome?: string; jump?: { dialogueId: string; nodeId?: string }; message?: string };

export type TranscriptEntry =
  | {
      type: 'line';
      nodeId: string;
      speaker: string;
      text: string;
      markup?: MarkupSpan[];
      lineId: string;
      source: 'authored' | 'improvised' | 'fallback';
    }
  | { type: 'choice'; nodeId: string; optionId: string; text: string; markup?: MarkupSpan[] };

export interface DialogueRuntime {
  readonly dialogueId: string;
  readonly step: RuntimeStep;
  /** A copy of the current state: variables, quests, inventory, visits, seen. */
  readonly state: DialogueState;
  readonly transcript: readonly TranscriptEntry[];
  readonly events: readonly RuntimeEvent[];
  /** Every node entered, in order, automatic ones included. */
  readonly history: readonly string[];
  /**
   * Moves past a line (on an AI line, pass the improvised text, or nothing to use the
   * fallback), or past a choice none of whose options is available, to its `else`.
   */
  advance(improvisedText?: string): RuntimeStep;
  choose(optionId: string): RuntimeStep;
}

/** Misuse by the host (choosing on a line, an unavailable option); content errors end the dialogue instead. */
export class DialogueRuntimeError extends Error {
  override name = 'DialogueRuntimeError';
}

const DEFAULT_MAX_AUTOMATIC_STEPS = 10_000;

/** A dialogue as the runtime plays it: the types of its variables and its parsed expressions and templates. */
interface PlayedDialogue extends ActionContext {
  readonly dialogue: PlayableDialogue;
}

/** A dialogue as it plays: its variables' types, and its language with its enums and smart variables over `state`. */
function prepare(dialogue: PlayableDialogue, state: DialogueState, random: () => number, locale: string): PlayedDialogue {
  const { context } = expressionContext(dialogue);
  return {
    dialogue,
    types: new Map(dialogue.variables.map((variable) => [variable.name, storedType(dialogue, variable)])),
    expressionTypes: context.variables,
    language: runtimeLanguage(context, { state, dialogueId: dialogue.id, random, enums: context.enums, smart: context.smart }, locale),
  };
}

/** The stored value of a declared variable's default: an enum case's raw value (its name when it has none). */
function defaultValue(dialogue: PlayableDialogue, variable: Dialogue['variables'][number]): Value | undefined {
  switch (variable.type) {
    case 'smart':
      return undefined;
    case 'enum': {
      const declared = dialogue.enums?.find((e) => e.name === variable.enum)?.cases.find((c) => c.name === variable.default);
      return declared ? enumCaseValue(declared) : variable.default;
    }
    default:
      return variable.default;
  }
}

/** The type a variable's stored value has: an enum's cases' raw type, or `smart` for what cannot be stored. */
function storedType(dialogue: PlayableDialogue, variable: Dialogue['variables'][number]): ValueType | 'smart' {
  if (variable.type === 'smart') return 'smart';
  if (variable.type !== 'enum') return variable.type;
  const first = dialogue.enums?.find((e) => e.name === variable.enum)?.cases[0];
  return first && typeof enumCaseValue(first) === 'number' ? 'number' : 'string';
}

/** Fills in the declared defaults of `dialogue`'s variables the state has no value for. */
function fillDefaults(dialogue: PlayableDialogue, variables: DialogueState['variables']): void {
  for (const variable of dialogue.variables) {
    const value = defaultValue(dialogue, variable);
    if (value !== undefined && own(variables, variable.name) === undefined) setOwn(variables, variable.name, value);
  }
}

function initialState(dialogue: PlayableDialogue, carried: Partial<DialogueState> = {}): DialogueState {
  const { quests, inventory, visits, seen, variables: carriedVariables } = structuredClone(carried);
  const variables: DialogueState['variables'] = {};
  for (const [name, value] of Object.entries(carriedVariables ?? {})) setOwn(variables, name, value);
  fillDefaults(dialogue, variables);
  return { variables, quests: quests ?? {}, inventory: inventory ?? {}, visits: visits ?? {}, seen: seen ?? {} };
}

const seenKey = (nodeId: string, itemId: string) => `${nodeId}#${itemId}`;
const withMarkup = ({ text, markup }: RenderedText) => (markup && markup.length ? { text, markup } : { text });

/**
 * Plays a dialogue: presents lines, AI lines and choices, runs every other node by itself,
 * and records a transcript, the effects as events, and the path. Conditions are evaluated
 * once when a node is entered, so asking for the step again never rolls `random()` again.
 * Content problems (a dangling link, a condition that does not parse, a failed assertion)
 * end the conversation with reason `error` and a message, as test chat shows them.
 *
 * `once` bookkeeping (`state.seen`) counts a once line when shown, a once option when chosen,
 * a once branch when taken, and every group candidate when picked. Conditions are evaluated
 * before the once check, so a `random()` in them draws whether or not the item was seen.
 * Detours push a level (see DetourFrames); an unconnected output inside a detour returns
 * from it, while a detour whose own `next` is unconnected ends the conversation when it
 * returns ('unconnected').
 *
 * With quest definitions, before the first node is entered the conversation is a `talk`
 * event for the dialogue's NPC (its changes are recorded against the first node), and
 * each action node's quest effects follow the quest state machine.
 */
export function createRuntime(dialogue: PlayableDialogue, options: RuntimeOptions): DialogueRuntime {
  const state = initialState(dialogue, options.state);
  const random = createRandom(options.seed);
  const frames = new DetourFrames<PlayableDialogue>(dialogue, state);
  // Quest conditions read `visited()` in the dialogue being played.
  const questScope: EvaluationScope = {
    state,
    random,
    get dialogueId() {
      return frames.current.dialogue.id;
    },
  };
  const quests: QuestContext = { definitions: new Map((options.quests ?? []).map((quest) => [quest.id, quest])), state, scope: questScope };
  const maxAutomaticSteps = options.maxAutomaticSteps ?? DEFAULT_MAX_AUTOMATIC_STEPS;
  const transcript: TranscriptEntry[] = [];
  const events: RuntimeEvent[] = [];
  const history: string[] = [];
  const played = new Map<string, PlayedDialogue>();
  /** The dialogue with its language, prepared the first time it plays; its defaults join the state then. */
  const play = (playable: PlayableDialogue): PlayedDialogue => {
    let entry = played.get(playable.id);
    if (!entry) {
      if (played.size > 0) fillDefaults(playable, state.variables);
      entry = prepare(playable, state, random, options.locale ?? 'en');
      played.set(playable.id, entry);
    }
    return entry;
  };
  play(dialogue);
  const seen = (key: string) => (own(own(state.seen, frames.current.dialogue.id), key) ?? 0) > 0;
  const markSeen = (key: string) => countIn(state.seen, frames.current.dialogue.id, key);
  /** The node the step shows (line, AI line or choice), in whichever dialogue it is. */
  let shown: NodeOfKind<'line' | 'aiLine' | 'choice'> | undefined;

  const finish = (step: Extract<RuntimeStep, { type: 'end' }>): RuntimeStep => {
    frames.leaveAll();
    return step;
  };
  const fail = (nodeId: string | undefined, message: string): RuntimeStep => finish({ type: 'end', nodeId, reason: 'error', message });

  const otherDialogue = (dialogueId: string): PlayableDialogue => {
    if (dialogueId === frames.current.dialogue.id) return frames.current.dialogue;
    if (!options.dialogues) throw new PlayError(`Detour to dialogue "${dialogueId}": this runtime was not given the other dialogues`);
    const other = options.dialogues(dialogueId);
    if (!other) throw new PlayError(`Detour to dialogue "${dialogueId}", which does not exist`);
    return other;
  };

  /** The node a jump or detour names: its `expression`'s string value, else `nodeId`. */
  const targetOf = (node: NodeOfKind<'jump' | 'detour'>, language: PlayedDialogue['language']): string | undefined => {
    if (node.expression === undefined) return node.nodeId;
    const target = language.value(node.expression, 'Target');
    if (typeof target !== 'string') {
      throw new PlayError(`Target "${node.expression}" is a ${typeOfValue(target)}, not a node id`);
    }
    return target;
  };

  /** Plays one node: a step to show, or where to go on (undefined: an unconnected output). */
  const playNode = (node: DialogueNode, context: PlayedDialogue): RuntimeStep | { next: string | undefined } => {
    const { dialogue: current, language } = context;
    const nodeId = node.id;
    switch (node.kind) {
      case 'line': {
        const condition = node.condition?.trim();
        if (condition && !language.condition(condition)) return { next: node.next };
        if (node.once) {
          if (seen(nodeId)) return { next: node.next };
          markSeen(nodeId);
        }
        shown = node;
        return {
          type: 'line',
          nodeId,
          speaker: node.speaker,
          ...withMarkup(language.text(node.text)),
          lineId: node.lineId,
          emotion: node.emotion,
        };
      }
      case 'aiLine': {
        const { text, markup } = withMarkup(language.text(node.fallbackText));
        shown = node;
        return {
          type: 'aiLine',
          nodeId,
          speaker: node.speaker,
          instruction: node.instruction,
          fallbackText: text,
          ...(markup ? { markup } : {}),
          lineId: node.lineId,
          emotion: node.emotion,
        };
      }
      case 'choice':
        shown = node;
        return {
          type: 'choice',
          nodeId,
          options: node.options.map((option) => {
            const view = { id: option.id, ...withMarkup(language.text(option.text)) };
            const condition = option.condition?.trim();
            let reason: string | undefined;
            try {
              if (condition && !language.condition(condition)) reason = `Requires ${condition}`;
            } catch (error) {
              if (!(error instanceof PlayError)) throw error;
              reason = error.message;
            }
            if (reason === undefined && option.once && seen(seenKey(nodeId, option.id))) reason = 'Already chosen';
            return reason === undefined ? { ...view, available: true } : { ...view, available: false, unavailableReason: reason };
          }),
        };
      case 'end':
        return finish({ type: 'end', nodeId, reason: 'end', outcome: node.outcome });
      case 'branch':
        for (const branch of node.branches) {
          const key = seenKey(nodeId, branch.id);
          if (language.condition(branch.condition) && !(branch.once && seen(key))) {
            if (branch.once) markSeen(key);
            return { next: branch.target };
          }
        }
        return { next: node.else };
      case 'group': {
        const available: (AvailableCandidate & { id: string; target: string | undefined })[] = [];
        for (const candidate of node.candidates) {
          const condition = candidate.condition?.trim() || undefined;
          if (condition && !language.condition(condition)) continue;
          const count = own(own(state.seen, current.id), seenKey(nodeId, candidate.id)) ?? 0;
          if (candidate.once && count > 0) continue;
          available.push({
            id: candidate.id,
            target: candidate.target,
            seen: count,
            complexity: language.complexity(condition, candidate.once === true),
          });
        }
        const picked = pickCandidate(available, options.saliency ?? current.saliency ?? 'best', random);
        if (picked === undefined) return { next: node.else };
        markSeen(seenKey(nodeId, available[picked].id));
        return { next: available[picked].target };
      }
      case 'action':
        for (const action of node.actions) events.push(...applyAction(action, state, context, nodeId, quests));
        return { next: node.next };
      case 'section':
        frames.enterSection(nodeId);
        return { next: node.next };
      case 'jump': {
        const target = targetOf(node, language);
        if (node.dialogueId !== undefined) {
          return finish({ type: 'end', nodeId, reason: 'jump', jump: { dialogueId: node.dialogueId, nodeId: target } });
        }
        frames.unwind();
        return { next: target };
      }
      case 'detour': {
        const target = targetOf(node, language);
        const into = node.dialogueId === undefined ? current : otherDialogue(node.dialogueId);
        frames.push(into, node.next);
        play(into);
        return { next: node.dialogueId === undefined ? target : (target ?? into.startNodeId) };
      }
      case 'return': {
        if (!frames.inDetour) return finish({ type: 'end', nodeId, reason: 'end' });
        const { returnTo } = frames.pop();
        return returnTo === undefined ? finish({ type: 'end', nodeId, reason: 'unconnected' }) : { next: returnTo };
      }
    }
  };

  /** Enters nodes from `nodeId` until one needs the player, playing the others on the way. */
  const enter = (nodeId: string | undefined, from: string | undefined): RuntimeStep => {
    for (let automatic = 0; ; automatic++) {
      if (nodeId === undefined) {
        if (!frames.inDetour) return finish({ type: 'end', nodeId: from, reason: 'unconnected' });
        nodeId = frames.pop().returnTo;
        if (nodeId === undefined) return finish({ type: 'end', nodeId: from, reason: 'unconnected' });
      }
      const current = play(frames.current.dialogue);
      const node: DialogueNode | undefined = own(current.dialogue.nodes, nodeId);
      if (!node) return fail(from, `Node "${nodeId}" does not exist`);
      if (automatic >= maxAutomaticSteps) {
        return fail(
          nodeId,
          `Stopped after ${maxAutomaticSteps} branches, actions and jumps in a row: the dialogue loops without a line or choice`,
        );
      }
      history.push(nodeId);
      if (node.kind !== 'section') countIn(state.visits, current.dialogue.id, nodeId);
      let result: RuntimeStep | { next: string | undefined };
      try {
        result = playNode(node, current);
      } catch (error) {
        if (error instanceof PlayError) return fail(nodeId, error.message);
        throw error;
      }
      if ('type' in result) return result;
      from = nodeId;
      nodeId = result.next;
    }
  };

  const first = options.startNodeId ?? dialogue.startNodeId;
  if (first && dialogue.npcId && quests.definitions.size > 0) {
    for (const change of progressQuests(quests, { type: 'talk', npcId: dialogue.npcId })) events.push({ ...change, nodeId: first });
  }
  let step = first ? enter(first, undefined) : fail(undefined, 'Dialogue has no start node');

  return {
    dialogueId: dialogue.id,
    get step() {
      return step;
    },
    get state() {
      return structuredClone(state);
    },
    transcript,
    events,
    history,
    advance(improvisedText) {
      if (step.type === 'choice' && shown?.kind === 'choice' && step.options.every((option) => !option.available)) {
        step = enter(shown.else, step.nodeId);
        return step;
      }
      if (step.type !== 'line' && step.type !== 'aiLine')
        throw new DialogueRuntimeError(`advance() needs a line; the dialogue is at a ${step.type}`);
      const node = shown as NodeOfKind<'line' | 'aiLine'>;
      const { nodeId, speaker, lineId, markup } = step;
      if (step.type === 'line')
        transcript.push({ type: 'line', nodeId, speaker, lineId, text: step.text, ...(markup ? { markup } : {}), source: 'authored' });
      else {
        const improvised = improvisedText?.trim();
        transcript.push({
          type: 'line',
          nodeId,
          speaker,
          lineId,
          ...(improvised ? { text: improvised } : { text: step.fallbackText, ...(markup ? { markup } : {}) }),
          source: improvised ? 'improvised' : 'fallback',
        });
      }
      step = enter(node.next, nodeId);
      return step;
    },
    choose(optionId) {
      if (step.type !== 'choice') throw new DialogueRuntimeError(`choose() needs a choice; the dialogue is at a ${step.type}`);
      const view = step.options.find((option) => option.id === optionId);
      if (!view) throw new DialogueRuntimeError(`The choice has no option "${optionId}"`);
      if (!view.available) throw new DialogueRuntimeError(`Option "${optionId}" is not available: ${view.unavailableReason}`);
      const option = (shown as NodeOfKind<'choice'>).options.find((o) => o.id === optionId)!;
      if (option.once) markSeen(seenKey(step.nodeId, optionId));
      transcript.push({ type: 'choice', nodeId: step.nodeId, optionId, text: view.text, ...(view.markup ? { markup: view.markup } : {}) });
      step = enter(option.target, step.nodeId);
      return step;
    },
  };
}
