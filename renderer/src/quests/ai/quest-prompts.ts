import type { MethodInput } from '../../../../preload/api';
import type { QuestDraft } from '../../../../preload/contract/quests';
import { DIFFICULTIES, type Quest, type QuestObjective, type QuestReward, type QuestStage } from '../../../../main/domain/quest';

/**
 * Every prompt the quest editor sends, with the JSON schemas that constrain the model.
 * Lengths and counts are capped in the schemas so the grammar always closes the JSON within
 * the token budget; ids the model may use are enums of what the project has, and whatever
 * comes back is still checked and clamped here before the creator sees it.
 */

export interface WorldRefs {
  npcs: readonly { id: string; name: string }[];
  items: readonly { id: string; name: string }[];
  locations: readonly { id: string; name: string }[];
}

const text = (maxLength: number) => ({ type: 'string', maxLength });
/**
 * Whole numbers are asked for as JSON numbers and rounded and clamped when read back: the
 * grammar bounds strings and arrays, not numbers, so a model can write more digits than an
 * integer holds exactly, which a `type: 'integer'` check would refuse.
 */
const integer = { type: 'number' };
/** An enum of ids with '' for "none", so an empty project still has a valid schema. */
const ids = (list: readonly { id: string }[]) => ({ type: 'string', enum: ['', ...list.map((x) => x.id)] });
const budget = (characters: number) => Math.ceil(characters * 1.8) + 400;
const clampInt = (value: unknown, min: number, max: number, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
const str = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');
const listOf = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];
const known = (list: readonly { id: string }[], id: unknown) => (typeof id === 'string' && list.some((x) => x.id === id) ? id : undefined);
const describe = (label: string, list: readonly { id: string; name: string }[]) =>
  list.length ? `${label}: ${list.map((x) => `${x.id} (${x.name})`).join(', ')}` : `${label}: none yet`;

const DRAFT_STAGES = 3;
const DRAFT_OBJECTIVES = 2;

export function draftRequest(premise: string, world: WorldRefs, requestId: string): MethodInput<'llm:generateJson'> {
  const objective = {
    type: 'object',
    properties: {
      kind: { type: 'string', enum: ['talk', 'collect', 'reach', 'defeat'] },
      description: text(80),
      npcId: ids(world.npcs),
      itemId: ids(world.items),
      locationId: ids(world.locations),
      target: text(30),
      count: integer,
    },
    required: ['kind', 'description', 'npcId', 'itemId', 'locationId', 'target', 'count'],
    additionalProperties: false,
  };
  const schema = {
    type: 'object',
    properties: {
      title: text(60),
      summary: text(300),
      giverNpcId: ids(world.npcs),
      level: integer,
      difficulty: { type: 'string', enum: [...DIFFICULTIES] },
      stages: {
        type: 'array',
        minItems: 1,
        maxItems: DRAFT_STAGES,
        items: {
          type: 'object',
          properties: {
            title: text(50),
            journal: text(200),
            objectives: { type: 'array', minItems: 1, maxItems: DRAFT_OBJECTIVES, items: objective },
          },
          required: ['title', 'journal', 'objectives'],
          additionalProperties: false,
        },
      },
      gold: integer,
      experience: integer,
    },
    required: ['title', 'summary', 'giverNpcId', 'level', 'difficulty', 'stages', 'gold', 'experience'],
    additionalProperties: false,
  };
  return {
    requestId,
    system:
      'You are a narrative designer who writes game quests: a clear goal, a few concrete stages, objectives the player can act on. ' +
      'Use the project’s own NPCs, items and locations by id where they fit; leave an id empty when none fits. Write in the language of the premise.',
    prompt: [
      `Draft a quest from this premise: ${premise.trim()}`,
      describe('NPCs', world.npcs),
      describe('Items', world.items),
      describe('Locations', world.locations),
      'Each objective: kind talk (npcId), collect (itemId, count), reach (locationId) or defeat (target, count).',
    ].join('\n'),
    schema,
    maxTokens: budget(60 + 300 + DRAFT_STAGES * (50 + 200 + DRAFT_OBJECTIVES * 140) + 100),
    temperature: 0.8,
  };
}

