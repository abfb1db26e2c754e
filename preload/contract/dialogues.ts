/**
 * Dialogue methods of the contract. A dialogue is stored node by node, so a save carries
 * only what changed: the header fields it sets and the nodes it adds, replaces or deletes.
 */
import { z } from 'zod';
import { Dialogue, DialogueNode, EnumDeclaration, NodeId, Saliency, VariableDeclaration } from '../../main/domain/dialogue/dialogue-schema';
import { method } from './method';

const id = z.string().min(1).max(128);
const name = z.string().trim().min(1, 'Name must not be empty').max(120);

export const DialogueSummary = z.object({
  id,
  name: z.string(),
  npcId: z.string().nullable(),
  nodeCount: z.number().int().nonnegative(),
  revision: z.number().int().positive(),
  updatedAt: z.string(),
});
export type DialogueSummary = z.infer<typeof DialogueSummary>;

export const DialogueDocument = z.object({
  id,
  revision: z.number().int().positive(),
  updatedAt: z.string(),
  dialogue: Dialogue,
});
export type DialogueDocument = z.infer<typeof DialogueDocument>;

/** A change to one dialogue: one transaction, one revision, one undo step in the history. */
export const DialogueChange = z
  .object({
    id,
    /** The revision the editor last saw; a save on top of a newer one is refused. */
    baseRevision: z.number().int().positive(),
    name: name.optional(),
    npcId: z.string().max(128).nullable().optional(),
    notes: z.string().max(100_000).optional(),
    variables: z.array(VariableDeclaration).optional(),
    /** An empty list removes the dialogue's enums. */
    enums: z.array(EnumDeclaration).max(64).optional(),
    /** `best`, the default, is stored as no rule. */
    saliency: Saliency.optional(),
    startNodeId: z.string().max(128).optional(),
    upsertNodes: z.array(DialogueNode).max(20_000).optional(),
    deleteNodeIds: z.array(NodeId).max(20_000).optional(),
  })
  .strict();
export type DialogueChange = z.input<typeof DialogueChange>;

export const DialogueSaved = z.object({ id, revision: z.number().int().positive(), updatedAt: z.string() });

export const DialogueProblemValue = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  nodeId: z.string().optional(),
  field: z.string().optional(),
  span: z.object({ start: z.number().int(), end: z.number().int() }).optional(),
});
export type DialogueProblemValue = z.infer<typeof DialogueProblemValue>;

export const dialogueMethods = {
  'dialogues:list': method(
    z.object({ npcId: id.optional() }).strict(),
    z.array(DialogueSummary),
    'Dialogues of the open project, or of one NPC',
  ),
  'dialogues:create': method(
    z.object({ name, npcId: id.optional() }).strict(),
    DialogueDocument,
    'Create a dialogue with a start line and an end',
  ),
  'dialogues:get': method(z.object({ id }).strict(), DialogueDocument, 'A dialogue with all its nodes'),
  'dialogues:save': method(DialogueChange, DialogueSaved, 'Apply one change (header fields, added/replaced/deleted nodes)'),
  'dialogues:duplicate': method(z.object({ id, name: name.optional() }).strict(), DialogueDocument, 'Copy a dialogue'),
  'dialogues:delete': method(z.object({ id }).strict(), z.object({ id }), 'Delete a dialogue (its history is kept)'),
  'dialogues:validate': method(
    z.object({ id }).strict(),
    z.array(DialogueProblemValue),
    'Problems of a saved dialogue, each with the node and field it concerns',
  ),
  'dialogues:restore': method(
    z.object({ id, revision: z.number().int().positive() }).strict(),
    DialogueDocument,
    'Make an earlier revision current again (as a new revision)',
  ),
} as const;
