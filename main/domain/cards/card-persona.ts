import { newNpcPersona, NpcPersona } from '../npc';
import { NPC_LIMITS, type CardAsset, type CardSpec } from '../npc/npc-schema';
import { describeIssues } from '../records/versioned-record';
import { CardError } from './card-error';
import type { CardDocument } from './card-document';
import { readLorebook, writeLorebook } from './card-lorebook';
import { FieldReader } from './field-reader';
import { defined, isObject, overKept, type JsonObject } from './json-object';
import { studioSections, withoutSection, withSection } from './studio-text';

export type ExportSpec = Exclude<CardSpec, 'v1'>;

/** The V1 fields that V2/V3 writers (SillyTavern among them) also copy to the top level for old readers. */
const V1_FIELDS = ['name', 'description', 'personality', 'scenario', 'first_mes', 'mes_example'] as const;
const ENVELOPE_FIELDS = new Set(['spec', 'spec_version', 'data']);
/** Where cards carry the studio's own fields, namespaced as the V2 spec asks of applications. */
const STUDIO_EXTENSION = 'loreweaver';

type StudioFields = Pick<NpcPersona, 'role' | 'speakingStyle' | 'backstory' | 'goals'>;

function readStudioFields(extensions: JsonObject): { studio: Partial<StudioFields>; extensions: JsonObject } {
  const raw = extensions[STUDIO_EXTENSION];
  if (!isObject(raw)) return { studio: {}, extensions };
  const f = new FieldReader(raw, `data.extensions.${STUDIO_EXTENSION}`);
  const studio = {
    role: f.text('role', NPC_LIMITS.maxShortText),
    speakingStyle: f.text('speaking_style'),
    backstory: f.text('backstory'),
    goals: f.texts('goals'),
  };
  return { studio: defined(studio) as Partial<StudioFields>, extensions: { ...extensions, [STUDIO_EXTENSION]: f.rest() } };
}

function writeStudioFields(persona: NpcPersona): JsonObject {
  const studio = overKept(undefined, {
    role: persona.role || undefined,
    speaking_style: persona.speakingStyle || undefined,
    backstory: persona.backstory || undefined,
    goals: persona.goals.length ? persona.goals : undefined,
  });
  if (!Object.keys(studio).length) return persona.extensions;
  const kept = persona.extensions[STUDIO_EXTENSION];
  return { ...persona.extensions, [STUDIO_EXTENSION]: { ...(isObject(kept) ? kept : {}), ...studio } };
}

function readAssets(f: FieldReader): CardAsset[] | undefined {
  return f.objects('assets', NPC_LIMITS.maxListItems)?.map((raw, i) => {
    const asset = new FieldReader(raw, `${f.path}.assets[${i}]`);
    const type = asset.text('type', NPC_LIMITS.maxShortText);
    const uri = asset.text('uri', NPC_LIMITS.maxAvatarLength);
    const name = asset.text('name', NPC_LIMITS.maxShortText);
    const ext = asset.text('ext', NPC_LIMITS.maxShortText);
    if (type === undefined || uri === undefined || name === undefined || ext === undefined) {
      throw new CardError('invalid_card', `${f.path}.assets[${i}] needs type, uri, name and ext`);
    }
    return raw as CardAsset;
  });
}

/**
 * An imported card as a persona. Every field the persona does not model is kept in
 * `cardImport` (top-level fields and unknown data fields) or in the lorebook's
 * `unknownFields`, so `personaToCard` can write the card back as it was.
 */
