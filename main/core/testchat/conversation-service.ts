import { randomUUID } from 'node:crypto';
import type { ChatSendOutput } from '../../../preload/api';
import type { ConversationSummary, ConversationTurn, PromptInspection, ReplyOptions } from '../../../preload/contract/testchat';
import type { DialogueState } from '../../domain/dialogue/dialogue-state';
import { emptyDialogueState } from '../../domain/dialogue/dialogue-state';
import type { NpcPersona } from '../../domain/npc/npc-schema';
import { CONVERSATION_SCHEMA_VERSION, shownText, type Conversation, type ConversationMessage } from '../../domain/testchat/conversation';
import type { AssembledPrompt } from '../../domain/testchat/prompt-assembly';
import { AppError } from '../app-error';
import type { LlmService } from '../llm/llm-service';
import type { ProjectSession } from '../project-session';
import { assemblePromptInTurns } from './prompt-in-turns';

/** What `{{user}}` stands for in test chat. */
export const PLAYER_NAME = 'Player';
const DEFAULT_REPLY_TOKENS = 200;
/** Used to fit prompts when a remote provider does not say its context size. */
const REMOTE_CONTEXT_SIZE = 8192;

/** The part of a conversation a reply is written for: the messages before the player's, and the player's. */
interface Turn {
  history: ConversationMessage[];
  userText: string;
}

const now = () => new Date().toISOString();
const message = (role: ConversationMessage['role'], versions: string[], extra: Partial<ConversationMessage> = {}): ConversationMessage => ({
  id: randomUUID(),
  role,
  versions,
  shown: 0,
  createdAt: now(),
  ...extra,
});

/**
 * Free test chats with NPCs. Conversations are saved in the project after every change, so
 * a crash or a cancelled reply loses nothing; each has a chat on the model provider whose
 * messages are replaced by the freshly assembled prompt at every turn, and the engine keeps
 * the tokens of the prefix the turns share cached, so a turn evaluates what is new.
 */
export class ConversationService {
  /** Conversation id → the provider chat that serves it. */
  private readonly chats = new Map<string, string>();
  private readonly replying = new Set<string>();

  constructor(
    private readonly project: () => ProjectSession,
    private readonly llm: LlmService,
  ) {}

  list(npcId: string | undefined): ConversationSummary[] {
    return this.project()
      .conversations.list(npcId, ['message_count', 'preview'] as const)
      .map(({ ownerId, message_count, preview, ...rest }) => ({
        ...rest,
        npcId: ownerId,
        messageCount: message_count as number,
        preview: preview as string,
      }));
  }

  get(id: string): Conversation {
    return this.project().conversations.get(id);
  }

  start(npcId: string, title: string | undefined): Conversation {
    const persona = this.persona(npcId);
    const fill = (text: string) => text.replace(/\{\{\s*char\s*\}\}/gi, persona.name).replace(/\{\{\s*user\s*\}\}/gi, PLAYER_NAME);
    const greetings = [persona.firstMessage, ...persona.alternateGreetings].map((g) => fill(g).trim()).filter(Boolean);
    const created = now();
    return this.save({
      schemaVersion: CONVERSATION_SCHEMA_VERSION,
      id: randomUUID(),
      npcId,
      title: title?.trim() || `Chat with ${persona.name}`,
      createdAt: created,
      updatedAt: created,
      state: emptyDialogueState(),
      messages: greetings.length ? [message('npc', greetings.slice(0, 64))] : [],
    });
  }

  /** The player's message, saved at once, then the NPC's reply streamed under `requestId`. */
  async send(id: string, text: string, options: ReplyOptions): Promise<ConversationTurn> {
    return this.exclusive(id, async () => {
      const conversation = this.get(id);
      const history = [...conversation.messages];
      conversation.messages.push(message('user', [text]));
      this.save(conversation);
      const result = await this.reply(conversation, { history, userText: text }, options);
      if (result.text) conversation.messages.push(message('npc', [result.text], { lore: result.lore, stopReason: result.stopReason }));
      return this.turn(this.save(conversation), result);
    });
  }

