import type { ChatMessage, RenderedPrompt } from '../../../preload/api';
import type { GenerationHooks } from './generation';
import type { EngineSupervisor } from './engine-supervisor';
import type { EngineGenerateInput, EngineGeneration } from './protocol';
import type { ChatTurnRequest, LlmProvider, ProviderChat, ProviderTurn } from './provider';

/** The studio's own engine process: chats live in it, each on its own context sequence. */
export class LocalProvider implements LlmProvider {
  readonly kind = 'local';

  constructor(private readonly supervisor: EngineSupervisor) {}

  generate(input: EngineGenerateInput, hooks: GenerationHooks): Promise<EngineGeneration> {
    return this.supervisor.call('generate', input, hooks);
  }

  startChat(chat: ProviderChat, contextSize: number | undefined): Promise<{ contextSize: number }> {
    return this.supervisor.call('chatStart', { chatId: chat.chatId, messages: [...chat.messages], contextSize });
  }

  sendChat(chat: ProviderChat, turn: ChatTurnRequest, hooks: GenerationHooks): Promise<ProviderTurn> {
    return this.supervisor.call('chatSend', { chatId: chat.chatId, ...turn }, hooks);
  }

  renderPrompt(messages: ChatMessage[]): Promise<RenderedPrompt> {
    return this.supervisor.call('renderChat', { messages });
  }

  async countTokens(texts: string[]): Promise<number[]> {
    return (await this.supervisor.call('countTokens', { texts })).counts;
  }

  async resetChat(chatId: string): Promise<void> {
    await this.supervisor.call('chatReset', { chatId });
  }

  async endChat(chatId: string): Promise<void> {
    await this.supervisor.call('chatEnd', { chatId });
  }
}
