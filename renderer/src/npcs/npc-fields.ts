import type { Avatar, NpcPersona } from '../../../main/domain/npc';

/** The persona's prose fields: what the form, the idea preview and the prompts call them. */
export type NpcTextField =
  | 'description'
  | 'personality'
  | 'speakingStyle'
  | 'scenario'
  | 'backstory'
  | 'firstMessage'
  | 'exampleDialogue'
  | 'systemPrompt'
  | 'postHistoryInstructions'
  | 'creatorNotes';

export type NpcListField = 'goals' | 'alternateGreetings';

interface FieldInfo {
  label: string;
  hint: string;
  /** Spoken or written as the NPC, so "Rewrite in character" applies. */
  inCharacter?: boolean;
}

export const TEXT_FIELDS: Record<NpcTextField, FieldInfo> = {
  description: { label: 'Description', hint: 'Who they are and what they look like, as the model should picture them.', inCharacter: true },
  personality: { label: 'Personality', hint: 'Temperament, values, quirks.', inCharacter: true },
  speakingStyle: { label: 'Speaking style', hint: 'Vocabulary, rhythm, verbal tics, accent.', inCharacter: true },
  scenario: { label: 'Scenario', hint: 'Where and when the player meets them.', inCharacter: true },
  backstory: { label: 'Backstory', hint: 'What happened to them before the story starts.', inCharacter: true },
  firstMessage: { label: 'First message', hint: 'The first thing they say to the player.', inCharacter: true },
  exampleDialogue: {
    label: 'Example dialogue',
    hint: 'Sample exchanges that show their voice; start each with <START>, use {{user}} and {{char}}.',
    inCharacter: true,
  },
  systemPrompt: { label: 'System prompt', hint: 'Replaces the chat’s default system prompt; {{original}} keeps it.' },
  postHistoryInstructions: { label: 'Post-history instructions', hint: 'Sent after the chat history, closest to the reply.' },
  creatorNotes: { label: 'Creator notes', hint: 'For people using the card: not sent to the model.' },
};

export const LIST_FIELDS: Record<NpcListField, FieldInfo & { itemLabel: string }> = {
  goals: { label: 'Goals', hint: 'What they want; quests and dialogue can build on these.', itemLabel: 'Goal' },
  alternateGreetings: { label: 'Alternate greetings', hint: 'Other ways a chat can open.', itemLabel: 'Greeting', inCharacter: true },
};

/** The one-line identity used in prompts and previews: "Mirela, blacksmith of Emberfall". */
export const identityLine = (persona: Pick<NpcPersona, 'name' | 'role'>) =>
  persona.role ? `${persona.name}, ${persona.role}` : persona.name;

/** The picture the renderer can show; an asset avatar has none until the project has an asset store. */
export const avatarUrl = (avatar: Avatar | null) => (avatar?.kind === 'dataUrl' ? avatar.dataUrl : null);
