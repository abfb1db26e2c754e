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

/** Bounds on quest conditions, as in the studio's parser; a condition past them does not parse. */
const CONDITION_LIMITS = { maxLength: 2000, maxTokens: 400, maxDepth: 32, maxNameLength: 64 };
const COMPARE_OPERATORS = ['==', '!=', '<', '<=', '>', '>='];
const KEYWORDS = ['and', 'or', 'not', 'true', 'false'];
const STRING_ESCAPES = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };
class ConditionSyntaxError extends Error {}
const isDigit = (ch) => ch !== undefined && ch >= '0' && ch <= '9';
const isNameStart = (ch) => ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_');
const isNamePart = (ch) => isNameStart(ch) || isDigit(ch);

/** Splits a condition into tokens, as the studio's tokenizer (same limits; errors only say that it does not parse). */
function tokenize(source) {
  if (source.length > CONDITION_LIMITS.maxLength) throw new ConditionSyntaxError();
  const tokens = [];
  let i = 0;
  const push = (type, value) => {
    if (tokens.length >= CONDITION_LIMITS.maxTokens) throw new ConditionSyntaxError();
    tokens.push({ type, value });
  };
  const readName = () => {
    const start = i;
    while (i < source.length && isNamePart(source[i])) i++;
    if (i - start > CONDITION_LIMITS.maxNameLength) throw new ConditionSyntaxError();
    return source.slice(start, i);
  };
  while (i < source.length) {
    const ch = source[i];
    const start = i;
    if (/\s/.test(ch)) i++;
    else if (isDigit(ch)) {
      while (i < source.length && isDigit(source[i])) i++;
      if (source[i] === '.') {
        i++;
        if (!isDigit(source[i])) throw new ConditionSyntaxError();
        while (i < source.length && isDigit(source[i])) i++;
      }
      if (i < source.length && isNamePart(source[i])) throw new ConditionSyntaxError();
      const value = Number(source.slice(start, i));
      if (!Number.isFinite(value)) throw new ConditionSyntaxError();
      push('number', value);
    } else if (ch === '"' || ch === "'") {
      i++;
      let text = '';
      for (;;) {
        if (i >= source.length) throw new ConditionSyntaxError();
        const c = source[i];
        if (c === ch) break;
        if (c !== '\\') {
          text += c;
          i++;
        } else if (Object.prototype.hasOwnProperty.call(STRING_ESCAPES, source[i + 1] ?? '')) {
          text += STRING_ESCAPES[source[i + 1]];
          i += 2;
        } else if (source[i + 1] === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
          text += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
          i += 6;
        } else throw new ConditionSyntaxError();
      }
      i++;
      push('string', text);
    } else if (ch === '$') {
      i++;
      if (!isNameStart(source[i])) throw new ConditionSyntaxError();
      push('variable', readName());
    } else if (isNameStart(ch)) push('word', readName());
    else if (ch === '(' || ch === ')' || ch === ',') {
      i++;
      push(ch, ch);
    } else if (['==', '!=', '<=', '>='].includes(source.slice(i, i + 2))) {
      i += 2;
      push('operator', source.slice(start, i));
    } else if (ch === '<' || ch === '>' || ch === '-') {
      i++;
      push('operator', ch);
    } else throw new ConditionSyntaxError();
  }
  tokens.push({ type: 'end', value: '' });
  return tokens;
}

/**
 * Parses a condition into the tree `evaluate` reads, by the studio's grammar (or, and, not,
 * one comparison, operands); null when it does not parse. Quest conditions travel as text.
 */
