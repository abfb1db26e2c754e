/**
 * The quest part of the contract: quests as versioned records (main/domain/quest) over the
 * project's content items of kind `quest`, their validation against the project's NPCs,
 * items, locations and dialogues, and the dialogue nodes that act on them. The generic
 * `content:*` methods still apply to quest items (history, restore, search).
 */
import { z } from 'zod';
import { Difficulty, Quest } from '../../main/domain/quest/quest-schema';
import { method } from './method';

const questId = z.string().min(1).max(128);
const revision = z.number().int().positive();
const byId = z.object({ id: questId }).strict();

/** What the quest list and the quest map show, read without loading whole quests. */
export const QuestSummary = z.object({
  id: questId,
  title: z.string(),
  giverNpcId: z.string().nullable(),
  tags: z.array(z.string()),
  level: z.number(),
  difficulty: Difficulty,
  stageCount: z.number().int().nonnegative(),
  /** Quests that must be completed first. */
  prerequisiteIds: z.array(z.string()),
  /** Quests its rewards unlock. */
  unlockIds: z.array(z.string()),
  revision,
  updatedAt: z.string(),
});
export type QuestSummary = z.infer<typeof QuestSummary>;

export const QuestDocument = z.object({ id: questId, revision, updatedAt: z.string(), quest: Quest });
export type QuestDocument = z.infer<typeof QuestDocument>;

/** The quest fields a creator (or the model, from a premise) fills in before the quest exists. */
export const QuestDraft = Quest.omit({ schemaVersion: true, id: true }).partial().strict();
export type QuestDraft = z.infer<typeof QuestDraft>;

const Span = z.object({ start: z.number(), end: z.number() });
export const QuestProblemView = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  questId: z.string().optional(),
  stageId: z.string().optional(),
  field: z.string().optional(),
  span: Span.optional(),
  dialogueId: z.string().optional(),
  nodeId: z.string().optional(),
});
export type QuestProblemView = z.infer<typeof QuestProblemView>;

/** A dialogue action node that starts, advances or completes part of a quest. */
export const QuestLink = z.object({
  dialogueId: z.string(),
  dialogueName: z.string(),
  nodeId: z.string(),
  action: z.enum(['startQuest', 'advanceQuest', 'completeObjective', 'completeQuest']),
  /** The objective or stage the action names, when it names one. */
  detail: z.string().optional(),
});
export type QuestLink = z.infer<typeof QuestLink>;

/** A quest as dialogues name it: title, stages in order, objectives with the stage they belong to. */
export const QuestOutlineView = z.object({
  id: questId,
  title: z.string(),
  stages: z.array(z.object({ id: z.string(), title: z.string() })),
  objectives: z.array(z.object({ id: z.string(), description: z.string(), stageId: z.string() })),
});
export type QuestOutlineView = z.infer<typeof QuestOutlineView>;

export const questMethods = {
  'quests:list': method(z.object({}).strict(), z.array(QuestSummary), 'Quests of the open project with giver, level and links, by title'),
  'quests:get': method(byId, QuestDocument, 'One quest, its stored record brought up to the current quest format'),
  'quests:create': method(
    z.object({ title: z.string().trim().min(1, 'Title must not be empty').max(200), quest: QuestDraft.optional() }).strict(),
    QuestDocument,
    'Create a quest, with one empty stage or from a draft',
  ),
  'quests:save': method(
    z.object({ id: questId, quest: Quest, baseRevision: revision.optional() }).strict(),
    QuestDocument,
    'Save a quest as a new revision; with baseRevision, refuse if someone saved in between',
  ),
  'quests:delete': method(byId, z.object({ id: questId }), 'Delete a quest (its history is kept)'),
  'quests:validate': method(
    z.object({ id: questId.optional() }).strict(),
    z.array(QuestProblemView),
    'Problems of every quest (or of one, with the dialogue actions naming it): unknown references, unreachable stages, prerequisite cycles',
  ),
  'quests:links': method(byId, z.array(QuestLink), 'The dialogue nodes whose actions start, advance or complete the quest'),
  'quests:outlines': method(
    z.object({}).strict(),
    z.array(QuestOutlineView),
    "Every quest's title, stages and objectives, for the dialogue editor's pickers and validation",
  ),
} as const;
