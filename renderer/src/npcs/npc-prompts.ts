import type { MethodInput } from '../../../preload/api';
import type { NpcDraft } from '../../../preload/contract/npcs';
import type { NpcPersona } from '../../../main/domain/npc';
import { identityLine, LIST_FIELDS, TEXT_FIELDS, type NpcListField, type NpcTextField } from './npc-fields';

/**
 * Every prompt the NPC editor sends, in one place so they can be read and tuned together.
 * Lengths are capped in the schema so the grammar always closes the JSON within the
 * token budget, even on a model that would otherwise ramble.
 */

type IdeaTextField = 'name' | 'role' | Exclude<NpcTextField, 'postHistoryInstructions' | 'creatorNotes'>;
type IdeaListField = NpcListField | 'tags';

const IDEA_TEXT: Record<IdeaTextField, number> = {
  name: 60,
  role: 80,
  description: 400,
  personality: 300,
  speakingStyle: 200,
  scenario: 300,
  backstory: 400,
  firstMessage: 300,
  exampleDialogue: 400,
  systemPrompt: 200,
};
const IDEA_LISTS: Record<IdeaListField, { items: number; length: number }> = {
  goals: { items: 3, length: 100 },
  alternateGreetings: { items: 2, length: 160 },
  tags: { items: 5, length: 20 },
};

/** What the model returns for an idea: the persona's text fields, all present. */
export type IdeaDraft = Pick<NpcPersona, IdeaTextField | IdeaListField>;

/** The prose fields of an idea draft past its name and role, in the order the model writes them. */
export const IDEA_PROSE_FIELDS = Object.keys(IDEA_TEXT).filter((key) => key !== 'name' && key !== 'role') as Exclude<
  IdeaTextField,
  'name' | 'role'
>[];

const textSchema = (maxLength: number) => ({ type: 'string', maxLength });
const IDEA_SCHEMA = {
  type: 'object',
  properties: {
    ...Object.fromEntries(Object.entries(IDEA_TEXT).map(([key, length]) => [key, textSchema(length)])),
    ...Object.fromEntries(
      Object.entries(IDEA_LISTS).map(([key, list]) => [key, { type: 'array', items: textSchema(list.length), maxItems: list.items }]),
    ),
  },
  required: [...Object.keys(IDEA_TEXT), ...Object.keys(IDEA_LISTS)],
  additionalProperties: false,
};

const ideaCharacters =
  Object.values(IDEA_TEXT).reduce((sum, n) => sum + n, 0) + Object.values(IDEA_LISTS).reduce((sum, l) => sum + l.items * l.length, 0);

/** Room for every field at its longest, with tokens as short as one character and room for the JSON around them. */
const IDEA_MAX_TOKENS = Math.ceil(ideaCharacters * 1.8) + 400;

const fieldGuide = [
  'name: the NPC’s name',
  'role: what they are in the world, a few words ("blacksmith of Emberfall")',
  ...IDEA_PROSE_FIELDS.map((key) => `${key}: ${TEXT_FIELDS[key].hint}`),
  `goals: ${LIST_FIELDS.goals.hint} One short sentence each.`,
  `alternateGreetings: ${LIST_FIELDS.alternateGreetings.hint}`,
  'tags: single lowercase words for finding them later',
].join('\n');

export function ideaRequest(idea: string, requestId: string): MethodInput<'llm:generateJson'> {
  return {
    requestId,
    system:
      'You are a narrative designer who writes non-player characters for games: specific, consistent and fun to talk to. ' +
      'Write in the language of the idea. Use {{user}} for the player and {{char}} for the NPC in the first message and example dialogue.',
    prompt: `Create an NPC from this idea: ${idea.trim()}\n\nFill every field:\n${fieldGuide}`,
    schema: IDEA_SCHEMA,
    maxTokens: IDEA_MAX_TOKENS,
    temperature: 0.8,
  };
}

/** The generated value as a draft; the grammar guarantees the shape, this guards the types. */
export function ideaDraft(value: unknown): IdeaDraft {
  const record = (value ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string).trim() : '');
  const list = (key: string) =>
    Array.isArray(record[key]) ? record[key].filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
  return {
    ...(Object.fromEntries(Object.keys(IDEA_TEXT).map((key) => [key, text(key)])) as Record<IdeaTextField, string>),
    ...(Object.fromEntries(Object.keys(IDEA_LISTS).map((key) => [key, list(key)])) as Record<IdeaListField, string[]>),
  };
}

/** The accepted preview as what `npcs:create` takes: the name goes separately. */
export function draftFromIdea({ name: _name, ...fields }: IdeaDraft): NpcDraft {
  return fields;
}

const characterSheet = (persona: NpcPersona) =>
  [
    `Character: ${identityLine(persona)}`,
    persona.description && `Description: ${persona.description.slice(0, 1200)}`,
    persona.personality && `Personality: ${persona.personality.slice(0, 800)}`,
    persona.speakingStyle && `Speaking style: ${persona.speakingStyle.slice(0, 600)}`,
  ]
    .filter(Boolean)
    .join('\n');

/** Rewrites one field so it sounds like the NPC; streamed into a preview the creator accepts or drops. */
export function rewriteRequest(persona: NpcPersona, field: NpcTextField, requestId: string): MethodInput<'llm:generate'> {
  const { label } = TEXT_FIELDS[field];
  const text = persona[field];
  return {
    requestId,
    system: `You are a game writer. You rewrite character text so it is unmistakably this character's, keeping its facts.\n\n${characterSheet(persona)}`,
    prompt:
      `Rewrite this ${label.toLowerCase()} in ${persona.name || 'the character'}'s voice and personality. ` +
      'Keep what it says, its point of view and any {{user}}, {{char}} or <START> markers. Reply with only the rewritten text.\n\n' +
      text,
    maxTokens: Math.min(2048, Math.max(256, text.length)),
    temperature: 0.8,
  };
}
