import { z } from 'zod';
import { Saliency } from '../dialogue/dialogue-schema';
import { Quest } from '../quest/quest-schema';
import { WorldItem, WorldLocation } from '../quest/world-schema';
import { PACK_TEXT_LIMITS, PackTextPart } from './pack-text';
import { PACK_FORMAT, PACK_FORMAT_VERSION } from './pack-version';

/**
 * The `loreweaver-pack` format, version 2: what leaves the studio for a game. Version 2
 * adds the deeper dialogue language (sections, detours, returns, groups, once, enums,
 * smart variables, arithmetic, text templates); a version-1 pack is migrated when read
 * (pack-migration.ts). Every shape
 * here is also valid under Roblox's JSON rules: no nulls (absent fields are omitted), ids
 * are strings, objects never mix string and number keys (maps are keyed by string ids),
 * and every array holds one kind of element. Conditions travel as the parser's JSON tree
 * (without editor spans) beside their source text, which runtimes quote in messages.
 */
export { PACK_FORMAT, PACK_FORMAT_VERSION } from './pack-version';

export const PACK_LIMITS = {
  maxItems: 100_000,
  maxNodesPerDialogue: 50_000,
  maxText: 200_000,
  maxId: 128,
  /** Nesting of a condition tree; the parser allows 32 levels of parentheses, each at most two tree levels. */
  maxExpressionDepth: 80,
} as const;

const Id = z.string().min(1).max(PACK_LIMITS.maxId);
const Text = z.string().max(PACK_LIMITS.maxText);
const Short = z.string().max(1000);
const Finite = z.number().refine(Number.isFinite, 'Numbers must be finite');
export const PackValue = z.union([z.boolean(), Finite, z.string().max(1000)]);

export type PackExpr =
  | { type: 'literal'; value: boolean | number | string }
  | { type: 'variable'; name: string }
  | { type: 'not'; operand: PackExpr }
  | { type: 'logical'; operator: 'and' | 'or'; operands: PackExpr[] }
  | { type: 'compare'; operator: '==' | '!=' | '<' | '<=' | '>' | '>='; left: PackExpr; right: PackExpr }
  | { type: 'call'; name: string; args: PackExpr[] }
  | { type: 'unary'; operator: '-'; operand: PackExpr }
  | { type: 'arithmetic'; operator: '+' | '-' | '*' | '/' | '%'; left: PackExpr; right: PackExpr };

export const PackExpr: z.ZodType<PackExpr> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('literal'), value: PackValue }).strict(),
    z.object({ type: z.literal('variable'), name: z.string().min(1).max(64) }).strict(),
    z.object({ type: z.literal('not'), operand: PackExpr }).strict(),
    z.object({ type: z.literal('logical'), operator: z.enum(['and', 'or']), operands: z.array(PackExpr).min(2).max(400) }).strict(),
    z
      .object({ type: z.literal('compare'), operator: z.enum(['==', '!=', '<', '<=', '>', '>=']), left: PackExpr, right: PackExpr })
      .strict(),
    z.object({ type: z.literal('call'), name: z.string().min(1).max(64), args: z.array(PackExpr).max(16) }).strict(),
    z.object({ type: z.literal('unary'), operator: z.literal('-'), operand: PackExpr }).strict(),
    z.object({ type: z.literal('arithmetic'), operator: z.enum(['+', '-', '*', '/', '%']), left: PackExpr, right: PackExpr }).strict(),
  ]),
);

/** A condition as written (trimmed) and as parsed. */
export const PackCondition = z.object({ source: z.string().min(1).max(2000), ast: PackExpr }).strict();
export type PackCondition = z.infer<typeof PackCondition>;

const VariableName = z.string().min(1).max(64);
const EnumValue = z.union([Finite, z.string().max(1000)]);

/** An enum with every case's value resolved (a case declared without one has its name). */
export const PackEnum = z
  .object({
    name: VariableName,
    cases: z
      .array(z.object({ name: VariableName, value: EnumValue }).strict())
      .min(1)
      .max(256),
  })
  .strict();
export type PackEnum = z.infer<typeof PackEnum>;

export const PackVariable = z.discriminatedUnion('type', [
  z.object({ name: VariableName, type: z.literal('bool'), default: z.boolean() }).strict(),
  z.object({ name: VariableName, type: z.literal('number'), default: Finite }).strict(),
  z.object({ name: VariableName, type: z.literal('string'), default: z.string().max(1000) }).strict(),
  /** Holds a case of `enum` as its raw value; `default` is that value. */
  z.object({ name: VariableName, type: z.literal('enum'), enum: VariableName, default: EnumValue }).strict(),
  /** Computed from `expression` whenever it is read; never stored or set. */
  z
    .object({ name: VariableName, type: z.literal('smart'), valueType: z.enum(['bool', 'number', 'string']), expression: PackCondition })
    .strict(),
]);
export type PackVariable = z.infer<typeof PackVariable>;

