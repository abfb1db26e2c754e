import type { MethodInput, MethodName, MethodOutput } from '../../preload/api';

/** A contract call, over HTTP (the bench's client) or straight into a Studio (unit tests). */
export type ContractCall = <M extends MethodName>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

const SYSTEM = 'You are Brann, the ferryman of the Grey Reach. Answer briefly.';
const MOOD = { type: 'object', properties: { mood: { enum: ['calm', 'wary', 'angry'] } }, required: ['mood'] };
/** Turns per chat before it ends and a new one starts, so chat contexts are made and freed too. */
const TURNS_PER_CHAT = 5;

/**
 * The generations editors make, in turn: templated text, a plain continuation, a JSON
 * answer under a grammar, and chat turns. Each kind allocates something different in
 * the engine (sessions, grammars, chat contexts), which is what a leak would keep.
 */
export function mixedGenerations(call: ContractCall, maxTokens: number) {
  let chat: { chatId: string; turns: number } | null = null;
  return {
    async generate(index: number): Promise<void> {
      switch (index % 4) {
        case 0:
          await call('llm:generate', { system: SYSTEM, prompt: `Who crossed the river on day ${index}?`, maxTokens });
          return;
        case 1:
          await call('llm:generate', { prompt: `The ferry log, entry ${index}:`, raw: true, maxTokens });
          return;
        case 2:
          await call('llm:generateJson', {
            prompt: `Traveller ${index} pays in copper. How does Brann feel?`,
            schema: MOOD,
            maxTokens: 64,
          });
          return;
        default:
          if (chat && chat.turns === TURNS_PER_CHAT) {
            await call('chat:end', { chatId: chat.chatId });
            chat = null;
          }
          chat ??= { chatId: (await call('chat:start', { system: SYSTEM })).chatId, turns: 0 };
          chat.turns += 1;
          await call('chat:send', { chatId: chat.chatId, text: `How deep is the river today (${index})?`, maxTokens });
      }
    },
    async close(): Promise<void> {
      if (chat) await call('chat:end', { chatId: chat.chatId });
    },
  };
}