export function cardToPersona(document: CardDocument, id: string): NpcPersona {
  const { spec, card } = document;
  const data = spec === 'v1' ? card : (card.data as JsonObject);
  const f = new FieldReader(data, spec === 'v1' ? 'card' : 'data');
  const name = f.text('name', NPC_LIMITS.maxShortText);
  if (name === undefined) throw new CardError('invalid_card', `${f.path}.name is missing: a card needs a name`);
  const persona: NpcPersona = {
    ...newNpcPersona({ id, name }),
    description: f.text('description') ?? '',
    personality: f.text('personality') ?? '',
    scenario: f.text('scenario') ?? '',
    firstMessage: f.text('first_mes') ?? '',
    exampleDialogue: f.text('mes_example') ?? '',
  };
  if (spec === 'v1') {
    return checked({ ...persona, cardImport: { spec, envelope: { ...card }, unknownFields: {} } });
  }

  const { studio, extensions } = readStudioFields(f.object('extensions') ?? {});
  const sections = studioSections(studio);
  const book = f.object('character_book');
  Object.assign(persona, studio, {
    description: withoutSection(persona.description, sections.description),
    personality: withoutSection(persona.personality, sections.personality),
    creatorNotes: f.text('creator_notes') ?? '',
    systemPrompt: f.text('system_prompt') ?? '',
    postHistoryInstructions: f.text('post_history_instructions') ?? '',
    alternateGreetings: f.texts('alternate_greetings') ?? [],
    tags: f.texts('tags', NPC_LIMITS.maxShortText) ?? [],
    creator: f.text('creator', NPC_LIMITS.maxShortText) ?? '',
    characterVersion: f.text('character_version', NPC_LIMITS.maxShortText) ?? '',
    extensions,
    lorebook: book ? readLorebook(book, `${f.path}.character_book`) : null,
  });
  if (spec === 'v3') {
    const v3 = {
      nickname: f.text('nickname', NPC_LIMITS.maxShortText),
      creatorNotesMultilingual: f.textRecord('creator_notes_multilingual'),
      source: f.texts('source', NPC_LIMITS.maxShortText),
      groupOnlyGreetings: f.texts('group_only_greetings') ?? [],
      creationDate: f.number('creation_date'),
      modificationDate: f.number('modification_date'),
      assets: readAssets(f),
    };
    Object.assign(persona, defined(v3));
  }
  const envelope = Object.fromEntries(Object.entries(card).filter(([key]) => !ENVELOPE_FIELDS.has(key)));
  return checked({ ...persona, cardImport: { spec, envelope, unknownFields: f.rest() } });
}

/** The reader checks types and sizes; the persona schema also checks ranges (a negative scan depth), so what imports also saves. */
function checked(persona: NpcPersona): NpcPersona {
  const result = NpcPersona.safeParse(persona);
  if (!result.success) throw new CardError('invalid_card', `The card does not fit an NPC: ${describeIssues(result.error)}`);
  return persona;
}

/**
 * A persona as a Character Card V2 or V3 object. Every field the spec requires is
 * written (empty when the persona has nothing); optional ones only when present. Fields
 * kept from the import are written back, and top-level V1 copies are refreshed so old
 * readers see the current text.
 */
export function personaToCard(persona: NpcPersona, spec: ExportSpec): JsonObject {
  const kept = persona.cardImport;
  const sections = studioSections(persona);
  const data = overKept(kept?.unknownFields, {
    name: persona.name,
    description: withSection(persona.description, sections.description),
    personality: withSection(persona.personality, sections.personality),
    scenario: persona.scenario,
    first_mes: persona.firstMessage,
    mes_example: persona.exampleDialogue,
    creator_notes: persona.creatorNotes,
    system_prompt: persona.systemPrompt,
    post_history_instructions: persona.postHistoryInstructions,
    alternate_greetings: persona.alternateGreetings,
    character_book: persona.lorebook ? writeLorebook(persona.lorebook, spec) : undefined,
    tags: persona.tags,
    creator: persona.creator,
    character_version: persona.characterVersion,
    extensions: writeStudioFields(persona),
    ...(spec === 'v3' && {
      group_only_greetings: persona.groupOnlyGreetings,
      nickname: persona.nickname,
      creator_notes_multilingual: persona.creatorNotesMultilingual,
      source: persona.source,
      creation_date: persona.creationDate,
      modification_date: persona.modificationDate,
      assets: persona.assets,
    }),
  });
  const envelope: JsonObject = { ...kept?.envelope };
  for (const field of V1_FIELDS) if (Object.hasOwn(envelope, field)) envelope[field] = data[field];
  return spec === 'v2'
    ? { ...envelope, spec: 'chara_card_v2', spec_version: '2.0', data }
    : { ...envelope, spec: 'chara_card_v3', spec_version: '3.0', data };
}
