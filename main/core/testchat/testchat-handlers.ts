import type { testChatMethods } from '../../../preload/contract/testchat';
import type { Handlers } from '../studio';
import type { ConversationService } from './conversation-service';
import type { PlaythroughService } from './playthrough-service';

type TestChatHandlers = Pick<Handlers, keyof typeof testChatMethods>;

/** The test-chat part of the contract, bound to its two services. */
export function testChatHandlers(conversations: ConversationService, playthroughs: PlaythroughService): TestChatHandlers {
  /** A playthrough call, once the project's quests it plays against are read (a few at a time, the first time). */
  const played = async <T>(run: () => T): Promise<Awaited<T>> => {
    await playthroughs.ready();
    return await run();
  };
  return {
    'conversations:list': ({ npcId }) => conversations.list(npcId),
    'conversations:get': ({ id }) => conversations.get(id),
    'conversations:start': ({ npcId, title }) => conversations.start(npcId, title),
    'conversations:send': ({ id, text, ...options }) => conversations.send(id, text, options),
    'conversations:regenerate': ({ id, ...options }) => conversations.regenerate(id, options),
    'conversations:showVersion': ({ id, messageId, version }) => conversations.showVersion(id, messageId, version),
    'conversations:edit': ({ id, messageId, text }) => conversations.edit(id, messageId, text),
    'conversations:deleteMessage': ({ id, messageId }) => conversations.deleteMessage(id, messageId),
    'conversations:branch': ({ id, messageId }) => conversations.branch(id, messageId),
    'conversations:rename': ({ id, title }) => conversations.rename(id, title),
    'conversations:setState': ({ id, state }) => conversations.setState(id, state),
    'conversations:delete': ({ id }) => conversations.delete(id),
    'conversations:inspect': ({ id }) => conversations.inspect(id),
    'playthroughs:list': ({ dialogueId }) => playthroughs.list(dialogueId),
    'playthroughs:get': ({ id }) => played(() => playthroughs.get(id)),
    'playthroughs:start': (input) => played(() => playthroughs.start(input)),
    'playthroughs:advance': ({ id }) => played(() => playthroughs.advance(id)),
    'playthroughs:choose': ({ id, optionId }) => played(() => playthroughs.choose(id, optionId)),
    'playthroughs:improvise': ({ id, ...options }) => played(() => playthroughs.improvise(id, options)),
    'playthroughs:say': ({ id, text, ...options }) => played(() => playthroughs.say(id, text, options)),
    'playthroughs:state': ({ id, state }) => played(() => playthroughs.setState(id, state)),
    'playthroughs:restart': ({ id, nodeId }) => played(() => playthroughs.restart(id, nodeId)),
    'playthroughs:transcript': ({ id }) => playthroughs.transcript(id),
    'playthroughs:delete': ({ id }) => playthroughs.delete(id),
  };
}