export function parseCondition(source) {
  let tokens;
  try {
    tokens = tokenize(source);
  } catch (error) {
    if (error instanceof ConditionSyntaxError) return null;
    throw error;
  }
  if (tokens.length === 1) return null;
  let index = 0;
  let depth = 0;
  const peek = () => tokens[index];
  const take = () => tokens[index++];
  const isWord = (word) => peek().type === 'word' && peek().value === word;
  const nested = (parse) => {
    if (++depth > CONDITION_LIMITS.maxDepth) throw new ConditionSyntaxError();
    const result = parse();
    depth--;
    return result;
  };
  const logical = (operator, parseOperand) => {
    const first = parseOperand();
    if (!isWord(operator)) return first;
    const operands = [first];
    while (isWord(operator)) {
      take();
      operands.push(parseOperand());
    }
    return { type: 'logical', operator, operands };
  };
  const parseOr = () => logical('or', parseAnd);
  const parseAnd = () => logical('and', parseNot);
  const parseNot = () => {
    if (!isWord('not')) return parseComparison();
    take();
    return { type: 'not', operand: nested(parseNot) };
  };
  const isCompare = (token) => token.type === 'operator' && COMPARE_OPERATORS.includes(token.value);
  const parseComparison = () => {
    const left = parseOperand();
    const next = peek();
    if (!isCompare(next)) return left;
    take();
    const right = parseOperand();
    if (isCompare(peek())) throw new ConditionSyntaxError();
    return { type: 'compare', operator: next.value, left, right };
  };
  const parseOperand = () => {
    const token = take();
    switch (token.type) {
      case 'number':
      case 'string':
        return { type: 'literal', value: token.value };
      case 'variable':
        return { type: 'variable', name: token.value };
      case '(':
        return nested(() => {
          const inner = parseOr();
          if (take().type !== ')') throw new ConditionSyntaxError();
          return inner;
        });
      case 'operator':
        if (token.value === '-' && peek().type === 'number') return { type: 'literal', value: -take().value };
        break;
      case 'word':
        if (token.value === 'true' || token.value === 'false') return { type: 'literal', value: token.value === 'true' };
        if (KEYWORDS.includes(token.value) || peek().type !== '(') break;
        take();
        return nested(() => {
          const args = [];
          if (peek().type !== ')') {
            args.push(parseOr());
            while (peek().type === ',') {
              take();
              args.push(parseOr());
            }
          }
          if (take().type !== ')') throw new ConditionSyntaxError();
          return { type: 'call', name: token.value, args };
        });
    }
    throw new ConditionSyntaxError();
  };
  try {
    const ast = parseOr();
    return peek().type === 'end' ? ast : null;
  } catch (error) {
    if (error instanceof ConditionSyntaxError) return null;
    throw error;
  }
}

/**
 * The quest state machine over the runner's state, line for line the studio's
 * (main/domain/quest/quest-machine.ts): prerequisites, stages, objectives counted from world
 * events, outcomes tried in order, fail conditions, rewards and unlocks. `definitions` maps
 * quest id → the pack's quest; quests without one only record what actions set.
 */
