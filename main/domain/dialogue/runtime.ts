import { ActionError, applyAction } from './apply-action';
import type { Dialogue, DialogueNode, NodeOfKind } from './dialogue-schema';
import type { DialogueState } from './dialogue-state-types';
import type { Expr, ValueType } from './expression/ast';
import { evaluate, EvaluationError } from './expression/evaluator';
import type { EvaluationScope } from './expression/functions';
import { parseExpression } from './expression/parser';
import { own, setOwn } from './own-property';
import type { RuntimeEvent } from './runtime-event';
import { createRandom } from './seeded-random';
import { progressQuests, type QuestContext } from '../quest/quest-machine';
import type { Quest } from '../quest/quest-schema';

export interface RuntimeOptions {
  /** Same seed, same choices, same playthrough (the seed only feeds `random()`). */
  seed: number | string;
  /** State carried in from earlier conversations; declared defaults fill the rest. */
  state?: Partial<DialogueState>;
  /** Where to begin instead of the start node, e.g. the node a jump from another dialogue named. */
  startNodeId?: string;
  /** Branches, actions and jumps in a row before the runtime decides the dialogue loops. */
  maxAutomaticSteps?: number;
  /**
   * Quest definitions the playthrough follows (see main/domain/quest/quest-machine.ts).
   * Without them quest actions only record progress; with them prerequisites, stages,
   * outcomes, fail conditions and rewards apply, the conversation counts as talking to
   * the dialogue's NPC, and `command` actions are custom world events.
   */
  quests?: readonly Quest[];
}

export interface ChoiceOptionView {
  id: string;
  text: string;
  available: boolean;
  /** Why the option cannot be chosen: the unmet condition, or why it could not be evaluated. */
  unavailableReason?: string;
}

/** `unconnected`: an output led nowhere; `jump`: continue in `jump.dialogueId` with the same state. */
export type EndReason = 'end' | 'unconnected' | 'jump' | 'error';

/** What the player sees now. Branch, action and local jump nodes never show: they run on their own. */
export type RuntimeStep =
  | { type: 'line'; nodeId: string; speaker: string; text: string; lineId: string; emotion?: string }
  | { type: 'aiLine'; nodeId: string; speaker: string; instruction: string; fallbackText: string; lineId: string; emotion?: string }
  | { type: 'choice'; nodeId: string; options: ChoiceOptionView[] }
  | { type: 'end'; nodeId?: string; reason: EndReason; outcome?: string; jump?: { dialogueId: string; nodeId?: string }; message?: string };

export type TranscriptEntry =
  | { type: 'line'; nodeId: string; speaker: string; text: string; lineId: string; source: 'authored' | 'improvised' | 'fallback' }
  | { type: 'choice'; nodeId: string; optionId: string; text: string };

export interface DialogueRuntime {
  readonly dialogueId: string;
  readonly step: RuntimeStep;
  /** A copy of the current state: variables, quests, inventory, visits. */
  readonly state: DialogueState;
  readonly transcript: readonly TranscriptEntry[];
  readonly events: readonly RuntimeEvent[];
  /** Every node entered, in order, automatic ones included. */
  readonly history: readonly string[];
  /** Moves past a line. On an AI line, pass the improvised text, or nothing to use the fallback. */
  advance(improvisedText?: string): RuntimeStep;
  choose(optionId: string): RuntimeStep;
}

/** Misuse by the host (choosing on a line, an unavailable option); content errors end the dialogue instead. */
export class DialogueRuntimeError extends Error {
  override name = 'DialogueRuntimeError';
}

const DEFAULT_MAX_AUTOMATIC_STEPS = 10_000;

/** What the runtime reads of a dialogue: a record of the studio, or a pack's dialogue with its nodes as records (fromPackNode). */
export type PlayableDialogue = Pick<Dialogue, 'id' | 'npcId' | 'variables' | 'startNodeId' | 'nodes'>;

function initialState(dialogue: PlayableDialogue, carried: Partial<DialogueState> = {}): DialogueState {
  const { quests, inventory, visits, variables: carriedVariables } = structuredClone(carried);
  const variables: DialogueState['variables'] = {};
  for (const variable of dialogue.variables) setOwn(variables, variable.name, variable.default);
  for (const [name, value] of Object.entries(carriedVariables ?? {})) setOwn(variables, name, value);
  return { variables, quests: quests ?? {}, inventory: inventory ?? {}, visits: visits ?? {} };
}

/**
 * Plays a dialogue: presents lines, AI lines and choices, runs branches, actions and
 * local jumps by itself, and records a transcript, the effects as events, and the path.
 * Conditions are evaluated once when a node is entered, so asking for the step again never
 * rolls `random()` again. Content problems (a dangling link, a condition that does not
 * parse) end the conversation with reason `error` and a message, as test chat shows them.
 *
 * With quest definitions, before the first node is entered the conversation is a `talk`
 * event for the dialogue's NPC (its changes are recorded against the first node), and
 * each action node's quest effects follow the quest state machine.
 */
