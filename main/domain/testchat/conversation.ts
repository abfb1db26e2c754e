import { z } from 'zod';
import { DialogueState } from '../dialogue/dialogue-state';

/**
 * A test-chat conversation with one NPC, as saved in the project. Every message keeps all
 * its versions: regenerating a reply adds one and shows it, the arrows flip between them,
 * and an edit replaces the version on show. The prompt of each turn is rebuilt from the
 * versions on show, so flipping or editing an earlier message changes what the model
 * reads next.
 */
export const CONVERSATION_LIMITS = {
  maxMessages: 5000,
  maxMessageLength: 100_000,
  maxVersions: 64,
  maxTitle: 200,
} as const;

const id = z.string().min(1).max(128);

export const ConversationRole = z.enum(['user', 'npc']);
export type ConversationRole = z.infer<typeof ConversationRole>;

export const ConversationMessage = z.object({
  id,
  role: ConversationRole,
  versions: z.array(z.string().max(CONVERSATION_LIMITS.maxMessageLength)).min(1).max(CONVERSATION_LIMITS.maxVersions),
  shown: z.number().int().nonnegative(),
  createdAt: z.string(),
  /** Names of the lorebook entries that fired for the prompt of this reply. */
  lore: z.array(z.string()).optional(),
  /** How the reply on show ended: `cancelled` when the creator stopped it, `maxTokens` when it ran out. */
  stopReason: z.string().optional(),
});
export type ConversationMessage = z.infer<typeof ConversationMessage>;

export const CONVERSATION_SCHEMA_VERSION = 1;

export const Conversation = z.object({
  schemaVersion: z.literal(CONVERSATION_SCHEMA_VERSION),
  id,
  npcId: id,
  title: z.string().max(CONVERSATION_LIMITS.maxTitle),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The conversation and message this one was branched from. */
  branchedFrom: z.object({ conversationId: id, messageId: id }).optional(),
  /** Quest and variable state the NPC is told about; the creator sets it in the inspector to test branches. */
  state: DialogueState,
  messages: z.array(ConversationMessage).max(CONVERSATION_LIMITS.maxMessages),
});
export type Conversation = z.infer<typeof Conversation>;

/** The text of a message as it is on show. */
export const shownText = (message: ConversationMessage): string => message.versions[message.shown] ?? message.versions[0];