function createQuestMachine(definitions, state, scope) {
  const parsed = new Map();
  const holds = (source) => {
    const text = source.trim();
    if (!text) return true;
    if (!parsed.has(text)) parsed.set(text, parseCondition(text));
    const ast = parsed.get(text);
    if (ast === null) return false;
    try {
      return evaluate(ast, scope) === true;
    } catch (error) {
      if (error instanceof EvaluationError) return false;
      throw error;
    }
  };
  const definitionCount = Object.keys(definitions).length;
  const stageIndex = (quest, stageId) => quest.stages.findIndex((stage) => stage.id === stageId);

  const startBlocker = (quest) => {
    if (own(state.quests, quest.id)?.status === 'available') return null;
    for (const required of quest.prerequisites.quests) {
      if (own(state.quests, required)?.status !== 'completed') {
        return `Needs quest "${own(definitions, required)?.title || required}" completed first`;
      }
    }
    const condition = quest.prerequisites.condition.trim();
    if (condition && !holds(condition)) return `Requires ${condition}`;
    return null;
  };

  const enterStage = (quest, progress, index, changes) => {
    const stage = quest.stages[index];
    progress.stage = index;
    progress.stageId = stage.id;
    changes.push({ type: 'questAdvanced', questId: quest.id, stage: index, stageId: stage.id });
  };

  const setNumber = (name, to, changes) => {
    const from = own(state.variables, name);
    if (from === to) return;
    setOwn(state.variables, name, to);
    changes.push({ type: 'variableChanged', name, from, to });
  };
  const numberOf = (value) => (typeof value === 'number' ? value : 0);

  const giveReward = (reward, changes) => {
    switch (reward.type) {
      case 'item':
        setOwn(state.inventory, reward.itemId, (own(state.inventory, reward.itemId) ?? 0) + reward.count);
        changes.push({ type: 'itemGiven', itemId: reward.itemId, count: reward.count });
        break;
      case 'currency':
        setNumber(reward.currency, numberOf(own(state.variables, reward.currency)) + reward.amount, changes);
        break;
      case 'experience':
        setNumber('xp', numberOf(own(state.variables, 'xp')) + reward.amount, changes);
        break;
      case 'variable':
        if (reward.operator === '=') setNumber(reward.variable, reward.value, changes);
        else if (typeof reward.value === 'number') {
          const delta = reward.operator === '+=' ? reward.value : -reward.value;
          setNumber(reward.variable, numberOf(own(state.variables, reward.variable)) + delta, changes);
        }
        break;
      case 'unlockQuest':
        if (!own(state.quests, reward.questId)) {
          setOwn(state.quests, reward.questId, { status: 'available', stage: 0, objectives: {} });
          changes.push({ type: 'questUnlocked', questId: reward.questId });
        }
        break;
    }
  };

  const finish = (quest, progress, outcome, reason, changes) => {
    if (outcome === 'fail') {
      progress.status = 'failed';
      changes.push({ type: 'questFailed', questId: quest.id, reason });
      return;
    }
    progress.status = 'completed';
    changes.push({ type: 'questCompleted', questId: quest.id });
    for (const reward of quest.rewards) giveReward(reward, changes);
  };

  const pickOutcome = (stage) => (stage.outcomes.length === 0 ? 'complete' : stage.outcomes.find((outcome) => holds(outcome.condition)));

  const takeOutcome = (quest, progress, outcome, changes) => {
    if (outcome === 'complete') finish(quest, progress, 'complete', '', changes);
    else if (outcome.result === 'stage') {
      const index = stageIndex(quest, outcome.stageId);
      if (index < 0) return false;
      enterStage(quest, progress, index, changes);
    } else finish(quest, progress, outcome.result, `Outcome "${outcome.id}" of stage "${progress.stageId}"`, changes);
    return true;
  };

  const markObjective = (quest, progress, objectiveId, changes) => {
    if (own(progress.objectives, objectiveId) === true) return false;
    setOwn(progress.objectives, objectiveId, true);
    changes.push({ type: 'objectiveCompleted', questId: quest.id, objectiveId });
    return true;
  };

  const settleQuest = (quest, progress, changes) => {
    let changed = false;
    for (let step = 0; step <= quest.stages.length && progress.status === 'active'; step++) {
      const failing = quest.failConditions.find((condition) => condition.trim() && holds(condition));
      if (failing !== undefined) {
        finish(quest, progress, 'fail', `Fail condition ${failing.trim()} holds`, changes);
        return true;
      }
      const stage = quest.stages[stageIndex(quest, progress.stageId)];
      if (!stage) return changed;
      for (const objective of stage.objectives) {
        if (objective.type === 'collect' && (own(state.inventory, objective.itemId) ?? 0) >= objective.count) {
          changed = markObjective(quest, progress, objective.id, changes) || changed;
        }
      }
      if (stage.objectives.some((objective) => !objective.optional && own(progress.objectives, objective.id) !== true)) return changed;
      const outcome = pickOutcome(stage);
      if (outcome === undefined || !takeOutcome(quest, progress, outcome, changes)) return changed;
      changed = true;
    }
    return changed;
  };

  const settle = (changes) => {
    for (let pass = 0; pass <= definitionCount; pass++) {
      let changed = false;
      for (const questId of Object.keys(state.quests).sort()) {
        const quest = own(definitions, questId);
        const progress = own(state.quests, questId);
        if (quest && progress?.status === 'active') changed = settleQuest(quest, progress, changes) || changed;
      }
      if (!changed) break;
    }
    return changes;
  };

  const start = (questId, changes) => {
    const existing = own(state.quests, questId);
    const quest = own(definitions, questId);
    if (!quest) {
      if (!existing || existing.status === 'available') {
        setOwn(state.quests, questId, { status: 'active', stage: 0, objectives: {} });
        changes.push({ type: 'questStarted', questId });
      }
      return changes;
    }
    if (existing && existing.status !== 'available') return changes;
    const blocker = startBlocker(quest);
    if (blocker !== null) {
      changes.push({ type: 'questStartRefused', questId, reason: blocker });
      return changes;
    }
    const progress = { status: 'active', stage: 0, objectives: {}, counts: {} };
    setOwn(state.quests, questId, progress);
    changes.push({ type: 'questStarted', questId });
    const first = stageIndex(quest, quest.startStageId);
    if (first >= 0) enterStage(quest, progress, first, changes);
    return settle(changes);
  };

  const activeProgress = (questId, changes) => {
    start(questId, changes);
    const progress = own(state.quests, questId);
    return progress?.status === 'active' || !own(definitions, questId) ? progress : undefined;
  };

  const eventMatches = (event, objective) =>
    (event.type === 'talk' && objective.type === 'talk' && objective.npcId === event.npcId) ||
    (event.type === 'reach' && objective.type === 'reach' && objective.locationId === event.locationId) ||
    (event.type === 'defeat' && objective.type === 'defeat' && objective.target === event.target) ||
    (event.type === 'custom' && objective.type === 'custom' && objective.event === event.name);

  return {
    hasDefinitions: definitionCount > 0,
    settle,
    startBlocker: (questId) => {
      const quest = own(definitions, questId);
      return quest ? startBlocker(quest) : null;
    },
    start,
    advance(questId, stage, changes) {
      const progress = activeProgress(questId, changes);
      if (!progress) return changes;
      const quest = own(definitions, questId);
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
          throw new ActionError(`Quest "${quest.title || questId}" has ${quest.stages.length} stages; there is no stage ${stage}`);
        }
        if (stage !== progress.stage || progress.stageId !== quest.stages[stage].id) enterStage(quest, progress, stage, changes);
      } else {
        const current = quest.stages[stageIndex(quest, progress.stageId)];
        const outcome = current && pickOutcome(current);
        if (outcome !== undefined) takeOutcome(quest, progress, outcome, changes);
      }
      return settle(changes);
    },
    completeObjective(questId, objectiveId, changes) {
      const progress = activeProgress(questId, changes);
      if (!progress) return changes;
      if (own(progress.objectives, objectiveId) !== true) {
        setOwn(progress.objectives, objectiveId, true);
        changes.push({ type: 'objectiveCompleted', questId, objectiveId });
      }
      return settle(changes);
    },
    complete(questId, changes) {
      const progress = activeProgress(questId, changes);
      if (!progress || progress.status === 'completed') return changes;
      const quest = own(definitions, questId);
      if (quest) finish(quest, progress, 'complete', '', changes);
      else {
        progress.status = 'completed';
        changes.push({ type: 'questCompleted', questId });
      }
      return settle(changes);
    },
    fail(questId, reason, changes) {
      const progress = own(state.quests, questId);
      if (progress?.status !== 'active') return changes;
      progress.status = 'failed';
      changes.push({ type: 'questFailed', questId, reason });
      return settle(changes);
    },
    /** A world event: talk, collect, reach, defeat or custom (`count` defaults to 1). */
    progress(event, changes) {
      const amount = Math.max(1, Math.floor(('count' in event && event.count) || 1));
      if (event.type === 'collect') {
        setOwn(state.inventory, event.itemId, (own(state.inventory, event.itemId) ?? 0) + amount);
        return settle(changes);
      }
      for (const questId of Object.keys(state.quests).sort()) {
        const quest = own(definitions, questId);
        const progress = own(state.quests, questId);
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
      return settle(changes);
    },
  };
}