/** A text as written and, when it has `{`, `[` or `\\`, as the parts runtimes render. */
const templated = { template: z.lazy(() => z.array(PackTextPart).max(PACK_TEXT_LIMITS.maxParts)).optional() };

export const PackAction = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('setVariable'),
      variable: VariableName,
      operator: z.enum(['=', '+=', '-=']),
      value: PackValue,
      /** When present, the value set is this expression's, instead of `value`. */
      expression: PackCondition.optional(),
    })
    .strict(),
  z.object({ type: z.literal('call'), expression: PackCondition }).strict(),
  z.object({ type: z.literal('commandText'), text: z.string().min(1).max(1000), ...templated }).strict(),
  z.object({ type: z.literal('startQuest'), questId: Id }).strict(),
  z.object({ type: z.literal('advanceQuest'), questId: Id, stage: z.number().int().nonnegative().optional() }).strict(),
  z.object({ type: z.literal('completeObjective'), questId: Id, objectiveId: Id }).strict(),
  z.object({ type: z.literal('completeQuest'), questId: Id }).strict(),
  z.object({ type: z.literal('giveItem'), itemId: Id, count: z.number().int().min(1).max(1_000_000) }).strict(),
  z.object({ type: z.literal('command'), name: z.string().min(1).max(64), args: z.array(PackValue).max(16) }).strict(),
]);
export type PackAction = z.infer<typeof PackAction>;

const Position = z.object({ x: Finite, y: Finite }).strict();
const node = { id: Id, position: Position };
const Emotion = z.string().max(64).optional();
const Once = z.boolean().optional();
/** Where a jump or detour goes: another dialogue (its start, or `nodeId`), a node by id, or the node id an expression gives. */
const target = { dialogueId: Id.optional(), nodeId: Id.optional(), expression: PackCondition.optional() };

export const PackNode = z.discriminatedUnion('kind', [
  z
    .object({
      ...node,
      kind: z.literal('line'),
      speaker: Short,
      text: Text,
      ...templated,
      lineId: z.string().max(128),
      emotion: Emotion,
      condition: PackCondition.optional(),
      once: Once,
      next: Id.optional(),
    })
    .strict(),
  z
    .object({
      ...node,
      kind: z.literal('choice'),
      options: z
        .array(
          z.object({ id: Id, text: Text, ...templated, condition: PackCondition.optional(), once: Once, target: Id.optional() }).strict(),
        )
        .max(32),
      else: Id.optional(),
    })
    .strict(),
  z
    .object({
      ...node,
      kind: z.literal('branch'),
      branches: z.array(z.object({ id: Id, condition: PackCondition, once: Once, target: Id.optional() }).strict()).max(32),
      else: Id.optional(),
    })
    .strict(),
  z.object({ ...node, kind: z.literal('action'), actions: z.array(PackAction).max(32), next: Id.optional() }).strict(),
  z.object({ ...node, kind: z.literal('jump'), ...target }).strict(),
  z
    .object({
      ...node,
      kind: z.literal('aiLine'),
      speaker: Short,
      instruction: Text,
      fallbackText: Text,
      ...templated,
      lineId: z.string().max(128),
      emotion: Emotion,
      next: Id.optional(),
    })
    .strict(),
  z.object({ ...node, kind: z.literal('end'), outcome: z.string().max(128).optional() }).strict(),
  z.object({ ...node, kind: z.literal('detour'), ...target, next: Id.optional() }).strict(),
  z.object({ ...node, kind: z.literal('return') }).strict(),
  z.object({ ...node, kind: z.literal('section'), title: z.string().min(1).max(128), next: Id.optional() }).strict(),
  z
    .object({
      ...node,
      kind: z.literal('group'),
      candidates: z.array(z.object({ id: Id, condition: PackCondition.optional(), once: Once, target: Id.optional() }).strict()).max(32),
      else: Id.optional(),
    })
    .strict(),
]);
export type PackNode = z.infer<typeof PackNode>;

export const PackDialogue = z
  .object({
    id: Id,
    name: Short,
    npcId: Id.optional(),
    notes: Text.optional(),
    enums: z.array(PackEnum).max(64).optional(),
    variables: z.array(PackVariable).max(500),
    /** How groups pick among candidates; absent means `best`. */
    saliency: Saliency.optional(),
    startNodeId: z.string().max(PACK_LIMITS.maxId),
    /** Keyed by node id, so runtimes look nodes up directly. */
    nodes: z.record(Id, PackNode),
  })
  .strict();
