import type { Lorebook, LorebookEntry } from '../npc/npc-schema';
import { NPC_LIMITS } from '../npc/npc-schema';
import { CardError } from './card-error';
import { parseJson } from './card-document';
import { readLorebook } from './card-lorebook';
import { FieldReader } from './field-reader';
import { defined, isObject, type JsonObject } from './json-object';
import { decodeUtf8 } from './utf8';

/**
 * SillyTavern world info positions: 0 is before the character definition, 1 after; the
 * others (author's note, depth, outlet…) have no card equivalent. Like SillyTavern's own
 * conversion, they become `after_char`, with the original number kept in extensions.
 */
const worldInfoPosition = (position: number | undefined) => (position === 0 ? 'before_char' : 'after_char');

function readWorldInfoEntry(raw: JsonObject, path: string): LorebookEntry {
  const f = new FieldReader(raw, path);
  const position = f.number('position');
  const entry = {
    id: f.id('uid'),
    keys: f.texts('key', NPC_LIMITS.maxShortText) ?? [],
    secondaryKeys: f.texts('keysecondary', NPC_LIMITS.maxShortText) ?? [],
    comment: f.text('comment') ?? '',
    content: f.text('content') ?? '',
    constant: f.boolean('constant') ?? false,
    selective: f.boolean('selective') ?? false,
    insertionOrder: f.number('order') ?? 100,
    enabled: !(f.boolean('disable') ?? false),
    caseSensitive: f.boolean('caseSensitive'),
    position: worldInfoPosition(position),
  };
  return defined({ ...entry, extensions: { ...f.rest(), ...(position === undefined ? {} : { position }) } }) as LorebookEntry;
}

/**
 * Imports a lorebook file for an NPC: SillyTavern world info (`entries` keyed by uid) or a
 * card's `character_book` saved on its own (`entries` as a list).
 */
export function importLorebook(input: Uint8Array | string): Lorebook {
  const text = typeof input === 'string' ? input : decodeUtf8(input, 'The lorebook file');
  const value = parseJson(text, 'The lorebook file');
  if (!isObject(value)) throw new CardError('not_a_card', 'The lorebook file is not a JSON object');
  if (Array.isArray(value.entries)) return readLorebook(value, 'lorebook');
  if (!isObject(value.entries)) throw new CardError('not_a_card', 'The file is not a lorebook: it has no "entries"');
  const entries = Object.entries(value.entries);
  if (entries.length > NPC_LIMITS.maxLorebookEntries)
    throw new CardError('too_large', `The lorebook has ${entries.length} entries; the limit is ${NPC_LIMITS.maxLorebookEntries}`);
  const f = new FieldReader(value, 'lorebook');
  return defined({
    name: f.text('name', NPC_LIMITS.maxShortText),
    description: f.text('description'),
    extensions: {},
    entries: entries.map(([key, entry]) => {
      if (!isObject(entry)) throw new CardError('invalid_card', `lorebook.entries.${key} must be an object`);
      return readWorldInfoEntry(entry, `lorebook.entries.${key}`);
    }),
  }) as Lorebook;
}
