import { NPC_LIMITS, type Lorebook, type LorebookEntry } from '../npc/npc-schema';
import { FieldReader } from './field-reader';
import { defined, overKept, type JsonObject } from './json-object';

const withUnknown = <T extends object>(value: T, unknownFields: JsonObject): T & { unknownFields?: JsonObject } =>
  Object.keys(unknownFields).length ? { ...value, unknownFields } : value;

function readEntry(raw: JsonObject, path: string): LorebookEntry {
  const f = new FieldReader(raw, path);
  const entry: LorebookEntry = {
    keys: f.texts('keys', NPC_LIMITS.maxShortText) ?? [],
    secondaryKeys: f.texts('secondary_keys', NPC_LIMITS.maxShortText),
    content: f.text('content') ?? '',
    enabled: f.boolean('enabled') ?? true,
    insertionOrder: f.number('insertion_order') ?? 0,
    caseSensitive: f.boolean('case_sensitive'),
    constant: f.boolean('constant'),
    position: f.text('position', NPC_LIMITS.maxShortText),
    name: f.text('name', NPC_LIMITS.maxShortText),
    priority: f.number('priority'),
    id: f.id('id'),
    comment: f.text('comment'),
    selective: f.boolean('selective'),
    useRegex: f.boolean('use_regex'),
    extensions: f.object('extensions') ?? {},
  };
  return withUnknown(defined(entry) as LorebookEntry, f.rest());
}

/** A card's `character_book` (the same shape in V2 and V3) as a persona lorebook. */
export function readLorebook(raw: JsonObject, path: string): Lorebook {
  const f = new FieldReader(raw, path);
  const book = {
    name: f.text('name', NPC_LIMITS.maxShortText),
    description: f.text('description'),
    scanDepth: f.number('scan_depth'),
    tokenBudget: f.number('token_budget'),
    recursiveScanning: f.boolean('recursive_scanning'),
    extensions: f.object('extensions') ?? {},
    entries: (f.objects('entries', NPC_LIMITS.maxLorebookEntries) ?? []).map((entry, i) => readEntry(entry, `${path}.entries[${i}]`)),
  };
  return withUnknown(defined(book) as Lorebook, f.rest());
}

/**
 * A persona lorebook as a card's `character_book`. Fields the spec requires are always
 * written; CCv3 also requires `use_regex` on every entry.
 */
export function writeLorebook(book: Lorebook, spec: 'v2' | 'v3'): JsonObject {
  const entries = book.entries.map((entry) =>
    overKept(entry.unknownFields, {
      keys: entry.keys,
      content: entry.content,
      extensions: entry.extensions,
      enabled: entry.enabled,
      insertion_order: entry.insertionOrder,
      case_sensitive: entry.caseSensitive,
      use_regex: spec === 'v3' ? (entry.useRegex ?? false) : entry.useRegex,
      constant: entry.constant,
      name: entry.name,
      priority: entry.priority,
      id: entry.id,
      comment: entry.comment,
      selective: entry.selective,
      secondary_keys: entry.secondaryKeys,
      position: entry.position,
    }),
  );
  return overKept(book.unknownFields, {
    name: book.name,
    description: book.description,
    scan_depth: book.scanDepth,
    token_budget: book.tokenBudget,
    recursive_scanning: book.recursiveScanning,
    extensions: book.extensions,
    entries,
  });
}