export type PackDialogue = z.infer<typeof PackDialogue>;

export const PackLoreEntry = z
  .object({
    keys: z.array(Short).max(1000),
    secondaryKeys: z.array(Short).max(1000),
    content: Text,
    enabled: z.boolean(),
    insertionOrder: Finite,
    constant: z.boolean(),
    selective: z.boolean(),
    caseSensitive: z.boolean(),
    name: Short.optional(),
    position: Short.optional(),
    priority: Finite.optional(),
  })
  .strict();

/** A persona and its lorebook: what a game needs to voice the NPC (card-only metadata stays in the studio). */
export const PackNpc = z
  .object({
    id: Id,
    name: Short,
    nickname: Short.optional(),
    role: Short,
    description: Text,
    personality: Text,
    speakingStyle: Text,
    scenario: Text,
    backstory: Text,
    goals: z.array(Text).max(1000),
    firstMessage: Text,
    alternateGreetings: z.array(Text).max(1000),
    exampleDialogue: Text,
    systemPrompt: Text,
    postHistoryInstructions: Text,
    tags: z.array(Short).max(1000),
    creator: Short,
    characterVersion: Short,
    creatorNotes: Text,
    lorebook: z
      .object({ name: Short.optional(), description: Text.optional(), entries: z.array(PackLoreEntry).max(10_000) })
      .strict()
      .optional(),
  })
  .strict();
export type PackNpc = z.infer<typeof PackNpc>;

/**
 * Quests travel as the studio's quest records (stages, objectives, outcomes, rewards; their
 * conditions as text), items and locations as the world records quests and dialogues name.
 */
export const PackQuest = Quest;
export type PackQuest = Quest;
export const PackItem = WorldItem;
export type PackItem = WorldItem;
export const PackLocation = WorldLocation;
export type PackLocation = WorldLocation;

export const PackStory = z.object({ id: Id, name: Short, markdown: Text }).strict();
export type PackStory = z.infer<typeof PackStory>;
export const PackPoem = z.object({ id: Id, name: Short, form: Short, text: Text }).strict();
export type PackPoem = z.infer<typeof PackPoem>;
export const PackScript = z.object({ id: Id, name: Short, language: Short, folder: Short, code: Text }).strict();
export type PackScript = z.infer<typeof PackScript>;

/** Locale → line id → text: the table translators fill in and games look lines up in. */
export const PackStrings = z.record(z.string().min(1).max(35), z.record(z.string().min(1).max(128), Text));
export type PackStrings = z.infer<typeof PackStrings>;

/** The content of a pack, one file per section. */
export const PackContent = z
  .object({
    npcs: z.array(PackNpc).max(PACK_LIMITS.maxItems),
    dialogues: z.array(PackDialogue).max(PACK_LIMITS.maxItems),
    quests: z.array(PackQuest).max(PACK_LIMITS.maxItems),
    items: z.array(PackItem).max(PACK_LIMITS.maxItems),
    locations: z.array(PackLocation).max(PACK_LIMITS.maxItems),
    stories: z.array(PackStory).max(PACK_LIMITS.maxItems),
    poems: z.array(PackPoem).max(PACK_LIMITS.maxItems),
    scripts: z.array(PackScript).max(PACK_LIMITS.maxItems),
    strings: PackStrings,
  })
  .strict();
export type PackContent = z.infer<typeof PackContent>;
export type PackSection = keyof PackContent;
export const PACK_SECTIONS = Object.keys(PackContent.shape) as PackSection[];

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 is 64 lowercase hex digits');

export const PackManifest = z
  .object({
    format: z.literal(PACK_FORMAT),
    formatVersion: z.literal(PACK_FORMAT_VERSION),
    packId: Id,
    name: Short,
    version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'version is semver, e.g. 1.0.0'),
    createdWith: Short,
    defaultLocale: z.string().min(1).max(35),
    locales: z.array(z.string().min(1).max(35)).min(1).max(200),
    contents: z
      .object(Object.fromEntries(PACK_SECTIONS.map((s) => [s, z.number().int().nonnegative()])) as Record<PackSection, z.ZodNumber>)
      .strict(),
    /** Every other file of the pack, by path, with its sha256 and size in bytes. */
    files: z.array(z.object({ path: z.string().min(1).max(256), sha256: Sha256, bytes: z.number().int().nonnegative() }).strict()).max(64),
  })
  .strict();
export type PackManifest = z.infer<typeof PackManifest>;

/** A whole pack in one object (the web target's `pack.json`, what runtimes take). */
export const Pack = PackContent.extend({ manifest: PackManifest }).strict();
export type Pack = z.infer<typeof Pack>;
