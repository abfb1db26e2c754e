/**
 * Test chat: free conversations with an NPC on the model, and playthroughs of authored
 * dialogues on the runtime. Replies and improvised lines stream as `llm:chunk` events
 * under the request id the caller passes; `llm:cancel` stops them.
 */
import { z } from 'zod';
import { DialogueState } from '../../main/domain/dialogue/dialogue-state';
import { MarkupSpans } from '../../main/domain/dialogue/text/markup-span-value';
import { Conversation, CONVERSATION_LIMITS } from '../../main/domain/testchat/conversation';
import { Playthrough } from '../../main/domain/testchat/playthrough';
import { ChatMessage, RequestId, StopReason } from './generation-values';
import { method } from './method';

const id = z.string().min(1).max(128);
const byId = z.object({ id }).strict();
const MessageText = z.string().trim().min(1, 'The message is empty').max(CONVERSATION_LIMITS.maxMessageLength);
const Title = z.string().trim().min(1, 'The title is empty').max(CONVERSATION_LIMITS.maxTitle);

const replyShape = {
  requestId: RequestId.optional(),
  maxTokens: z.number().int().min(1).max(4096).optional(),
  temperature: z.number().min(0).max(2).optional(),
};
export type ReplyOptions = { requestId?: string; maxTokens?: number; temperature?: number };

export const ConversationSummary = z.object({
  id,
  npcId: id,
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  messageCount: z.number().int().nonnegative(),
  preview: z.string(),
});
export type ConversationSummary = z.infer<typeof ConversationSummary>;

export const ConversationTurn = z.object({
  conversation: Conversation,
  requestId: RequestId,
  stopReason: StopReason,
  /** Prompt tokens evaluated for the turn: only what the engine had not cached. Null when the provider does not say. */
  evaluatedTokens: z.number().int().nonnegative().nullable(),
  /** Time to the reply's first token on the local engine; null on a remote provider. */
  promptMs: z.number().nonnegative().nullable(),
  contextTokens: z.number().int().nonnegative().nullable(),
  contextSize: z.number().int().positive().nullable(),
});
export type ConversationTurn = z.infer<typeof ConversationTurn>;

export const PromptInspection = z.object({
  messages: z.array(ChatMessage),
  /** The prompt as the model reads it (the chat template applied). */
  text: z.string(),
  /** Its length in the model's tokens; null when no local model is loaded. */
  tokens: z.number().int().nonnegative().nullable(),
  estimatedTokens: z.number().int().nonnegative(),
  contextSize: z.number().int().positive().nullable(),
  fired: z.array(
    z.object({
      label: z.string(),
      reason: z.enum(['constant', 'key', 'recursion']),
      key: z.string().optional(),
      secondaryKey: z.string().optional(),
      tokens: z.number().int().nonnegative(),
      position: z.string(),
    }),
  ),
  /** Entries left out: over the token budget, or with a key that cannot run (`detail` names it and why). */
  skipped: z.array(z.object({ label: z.string(), reason: z.enum(['budget', 'key_error']), detail: z.string().optional() })),
  /** Oldest messages left out so the prompt fits the context. */
  droppedMessages: z.number().int().nonnegative(),
});
export type PromptInspection = z.infer<typeof PromptInspection>;

export const PlaythroughSummary = z.object({ id, dialogueId: id, title: z.string(), createdAt: z.string(), updatedAt: z.string() });
export type PlaythroughSummary = z.infer<typeof PlaythroughSummary>;

const markup = MarkupSpans.optional();

const ChoiceOptionView = z.object({
  id: z.string(),
  text: z.string(),
  markup,
  available: z.boolean(),
  unavailableReason: z.string().optional(),
});
/** What the player faces now, as the runtime presents it. */
export const RuntimeStepValue = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('line'),
    nodeId: z.string(),
    speaker: z.string(),
    text: z.string(),
    markup,
    lineId: z.string(),
    emotion: z.string().optional(),
  }),
  z.object({
    type: z.literal('aiLine'),
    nodeId: z.string(),
    speaker: z.string(),
    instruction: z.string(),
    fallbackText: z.string(),
    /** Markup of the rendered fallback text. */
    markup,
    lineId: z.string(),
    emotion: z.string().optional(),
  }),
  z.object({ type: z.literal('choice'), nodeId: z.string(), options: z.array(ChoiceOptionView) }),
  z.object({
    type: z.literal('end'),
    nodeId: z.string().optional(),
    reason: z.enum(['end', 'unconnected', 'jump', 'error']),
    outcome: z.string().optional(),
    jump: z.object({ dialogueId: z.string(), nodeId: z.string().optional() }).optional(),
    message: z.string().optional(),
  }),
]);