/** A quest draft from the model's JSON: stages in a row, objectives that name nothing become custom events. */
export function draftFromJson(value: unknown, world: WorldRefs): QuestDraft & { title: string } {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const objectiveIds = new Set<string>();
  const stages: QuestStage[] = listOf(raw.stages)
    .slice(0, DRAFT_STAGES)
    .map((stage, s, all) => {
      const objectives = listOf(stage.objectives)
        .slice(0, DRAFT_OBJECTIVES)
        .map((o, i): QuestObjective => {
          let id = `${str(o.kind, 10) || 'objective'}_${s + 1}_${i + 1}`.replace(/[^A-Za-z0-9_]/g, '_');
          while (objectiveIds.has(id)) id += '_';
          objectiveIds.add(id);
          const base = { id, description: str(o.description, 200), optional: false, hidden: false };
          const n = clampInt(o.count, 1, 1000, 1);
          const npcId = known(world.npcs, o.npcId);
          const itemId = known(world.items, o.itemId);
          const locationId = known(world.locations, o.locationId);
          if (o.kind === 'talk' && npcId) return { ...base, type: 'talk', npcId };
          if (o.kind === 'collect' && itemId) return { ...base, type: 'collect', itemId, count: n };
          if (o.kind === 'reach' && locationId) return { ...base, type: 'reach', locationId };
          if (o.kind === 'defeat' && str(o.target, 100)) return { ...base, type: 'defeat', target: str(o.target, 100), count: n };
          return { ...base, type: 'custom', event: id, count: 1 };
        });
      const next = s + 1 < all.length ? `stage_${s + 2}` : undefined;
      return {
        id: `stage_${s + 1}`,
        title: str(stage.title, 200) || `Stage ${s + 1}`,
        journal: str(stage.journal, 2000),
        objectives,
        outcomes: next ? [{ id: 'next', condition: '', result: 'stage' as const, stageId: next }] : [],
        hidden: false,
      };
    });
  if (stages.length === 0) stages.push({ id: 'stage_1', title: 'Stage 1', journal: '', objectives: [], outcomes: [], hidden: false });
  const rewards: QuestReward[] = [];
  const gold = clampInt(raw.gold, 0, 1_000_000, 0);
  const experience = clampInt(raw.experience, 0, 1_000_000, 0);
  if (gold > 0) rewards.push({ type: 'currency', currency: 'gold', amount: gold });
  if (experience > 0) rewards.push({ type: 'experience', amount: experience });
  const difficulty = DIFFICULTIES.find((d) => d === raw.difficulty) ?? 'normal';
  return {
    title: str(raw.title, 200) || 'Untitled quest',
    summary: str(raw.summary, 2000),
    giverNpcId: known(world.npcs, raw.giverNpcId),
    level: clampInt(raw.level, 0, 1000, 1),
    difficulty,
    startStageId: 'stage_1',
    stages,
    rewards,
  };
}

export function journalRequest(quest: Quest, requestId: string): MethodInput<'llm:generateJson'> {
  const schema = {
    type: 'object',
    properties: Object.fromEntries(quest.stages.map((stage) => [stage.id, text(240)])),
    required: quest.stages.map((stage) => stage.id),
    additionalProperties: false,
  };
  const stages = quest.stages
    .map(
      (stage) => `- ${stage.id}: ${stage.title}; objectives: ${stage.objectives.map((o) => o.description || o.type).join(', ') || 'none'}`,
    )
    .join('\n');
  return {
    requestId,
    system: 'You write quest journal entries for games: second person, present tense, one to three sentences, no spoilers of later stages.',
    prompt: `Quest: ${quest.title}\n${quest.summary}\n\nWrite the journal entry for each stage:\n${stages}`,
    schema,
    maxTokens: budget(quest.stages.length * 260),
    temperature: 0.7,
  };
}

export function journalsFromJson(value: unknown, quest: Quest): Record<string, string> {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return Object.fromEntries(quest.stages.map((stage) => [stage.id, str(raw[stage.id], 2000)]));
}

const REWARD_COUNT = 3;

export function rewardsRequest(quest: Quest, items: WorldRefs['items'], requestId: string): MethodInput<'llm:generateJson'> {
  const schema = {
    type: 'object',
    properties: {
      rewards: {
        type: 'array',
        minItems: 1,
        maxItems: REWARD_COUNT,
        items: {
          type: 'object',
          properties: { kind: { type: 'string', enum: ['gold', 'experience', 'item'] }, amount: integer, itemId: ids(items) },
          required: ['kind', 'amount', 'itemId'],
          additionalProperties: false,
        },
      },
    },
    required: ['rewards'],
    additionalProperties: false,
  };
  return {
    requestId,
    system: 'You balance rewards for game quests: fair for the level and difficulty, a little generous for optional danger.',
    prompt: [
      `Suggest up to ${REWARD_COUNT} rewards for a level ${quest.level} ${quest.difficulty} quest "${quest.title}" with ${quest.stages.length} stages.`,
      quest.summary,
      describe('Items', items),
    ].join('\n'),
    schema,
    maxTokens: budget(REWARD_COUNT * 80),
    temperature: 0.6,
  };
}

export function rewardsFromJson(value: unknown, items: WorldRefs['items']): QuestReward[] {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return listOf(raw.rewards).flatMap((r): QuestReward[] => {
    const amount = clampInt(r.amount, 1, 1_000_000, 1);
    const itemId = known(items, r.itemId);
    if (r.kind === 'gold') return [{ type: 'currency', currency: 'gold', amount }];
    if (r.kind === 'experience') return [{ type: 'experience', amount }];
    if (r.kind === 'item' && itemId) return [{ type: 'item', itemId, count: Math.min(amount, 100) }];
    return [];
  });
}