/** The pack's quest definitions by id (or the ones given instead). */
function questDefinitions(quests) {
  const definitions = {};
  for (const definition of quests || []) setOwn(definitions, definition.id, definition);
  return definitions;
}

/**
 * Applies one action to the state in place; returns the events it caused. Quest actions go
 * through the quest machine; with quest definitions a `command` is also the custom world
 * event of its name, and the active quests settle after every action.
 */
function applyAction(action, state, declared, nodeId, quests) {
  const events = [];
  const changes = [];
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
      quests.start(action.questId, changes);
      break;
    case 'advanceQuest':
      quests.advance(action.questId, action.stage, changes);
      break;
    case 'completeObjective':
      quests.completeObjective(action.questId, action.objectiveId, changes);
      break;
    case 'completeQuest':
      quests.complete(action.questId, changes);
      break;
    case 'giveItem':
      setOwn(state.inventory, action.itemId, (own(state.inventory, action.itemId) ?? 0) + action.count);
      events.push({ type: 'itemGiven', nodeId, itemId: action.itemId, count: action.count });
      break;
    case 'command':
      events.push({ type: 'command', nodeId, name: action.name, args: [...action.args] });
      if (quests.hasDefinitions) quests.progress({ type: 'custom', name: action.name }, changes);
      break;
  }
  if (quests.hasDefinitions) quests.settle(changes);
  for (const change of changes) events.push({ ...change, nodeId });
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
 * `state` carried from earlier conversations, `startNodeId`, `maxAutomaticSteps`, and
 * `quests` to use instead of the pack's quest definitions. With quest definitions,
 * prerequisites, stages, objectives, outcomes, fail conditions and rewards apply as in the
 * studio, the conversation counts as talking to the dialogue's NPC, and `command` actions
 * are custom world events.
 * On a `jump` end, start a runner for `step.jump.dialogueId` with `state: runner.state`.
 */