export const PlaythroughView = z.object({
  playthrough: Playthrough,
  step: RuntimeStepValue,
  state: DialogueState,
  /** The text the AI line on screen will say, once improvised (or the fallback, when the model could not). */
  improvised: z.object({ nodeId: z.string(), text: z.string(), source: z.enum(['improvised', 'fallback']) }).nullable(),
  /** Every node entered in the current segment, in order. */
  path: z.array(z.string()),
});
export type PlaythroughView = z.infer<typeof PlaythroughView>;

export const testChatMethods = {
  'conversations:list': method(
    z.object({ npcId: id.optional() }).strict(),
    z.array(ConversationSummary),
    'Saved test-chat conversations, newest first, of one NPC or all',
  ),
  'conversations:get': method(byId, Conversation, 'One conversation with every message and its versions'),
  'conversations:start': method(
    z.object({ npcId: id, title: Title.optional() }).strict(),
    Conversation,
    'Start a conversation with an NPC; its greetings (first message and alternates) open it',
  ),
  'conversations:send': method(
    z.object({ id, text: MessageText, ...replyShape }).strict(),
    ConversationTurn,
    "Send the player's message and stream the NPC's reply; the message is saved before the reply starts",
  ),
  'conversations:regenerate': method(
    z.object({ id, ...replyShape }).strict(),
    ConversationTurn,
    'Write another version of the last reply (the earlier ones are kept), or the reply a trailing player message lacks',
  ),
  'conversations:showVersion': method(
    z.object({ id, messageId: id, version: z.number().int().nonnegative() }).strict(),
    Conversation,
    'Show another version of a message; later prompts use the one on show',
  ),
  'conversations:edit': method(
    z.object({ id, messageId: id, text: MessageText }).strict(),
    Conversation,
    'Replace the text of the version on show',
  ),
  'conversations:deleteMessage': method(z.object({ id, messageId: id }).strict(), Conversation, 'Delete one message'),
  'conversations:branch': method(
    z.object({ id, messageId: id }).strict(),
    Conversation,
    'A new conversation with the messages up to and including this one',
  ),
  'conversations:rename': method(z.object({ id, title: Title }).strict(), Conversation, 'Rename a conversation'),
  'conversations:setState': method(
    z.object({ id, state: DialogueState }).strict(),
    Conversation,
    'Set the quest and variable state the NPC is told about',
  ),
  'conversations:delete': method(byId, z.object({ id }), 'Delete a conversation'),
  'conversations:inspect': method(
    byId,
    PromptInspection,
    'The prompt of the latest reply as the model reads it: text, tokens, lorebook entries that fired, context use',
  ),
  'playthroughs:list': method(
    z.object({ dialogueId: id.optional() }).strict(),
    z.array(PlaythroughSummary),
    'Saved playthroughs, newest first, of one dialogue or all',
  ),
  'playthroughs:get': method(byId, PlaythroughView, 'A playthrough where it stands, rebuilt by replay after a restart'),
  'playthroughs:start': method(
    z
      .object({
        dialogueId: id,
        startNodeId: z.string().max(128).optional(),
        state: DialogueState.optional(),
        seed: z.string().max(128).optional(),
      })
      .strict(),
    PlaythroughView,
    'Play a dialogue from its start (or a chosen node) with an initial state',
  ),
  'playthroughs:advance': method(byId, PlaythroughView, 'Move past the line on screen'),
  'playthroughs:choose': method(z.object({ id, optionId: z.string().min(1).max(64) }).strict(), PlaythroughView, 'Take a choice'),
  'playthroughs:improvise': method(
    z.object({ id, ...replyShape }).strict(),
    PlaythroughView,
    'Let the model say the AI line on screen in character, streamed; the authored fallback when it cannot',
  ),
  'playthroughs:say': method(
    z.object({ id, text: MessageText, ...replyShape }).strict(),
    PlaythroughView,
    'Type freely: mapped to the closest choice on screen, or answered in character while the dialogue stays put',
  ),
  'playthroughs:state': method(
    z.object({ id, state: DialogueState }).strict(),
    PlaythroughView,
    'Set variables, quests and inventory to test a branch; the node on screen is entered again',
  ),
  'playthroughs:restart': method(
    z.object({ id, nodeId: z.string().min(1).max(128).optional() }).strict(),
    PlaythroughView,
    'Start again with the initial state, from the start or a chosen node',
  ),
  'playthroughs:transcript': method(
    byId,
    z.object({ fileName: z.string(), text: z.string() }),
    'The playthrough as a plain-text transcript',
  ),
  'playthroughs:delete': method(byId, z.object({ id }), 'Delete a playthrough'),
} as const;
