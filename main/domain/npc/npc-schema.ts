import { z } from 'zod';

/**
 * The NPC persona: every Character Card V2 and V3 field, so cards round-trip, plus the
 * studio's own authoring fields (role, speaking style, backstory, goals), which cards carry
 * under `extensions.loreweaver`. Optional fields are optional because the cards they came
 * from may not have them, and writing a field the original lacked would change the card.
 */
export const NPC_LIMITS = {
  /** Far beyond any real description (~50k tokens); a bigger field is a broken or hostile file. */
  maxTextLength: 200_000,
  maxShortText: 1000,
  maxListItems: 1000,
  maxLorebookEntries: 10_000,
  /** A data URL of an avatar image. */
  maxAvatarLength: 16 * 1024 * 1024,
} as const;

const Text = z.string().max(NPC_LIMITS.maxTextLength);
const Short = z.string().max(NPC_LIMITS.maxShortText);
const TextList = z.array(Text).max(NPC_LIMITS.maxListItems);
const ShortList = z.array(Short).max(NPC_LIMITS.maxListItems);
/** Other applications' data, kept exactly as imported. */
export const Extensions = z.record(z.string(), z.unknown());
/** Fields of an imported card that the persona does not model, written back unchanged on export. */
const UnknownFields = z.record(z.string(), z.unknown()).optional();

export const LorebookEntry = z.object({
  keys: ShortList,
  secondaryKeys: ShortList.optional(),
  content: Text,
  enabled: z.boolean(),
  insertionOrder: z.number(),
  caseSensitive: z.boolean().optional(),
  constant: z.boolean().optional(),
  /** `before_char` or `after_char` in the card spec; values from other tools are kept as written. */
  position: Short.optional(),
  name: Short.optional(),
  priority: z.number().optional(),
  id: z.union([z.number(), Short]).optional(),
  comment: Text.optional(),
  /** Only trigger when a secondary key also matches. */
  selective: z.boolean().optional(),
  useRegex: z.boolean().optional(),
  extensions: Extensions,
  unknownFields: UnknownFields,
});
export type LorebookEntry = z.infer<typeof LorebookEntry>;

export const Lorebook = z.object({
  name: Short.optional(),
  description: Text.optional(),
  /** How many recent messages are scanned for keys. */
  scanDepth: z.number().int().nonnegative().optional(),
  /** The most tokens of lore inserted into a prompt. */
  tokenBudget: z.number().int().nonnegative().optional(),
  recursiveScanning: z.boolean().optional(),
  extensions: Extensions,
  entries: z.array(LorebookEntry).max(NPC_LIMITS.maxLorebookEntries),
  unknownFields: UnknownFields,
});
export type Lorebook = z.infer<typeof Lorebook>;

export const Avatar = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('dataUrl'),
    dataUrl: z
      .string()
      .max(NPC_LIMITS.maxAvatarLength)
      .regex(/^data:image\/[a-z0-9.+-]+;base64,/i),
  }),
  /** An image stored with the project's assets. */
  z.object({ kind: z.literal('asset'), assetId: z.string().min(1).max(128) }),
]);
export type Avatar = z.infer<typeof Avatar>;

/** A CCv3 asset (icon, background, emotion…); kept as the card wrote it. */
export const CardAsset = z.looseObject({ type: Short, uri: z.string().max(NPC_LIMITS.maxAvatarLength), name: Short, ext: Short });
export type CardAsset = z.infer<typeof CardAsset>;

export const CardSpec = z.enum(['v1', 'v2', 'v3']);
export type CardSpec = z.infer<typeof CardSpec>;

/** Where an imported persona came from, so exporting it again reproduces the card. */
export const CardImport = z.object({
  spec: CardSpec,
  /** Top-level fields beside `spec`/`spec_version`/`data` (e.g. the V1 copies SillyTavern writes). */
  envelope: z.record(z.string(), z.unknown()),
  unknownFields: z.record(z.string(), z.unknown()),
});
export type CardImport = z.infer<typeof CardImport>;

export const NPC_SCHEMA_VERSION = 1;

export const NpcPersona = z.object({
  schemaVersion: z.literal(NPC_SCHEMA_VERSION),
  id: z.string().min(1).max(128),
  name: Short,
  nickname: Short.optional(),
  /** What the NPC is in the world: "blacksmith of Emberfall". */
  role: Short,
  description: Text,
  personality: Text,
  speakingStyle: Text,
  scenario: Text,
  backstory: Text,
  goals: TextList,
  firstMessage: Text,
  alternateGreetings: TextList,
  groupOnlyGreetings: TextList,
  exampleDialogue: Text,
  systemPrompt: Text,
  postHistoryInstructions: Text,
  tags: ShortList,
  creator: Short,
  characterVersion: Short,
  creatorNotes: Text,
  creatorNotesMultilingual: z.record(z.string(), Text).optional(),
  source: ShortList.optional(),
  assets: z.array(CardAsset).max(NPC_LIMITS.maxListItems).optional(),
  /** Unix seconds, as CCv3 writes them. */
  creationDate: z.number().optional(),
  modificationDate: z.number().optional(),
  avatar: Avatar.nullable(),
  lorebook: Lorebook.nullable(),
  extensions: Extensions,
  cardImport: CardImport.optional(),
});
export type NpcPersona = z.infer<typeof NpcPersona>;