  /** Another version of the last reply (it is kept and shown), or the reply a trailing player message still lacks. */
  async regenerate(id: string, options: ReplyOptions): Promise<ConversationTurn> {
    return this.exclusive(id, async () => {
      const conversation = this.get(id);
      const { messages } = conversation;
      const last = messages.at(-1);
      if (last?.role === 'user') {
        const result = await this.reply(conversation, { history: messages.slice(0, -1), userText: shownText(last) }, options);
        if (result.text) messages.push(message('npc', [result.text], { lore: result.lore, stopReason: result.stopReason }));
        return this.turn(this.save(conversation), result);
      }
      const asked = messages.at(-2);
      if (!last || asked?.role !== 'user') {
        throw new AppError('invalid_input', 'Only a reply to a player message can be regenerated; flip through the greetings instead.');
      }
      if (last.versions.length >= 64) throw new AppError('invalid_input', 'This reply has 64 versions already; delete it to start afresh.');
      const result = await this.reply(conversation, { history: messages.slice(0, -2), userText: shownText(asked) }, options);
      if (result.text) {
        last.versions.push(result.text);
        last.shown = last.versions.length - 1;
        last.lore = result.lore;
        last.stopReason = result.stopReason;
      }
      return this.turn(this.save(conversation), result);
    });
  }

  showVersion(id: string, messageId: string, version: number): Conversation {
    return this.change(id, (conversation) => {
      const target = this.message(conversation, messageId);
      if (version >= target.versions.length) throw new AppError('invalid_input', `The message has ${target.versions.length} versions.`);
      target.shown = version;
    });
  }

  edit(id: string, messageId: string, text: string): Conversation {
    return this.change(id, (conversation) => {
      const target = this.message(conversation, messageId);
      target.versions[target.shown] = text;
    });
  }

  deleteMessage(id: string, messageId: string): Conversation {
    return this.change(id, (conversation) => {
      this.message(conversation, messageId);
      conversation.messages = conversation.messages.filter((m) => m.id !== messageId);
    });
  }

  /** A new conversation with the messages up to and including `messageId`, as they are shown now. */
  branch(id: string, messageId: string): Conversation {
    const source = this.get(id);
    const index = source.messages.findIndex((m) => m.id === messageId);
    if (index < 0) throw new AppError('not_found', `The conversation has no message ${messageId}.`);
    const created = now();
    return this.save({
      ...source,
      id: randomUUID(),
      title: `${source.title} (branch)`.slice(0, 200),
      createdAt: created,
      updatedAt: created,
      branchedFrom: { conversationId: id, messageId },
      messages: source.messages.slice(0, index + 1).map((m) => ({ ...m, id: randomUUID() })),
    });
  }

  rename(id: string, title: string): Conversation {
    return this.change(id, (conversation) => {
      conversation.title = title;
    });
  }

  setState(id: string, state: DialogueState): Conversation {
    return this.change(id, (conversation) => {
      conversation.state = state;
    });
  }

  delete(id: string): { id: string } {
    this.project().conversations.delete(id);
    this.endChat(id);
    return { id };
  }

  /**
   * The prompt of the latest reply (or of the reply a trailing player message waits for),
   * exactly as the model reads it, with its token count, the lorebook entries that fired
   * and how much of the context it fills.
   */
  async inspect(id: string): Promise<PromptInspection> {
    const conversation = this.get(id);
    const { messages } = conversation;
    const last = messages.at(-1);
    const turn: Turn =
      last?.role === 'user'
        ? { history: messages.slice(0, -1), userText: shownText(last) }
        : messages.at(-2)?.role === 'user'
          ? { history: messages.slice(0, -2), userText: shownText(messages.at(-2)!) }
          : { history: messages, userText: '…' };
    const contextSize = this.llm.loadedContextSize;
    const prompt = await this.assemble(conversation, turn, DEFAULT_REPLY_TOKENS);
    const rendered = await this.llm.renderPrompt(prompt.messages).catch(() => null);
    return {
      messages: prompt.messages,
      text: rendered?.text ?? prompt.messages.map((m) => `[${m.role}]\n${m.content}`).join('\n\n'),
      tokens: rendered?.tokens ?? null,
      estimatedTokens: prompt.estimatedTokens,
      contextSize,
      fired: prompt.fired.map(({ label, reason, key, secondaryKey, tokens, position }) => ({
        label,
        reason,
        key,
        secondaryKey,
        tokens,
        position,
      })),
      skipped: prompt.skipped.map(({ label, reason, detail }) => ({ label, reason, ...(detail === undefined ? {} : { detail }) })),
      droppedMessages: prompt.droppedMessages,
    };
  }