export function createDialogueRunner(pack, dialogueId, options = {}) {
  const dialogue = findDialogue(pack, dialogueId);
  const state = initialState(dialogue, options.state);
  const declared = {};
  for (const variable of dialogue.variables) setOwn(declared, variable.name, variable.type);
  const scope = { state, dialogueId: dialogue.id, random: createRandom(options.seed ?? 0) };
  const quests = createQuestMachine(questDefinitions(options.quests ?? pack.quests), state, scope);
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
  if (first && dialogue.npcId && quests.hasDefinitions) {
    for (const change of quests.progress({ type: 'talk', npcId: dialogue.npcId }, [])) events.push({ ...change, nodeId: first });
  }
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
 * The quest state machine outside a conversation, as the studio's quest tracker: the game
 * feeds it world events (`talk`, `collect`, `reach`, `defeat`, `custom`, with an optional
 * `count`) and quest calls between dialogues, over the same state a runner carries (pass
 * `runner.state` in, and `tracker.state` to the next runner). Each call returns the changes.
 */
export function createQuestTracker(pack, options = {}) {
  const state = clone(options.state ?? { variables: {}, quests: {}, inventory: {}, visits: {} });
  const scope = { state, dialogueId: '', random: createRandom(options.seed ?? 0) };
  const machine = createQuestMachine(questDefinitions(options.quests ?? pack.quests), state, scope);
  const run = (call) => {
    try {
      return call([]);
    } catch (error) {
      if (error instanceof ActionError) throw new DialogueRuntimeError(error.message);
      throw error;
    }
  };
  return {
    get state() {
      return clone(state);
    },
    /** Why the quest cannot start now, or null. */
    startBlocker: (questId) => machine.startBlocker(questId),
    start: (questId) => run((changes) => machine.start(questId, changes)),
    advance: (questId, stage) => run((changes) => machine.advance(questId, stage, changes)),
    completeObjective: (questId, objectiveId) => run((changes) => machine.completeObjective(questId, objectiveId, changes)),
    complete: (questId) => run((changes) => machine.complete(questId, changes)),
    fail: (questId, reason = 'Failed by the game') => run((changes) => machine.fail(questId, reason, changes)),
    progress: (event) => run((changes) => machine.progress(event, changes)),
  };
}

/**
 * The player's quest progress across conversations: read it for quest logs, feed it the
 * runner's events, and hand `quests` to the next runner as `state.quests`.
 */
export function createQuestState(pack, progress = {}) {
  const quests = clone(progress);
  const definitions = questDefinitions(pack.quests);
  const start = (questId) => {
    if (!own(quests, questId)) setOwn(quests, questId, { status: 'active', stage: 0, objectives: {} });
    return own(quests, questId);
  };
  return {
    get quests() {
      return clone(quests);
    },
    /** 'inactive' before the quest starts or unlocks, then 'available', 'active', 'completed' or 'failed'. */
    status: (questId) => own(quests, questId)?.status ?? 'inactive',
    stage: (questId) => own(quests, questId)?.stage ?? 0,
    objectiveDone: (questId, objectiveId) => own(own(quests, questId)?.objectives, objectiveId) === true,
    /** The quest as the pack defines it (name, stages, objectives), if the pack has it. */
    definition: (questId) => own(definitions, questId),
    /**
     * Applies a runner's quest events: questStarted, questUnlocked, questAdvanced,
     * objectiveProgressed, objectiveCompleted, questCompleted, questFailed.
     */
    apply(events) {
      for (const event of events) {
        if (event.type === 'questStarted') {
          if (own(quests, event.questId)?.status === 'available')
            setOwn(quests, event.questId, { status: 'active', stage: 0, objectives: {} });
          start(event.questId);
        } else if (event.type === 'questUnlocked') {
          if (!own(quests, event.questId)) setOwn(quests, event.questId, { status: 'available', stage: 0, objectives: {} });
        } else if (event.type === 'questAdvanced') {
          const quest = start(event.questId);
          quest.stage = event.stage;
          if (event.stageId !== undefined) quest.stageId = event.stageId;
        } else if (event.type === 'objectiveProgressed') {
          const quest = start(event.questId);
          setOwn(quest.counts ?? (quest.counts = {}), event.objectiveId, event.count);
        } else if (event.type === 'objectiveCompleted') setOwn(start(event.questId).objectives, event.objectiveId, true);
        else if (event.type === 'questCompleted') start(event.questId).status = 'completed';
        else if (event.type === 'questFailed') start(event.questId).status = 'failed';
      }
    },
  };
}