export function createRuntime(dialogue: PlayableDialogue, options: RuntimeOptions): DialogueRuntime {
  const state = initialState(dialogue, options.state);
  const declared = new Map<string, ValueType>(dialogue.variables.map((v) => [v.name, v.type]));
  const random = createRandom(options.seed);
  const scope: EvaluationScope = { state, dialogueId: dialogue.id, random };
  const quests: QuestContext = { definitions: new Map((options.quests ?? []).map((quest) => [quest.id, quest])), state, scope };
  const maxAutomaticSteps = options.maxAutomaticSteps ?? DEFAULT_MAX_AUTOMATIC_STEPS;
  const parsed = new Map<string, Expr | string>();
  const transcript: TranscriptEntry[] = [];
  const events: RuntimeEvent[] = [];
  const history: string[] = [];

  /** The condition's value, or the message saying why it has none. */
  const test = (source: string): boolean | string => {
    let ast = parsed.get(source);
    if (ast === undefined) {
      const result = parseExpression(source);
      ast = result.ok ? result.ast : result.error.message;
      parsed.set(source, ast);
    }
    if (typeof ast === 'string') return `Condition "${source}" does not parse: ${ast}`;
    try {
      const value = evaluate(ast, scope);
      return typeof value === 'boolean' ? value : `Condition "${source}" is a ${typeof value}, not true or false`;
    } catch (error) {
      if (error instanceof EvaluationError) return `Condition "${source}" cannot be evaluated: ${error.message}`;
      throw error;
    }
  };

  const fail = (nodeId: string | undefined, message: string): RuntimeStep => ({ type: 'end', nodeId, reason: 'error', message });

  /** Enters nodes from `nodeId` until one needs the player, applying automatic nodes on the way. */
  const enter = (nodeId: string | undefined, from: string | undefined): RuntimeStep => {
    for (let automatic = 0; ; automatic++) {
      if (nodeId === undefined) return { type: 'end', nodeId: from, reason: 'unconnected' };
      const node: DialogueNode | undefined = own(dialogue.nodes, nodeId);
      if (!node) return fail(from, `Node "${nodeId}" does not exist`);
      if (automatic >= maxAutomaticSteps) {
        return fail(
          nodeId,
          `Stopped after ${maxAutomaticSteps} branches, actions and jumps in a row: the dialogue loops without a line or choice`,
        );
      }
      history.push(nodeId);
      const visits = own(state.visits, dialogue.id) ?? {};
      setOwn(visits, nodeId, (own(visits, nodeId) ?? 0) + 1);
      setOwn(state.visits, dialogue.id, visits);

      let next: string | undefined;
      switch (node.kind) {
        case 'line':
          return { type: 'line', nodeId, speaker: node.speaker, text: node.text, lineId: node.lineId, emotion: node.emotion };
        case 'aiLine':
          return {
            type: 'aiLine',
            nodeId,
            speaker: node.speaker,
            instruction: node.instruction,
            fallbackText: node.fallbackText,
            lineId: node.lineId,
            emotion: node.emotion,
          };
        case 'choice':
          return {
            type: 'choice',
            nodeId,
            options: node.options.map((option) => {
              const condition = option.condition?.trim();
              const verdict = condition ? test(condition) : true;
              if (verdict === true) return { id: option.id, text: option.text, available: true };
              const unavailableReason = verdict === false ? `Requires ${condition}` : verdict;
              return { id: option.id, text: option.text, available: false, unavailableReason };
            }),
          };
        case 'end':
          return { type: 'end', nodeId, reason: 'end', outcome: node.outcome };
        case 'branch': {
          next = node.else;
          for (const branch of node.branches) {
            const verdict = test(branch.condition);
            if (typeof verdict === 'string') return fail(nodeId, verdict);
            if (verdict) {
              next = branch.target;
              break;
            }
          }
          break;
        }
        case 'action':
          try {
            for (const action of node.actions) events.push(...applyAction(action, state, declared, nodeId, quests));
          } catch (error) {
            if (error instanceof ActionError) return fail(nodeId, error.message);
            throw error;
          }
          next = node.next;
          break;
        case 'jump':
          if (node.dialogueId !== undefined)
            return { type: 'end', nodeId, reason: 'jump', jump: { dialogueId: node.dialogueId, nodeId: node.nodeId } };
          next = node.nodeId;
          break;
      }
      from = nodeId;
      nodeId = next;
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
      if (step.type !== 'line' && step.type !== 'aiLine')
        throw new DialogueRuntimeError(`advance() needs a line; the dialogue is at a ${step.type}`);
      const node = dialogue.nodes[step.nodeId] as NodeOfKind<'line' | 'aiLine'>;
      const { nodeId, speaker, lineId } = step;
      if (step.type === 'line') transcript.push({ type: 'line', nodeId, speaker, lineId, text: step.text, source: 'authored' });
      else {
        const improvised = improvisedText?.trim();
        transcript.push({
          type: 'line',
          nodeId,
          speaker,
          lineId,
          text: improvised || step.fallbackText,
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
      const node = dialogue.nodes[step.nodeId] as NodeOfKind<'choice'>;
      transcript.push({ type: 'choice', nodeId: step.nodeId, optionId, text: view.text });
      step = enter(node.options.find((option) => option.id === optionId)!.target, step.nodeId);
      return step;
    },
  };
}
