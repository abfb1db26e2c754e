import type { ChatInfo, ChatMessage } from '../../../preload/api';
import { AppError } from '../app-error';
import type { ProviderChat } from './provider';

export interface ChatRecord extends ProviderChat {
  provider: ChatInfo['provider'];
  system: string | null;
  /** Messages the chat started with (after the system prompt), for a reset. */
  initial: ChatMessage[];
  /** System prompt first, then every turn: the whole conversation, whatever part of it still fits the model's context. */
  messages: ChatMessage[];
  contextSize: number | null;
  ended: string | null;
  /** Turns queued or running, so ending the chat can cancel them. */
  requests: Set<string>;
}

/**
 * The studio's record of every chat: its full history for `chat:history` (and for a
 * remote provider, which keeps no state), and why it ended when its provider lost it.
 * An ended chat stays readable until `chat:end`, so a caller can start a new chat from
 * its messages.
 */
export class ChatStore {
  private readonly chats = new Map<string, ChatRecord>();

  add(chat: { chatId: string; provider: ChatInfo['provider']; system: string | null; initial: ChatMessage[] }): ChatRecord {
    const record: ChatRecord = {
      ...chat,
      messages: withSystem(chat.system, chat.initial),
      contextSize: null,
      ended: null,
      requests: new Set(),
    };
    this.chats.set(chat.chatId, record);
    return record;
  }

  info(chatId: string): ChatInfo {
    const { provider, system, messages, contextSize, ended } = this.find(chatId);
    return { chatId, provider, system, messages: system === null ? [...messages] : messages.slice(1), contextSize, ended };
  }

  /** A chat that can take another turn. */
  open(chatId: string): ChatRecord {
    const chat = this.find(chatId);
    if (chat.ended)
      throw new AppError('conflict', `This chat has ended: ${chat.ended}. Start a new chat; chat:history still has its messages.`);
    return chat;
  }

  addTurn(chatId: string, user: string, reply: string): void {
    this.chats.get(chatId)?.messages.push({ role: 'user', content: user }, { role: 'assistant', content: reply });
  }

  /** A caller that keeps the conversation itself sends it whole: system prompt first, then the turns. */
  replaceMessages(chatId: string, messages: ChatMessage[]): void {
    const chat = this.find(chatId);
    chat.messages = [...messages];
    chat.system = messages[0]?.role === 'system' ? messages[0].content : null;
  }

  reset(chatId: string): void {
    const chat = this.find(chatId);
    chat.messages = withSystem(chat.system, chat.initial);
  }

  remove(chatId: string): ChatRecord | undefined {
    const chat = this.chats.get(chatId);
    this.chats.delete(chatId);
    return chat;
  }

  /** Ends the open chats of one provider; returns their ids. */
  endAll(reason: string, provider: ChatInfo['provider']): string[] {
    const ended: string[] = [];
    for (const chat of this.chats.values()) {
      if (chat.ended || chat.provider !== provider) continue;
      chat.ended = reason;
      ended.push(chat.chatId);
    }
    return ended;
  }

  private find(chatId: string): ChatRecord {
    const chat = this.chats.get(chatId);
    if (!chat) throw new AppError('not_found', `No chat "${chatId}". It was ended, or the studio restarted since it began.`);
    return chat;
  }
}

function withSystem(system: string | null, messages: ChatMessage[]): ChatMessage[] {
  return system === null ? [...messages] : [{ role: 'system', content: system }, ...messages];
}
