/**
 * Loreweaver runtime for the web: plays dialogues and tracks quests of a `loreweaver-pack`
 * (format version 1) exactly as the studio's test chat does, with the same seeded random,
 * steps, transcript, events, state and error messages. No dependencies; an ES module.
 *
 *   import { createDialogueRunner } from './loreweaver-runtime.js';
 *   const runner = createDialogueRunner(pack, 'smith', { seed: 42 });
 *   runner.step;            // { type: 'line', speaker, text, ... } | { type: 'choice', options } | { type: 'end', ... }
 *   runner.advance();       // past a line
 *   runner.choose('buy');   // pick an option
 */

const DEFAULT_MAX_AUTOMATIC_STEPS = 10000;

/** Misuse by the host (choosing on a line, an unavailable option); content errors end the dialogue instead. */
export class DialogueRuntimeError extends Error {
  constructor(message) {
    super(message);
    this.name = 'DialogueRuntimeError';
  }
}

class EvaluationError extends Error {}
class ActionError extends Error {}

const own = (record, key) => (record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);
function setOwn(record, key, value) {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}
const clone = (value) => JSON.parse(JSON.stringify(value));
const typeOfValue = (value) => (typeof value === 'boolean' ? 'bool' : typeof value);

/** mulberry32 seeded by a number or an FNV-1a hash of a string, as in the studio. */
export function createRandom(seed) {
  let state = typeof seed === 'number' ? seed >>> 0 : fnv1a(String(seed));
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const quest = (scope, id) => own(scope.state.quests, id);

/** The functions conditions may call; the same set as the studio's. */
const FUNCTIONS = {
  active: { params: ['string'], call: ([id], scope) => quest(scope, id)?.status === 'active' },
  completed: { params: ['string'], call: ([id], scope) => quest(scope, id)?.status === 'completed' },
  failed: { params: ['string'], call: ([id], scope) => quest(scope, id)?.status === 'failed' },
  quest_stage: { params: ['string'], call: ([id], scope) => quest(scope, id)?.stage ?? 0 },
  quest_stage_id: { params: ['string'], call: ([id], scope) => quest(scope, id)?.stageId ?? '' },
  objective_count: { params: ['string', 'string'], call: ([id, objective], scope) => own(quest(scope, id)?.counts, objective) ?? 0 },
  objective_done: { params: ['string', 'string'], call: ([id, objective], scope) => own(quest(scope, id)?.objectives, objective) === true },
  item_count: { params: ['string'], call: ([item], scope) => own(scope.state.inventory, item) ?? 0 },
  visited: { params: ['string'], call: ([node], scope) => (own(own(scope.state.visits, scope.dialogueId), node) ?? 0) > 0 },
  random: {
    params: ['number'],
    call: ([count], scope) => {
      if (!Number.isInteger(count) || count < 1 || count > 2 ** 31) {
        throw new EvaluationError(`random() needs a whole number from 1 to 2^31, got ${count}`);
      }
      return Math.floor(scope.random() * count);
    },
  },
};

function expect(value, type, what) {
  if (typeOfValue(value) !== type) throw new EvaluationError(`${what} needs a ${type}, got ${typeOfValue(value)} ${JSON.stringify(value)}`);
  return value;
}

/** Evaluates a condition tree: strictly typed, no truthiness, as in the studio. */
export function evaluate(expr, scope) {
  switch (expr.type) {
    case 'literal':
      return expr.value;
    case 'variable': {
      const value = own(scope.state.variables, expr.name);
      if (value === undefined) throw new EvaluationError(`Variable $${expr.name} has no value`);
      return value;
    }
    case 'not':
      return !expect(evaluate(expr.operand, scope), 'bool', "'not'");
    case 'logical': {
      const stopOn = expr.operator === 'or';
      for (const operand of expr.operands) {
        if (expect(evaluate(operand, scope), 'bool', `'${expr.operator}'`) === stopOn) return stopOn;
      }
      return !stopOn;
    }
    case 'compare': {
      const left = evaluate(expr.left, scope);
      const right = evaluate(expr.right, scope);
      if (expr.operator === '==' || expr.operator === '!=') {
        expect(right, typeOfValue(left), `'${expr.operator}' with a ${typeOfValue(left)} on the left`);
        return (left === right) === (expr.operator === '==');
      }
      const a = expect(left, 'number', `'${expr.operator}'`);
      const b = expect(right, 'number', `'${expr.operator}'`);
      if (expr.operator === '<') return a < b;
      if (expr.operator === '<=') return a <= b;
      if (expr.operator === '>') return a > b;
      return a >= b;
    }
    case 'call': {
      const fn = own(FUNCTIONS, expr.name);
      if (!fn) throw new EvaluationError(`Unknown function ${expr.name}()`);
      if (fn.params.length !== expr.args.length) {
        throw new EvaluationError(`${expr.name}() takes ${fn.params.length} argument(s), got ${expr.args.length}`);
      }
      const args = expr.args.map((arg, i) => expect(evaluate(arg, scope), fn.params[i], `Argument ${i + 1} of ${expr.name}()`));
      return fn.call(args, scope);
    }
  }
  throw new EvaluationError(`Unknown expression ${JSON.stringify(expr.type)}`);
}

/** Applies one action to the state in place; returns the events it caused. */
function applyAction(action, state, declared, nodeId) {
  const events = [];
  const startQuest = (questId) => {
    let progress = own(state.quests, questId);
    if (!progress) {
      progress = { status: 'active', stage: 0, objectives: {} };
      setOwn(state.quests, questId, progress);
      events.push({ type: 'questStarted', nodeId, questId });
    }
    return progress;
  };
  switch (action.type) {
    case 'setVariable': {
      const from = own(state.variables, action.variable);
      const type = own(declared, action.variable) ?? (from === undefined ? undefined : typeOfValue(from));
      let to = action.value;
      if (action.operator !== '=') {
        if (typeof from !== 'number' || typeof to !== 'number') {
          throw new ActionError(
            `'${action.operator}' needs numbers; $${action.variable} is ${JSON.stringify(from)} and the value ${JSON.stringify(to)}`,
          );
        }
        to = action.operator === '+=' ? from + to : from - to;
      } else if (type !== undefined && typeOfValue(to) !== type) {
        throw new ActionError(`$${action.variable} is a ${type}; cannot set it to ${JSON.stringify(to)}`);
      }
      if (from !== to) {
        setOwn(state.variables, action.variable, to);
        events.push({ type: 'variableChanged', nodeId, name: action.variable, from, to });
      }
      break;
    }
    case 'startQuest':
      startQuest(action.questId);
      break;
    case 'advanceQuest': {
      const progress = startQuest(action.questId);
      const stage = action.stage ?? progress.stage + 1;
      if (stage !== progress.stage) {
        progress.stage = stage;
        events.push({ type: 'questAdvanced', nodeId, questId: action.questId, stage });
      }
      break;
    }
    case 'completeObjective': {
      const progress = startQuest(action.questId);
      if (own(progress.objectives, action.objectiveId) !== true) {
        setOwn(progress.objectives, action.objectiveId, true);
        events.push({ type: 'objectiveCompleted', nodeId, questId: action.questId, objectiveId: action.objectiveId });
      }
      break;
    }
    case 'completeQuest': {
      const progress = startQuest(action.questId);
      if (progress.status !== 'completed') {
        progress.status = 'completed';
        events.push({ type: 'questCompleted', nodeId, questId: action.questId });
      }
      break;
    }
    case 'giveItem':
      setOwn(state.inventory, action.itemId, (own(state.inventory, action.itemId) ?? 0) + action.count);
      events.push({ type: 'itemGiven', nodeId, itemId: action.itemId, count: action.count });
      break;
    case 'command':
      events.push({ type: 'command', nodeId, name: action.name, args: [...action.args] });
      break;
  }
  return events;
}

function findDialogue(pack, dialogueId) {
  const dialogue = (pack.dialogues || []).find((d) => d.id === dialogueId);
  if (!dialogue) throw new DialogueRuntimeError(`The pack has no dialogue "${dialogueId}"`);
  return dialogue;
}

function initialState(dialogue, carried = {}) {
  const { quests, inventory, visits, variables: carriedVariables } = clone(carried);
  const variables = {};
  for (const variable of dialogue.variables) setOwn(variables, variable.name, variable.default);
  for (const [name, value] of Object.entries(carriedVariables ?? {})) setOwn(variables, name, value);
  return { variables, quests: quests ?? {}, inventory: inventory ?? {}, visits: visits ?? {} };
}

/**
 * Plays one dialogue of a pack. `options`: `seed` (number or string, feeds random()),
 * `state` carried from earlier conversations, `startNodeId`, `maxAutomaticSteps`.
 * On a `jump` end, start a runner for `step.jump.dialogueId` with `state: runner.state`.
 */
export function createDialogueRunner(pack, dialogueId, options = {}) {
  const dialogue = findDialogue(pack, dialogueId);
  const state = initialState(dialogue, options.state);
  const declared = {};
  for (const variable of dialogue.variables) setOwn(declared, variable.name, variable.type);
  const scope = { state, dialogueId: dialogue.id, random: createRandom(options.seed ?? 0) };
  const maxAutomaticSteps = options.maxAutomaticSteps ?? DEFAULT_MAX_AUTOMATIC_STEPS;
  const transcript = [];
  const events = [];
  const history = [];

  const test = (condition) => {
    try {
      const value = evaluate(condition.ast, scope);
      return typeof value === 'boolean' ? value : `Condition "${condition.source}" is a ${typeof value}, not true or false`;
    } catch (error) {
      if (error instanceof EvaluationError) return `Condition "${condition.source}" cannot be evaluated: ${error.message}`;
      throw error;
    }
  };

  const fail = (nodeId, message) => ({ type: 'end', nodeId, reason: 'error', message });

  const enter = (nodeId, from) => {
    for (let automatic = 0; ; automatic++) {
      if (nodeId === undefined) return { type: 'end', nodeId: from, reason: 'unconnected' };
      const node = own(dialogue.nodes, nodeId);
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

      let next;
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
              const verdict = option.condition ? test(option.condition) : true;
              if (verdict === true) return { id: option.id, text: option.text, available: true };
              const unavailableReason = verdict === false ? `Requires ${option.condition.source}` : verdict;
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
            for (const action of node.actions) events.push(...applyAction(action, state, declared, nodeId));
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
  let step = first ? enter(first, undefined) : fail(undefined, 'Dialogue has no start node');

  return {
    dialogueId: dialogue.id,
    get step() {
      return step;
    },
    get state() {
      return clone(state);
    },
    transcript,
    events,
    history,
    advance(improvisedText) {
      if (step.type !== 'line' && step.type !== 'aiLine')
        throw new DialogueRuntimeError(`advance() needs a line; the dialogue is at a ${step.type}`);
      const node = dialogue.nodes[step.nodeId];
      const { nodeId, speaker, lineId } = step;
      if (step.type === 'line') transcript.push({ type: 'line', nodeId, speaker, lineId, text: step.text, source: 'authored' });
      else {
        const improvised = typeof improvisedText === 'string' ? improvisedText.trim() : '';
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
      const node = dialogue.nodes[step.nodeId];
      transcript.push({ type: 'choice', nodeId: step.nodeId, optionId, text: view.text });
      step = enter(node.options.find((option) => option.id === optionId).target, step.nodeId);
      return step;
    },
  };
}

/**
 * The player's quest progress across conversations: read it for quest logs, feed it the
 * runner's events, and hand `quests` to the next runner as `state.quests`.
 */
export function createQuestState(pack, progress = {}) {
  const quests = clone(progress);
  const definitions = {};
  for (const definition of pack.quests || []) setOwn(definitions, definition.id, definition);
  const start = (questId) => {
    if (!own(quests, questId)) setOwn(quests, questId, { status: 'active', stage: 0, objectives: {} });
    return own(quests, questId);
  };
  return {
    get quests() {
      return clone(quests);
    },
    /** 'inactive' before the quest starts, then 'active', then 'completed'. */
    status: (questId) => own(quests, questId)?.status ?? 'inactive',
    stage: (questId) => own(quests, questId)?.stage ?? 0,
    objectiveDone: (questId, objectiveId) => own(own(quests, questId)?.objectives, objectiveId) === true,
    /** The quest as the pack defines it (name, stages, objectives), if the pack has it. */
    definition: (questId) => own(definitions, questId),
    /** Applies a runner's quest events (questStarted, questAdvanced, objectiveCompleted, questCompleted). */
    apply(events) {
      for (const event of events) {
        if (event.type === 'questStarted') start(event.questId);
        else if (event.type === 'questAdvanced') start(event.questId).stage = event.stage;
        else if (event.type === 'objectiveCompleted') setOwn(start(event.questId).objectives, event.objectiveId, true);
        else if (event.type === 'questCompleted') start(event.questId).status = 'completed';
      }
    },
  };
}