  /** Frees the provider chats: the project is closing. */
  close(): void {
    for (const id of [...this.chats.keys()]) this.endChat(id);
  }

  private async reply(conversation: Conversation, turn: Turn, options: ReplyOptions) {
    const replyTokens = options.maxTokens ?? DEFAULT_REPLY_TOKENS;
    const prompt = await this.assemble(conversation, turn, replyTokens);
    const send = async (chatId: string) =>
      this.llm.chatSend({
        chatId,
        requestId: options.requestId,
        text: turn.userText,
        history: prompt.messages.slice(0, -1),
        maxTokens: replyTokens,
        temperature: options.temperature,
        stop: [`\n${PLAYER_NAME}:`],
      });
    let result: ChatSendOutput;
    try {
      result = await send(await this.chatFor(conversation.id));
    } catch (error) {
      // The provider lost the chat (model unloaded or switched, engine restarted): one new chat, one more try.
      if (!(error instanceof AppError) || error.code !== 'conflict' || !/chat has ended/i.test(error.message)) throw error;
      this.endChat(conversation.id);
      result = await send(await this.chatFor(conversation.id));
    }
    return { ...result, text: result.text.trim(), lore: prompt.fired.map((entry) => entry.label) };
  }

  private async assemble(conversation: Conversation, turn: Turn, replyTokens: number): Promise<AssembledPrompt> {
    const project = this.project();
    const persona = this.persona(conversation.npcId);
    const lore = await project.lore.documents();
    const names = project.lore.questNames();
    const history = turn.history.map((m) => ({ role: m.role, text: shownText(m) }));
    const contextSize = this.llm.loadedContextSize ?? REMOTE_CONTEXT_SIZE;
    return assemblePromptInTurns(this.llm, {
      persona,
      userName: PLAYER_NAME,
      history,
      userText: turn.userText,
      lore,
      state: conversation.state,
      questNames: names,
      contextSize,
      replyTokens,
    });
  }

  private async chatFor(conversationId: string): Promise<string> {
    const existing = this.chats.get(conversationId);
    if (existing) return existing;
    const { chatId } = await this.llm.chatStart({});
    this.chats.set(conversationId, chatId);
    return chatId;
  }

  private endChat(conversationId: string): void {
    const chatId = this.chats.get(conversationId);
    this.chats.delete(conversationId);
    if (chatId) this.llm.chatEnd(chatId);
  }

  private turn(conversation: Conversation, result: ChatSendOutput): ConversationTurn {
    return {
      conversation,
      requestId: result.requestId,
      stopReason: result.stopReason,
      evaluatedTokens: result.evaluatedTokens,
      promptMs: result.promptMs,
      contextTokens: result.contextTokens,
      contextSize: this.llm.loadedContextSize,
    };
  }

  private async exclusive<T>(id: string, work: () => Promise<T>): Promise<T> {
    if (this.replying.has(id)) throw new AppError('conflict', 'The NPC is still replying in this conversation; stop it or wait.');
    this.replying.add(id);
    try {
      return await work();
    } finally {
      this.replying.delete(id);
    }
  }

  private change(id: string, apply: (conversation: Conversation) => void): Conversation {
    if (this.replying.has(id)) throw new AppError('conflict', 'The NPC is still replying in this conversation; stop it or wait.');
    const conversation = this.get(id);
    apply(conversation);
    return this.save(conversation);
  }

  private save(conversation: Conversation): Conversation {
    conversation.updatedAt = now();
    const last = conversation.messages.at(-1);
    return this.project().conversations.put(conversation, {
      message_count: conversation.messages.length,
      preview: last ? shownText(last).slice(0, 160) : '',
    });
  }

  private message(conversation: Conversation, messageId: string): ConversationMessage {
    const found = conversation.messages.find((m) => m.id === messageId);
    if (!found) throw new AppError('not_found', `The conversation has no message ${messageId}.`);
    return found;
  }

  private persona(npcId: string): NpcPersona {
    return this.project().npcs.get(npcId).persona;
  }
}
