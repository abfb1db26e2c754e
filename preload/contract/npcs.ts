/**
 * The NPC part of the contract: personas as versioned records (main/domain/npc) over the
 * project's content items, and Character Card V1/V2/V3 import and export (main/domain/cards).
 * The generic `content:*` methods still apply to NPC items (history, restore, search).
 */
import { z } from 'zod';
import { CARD_LIMITS } from '../../main/domain/cards/card-document';
import { NpcPersona } from '../../main/domain/npc';
import { FilePath } from './file-path';
import { method } from './method';

const npcId = z.string().min(1).max(128);
const revision = z.number().int().positive();
const byId = z.object({ id: npcId }).strict();

/** What the NPC list shows, read without loading whole personas (avatars are large). */
export const NpcSummary = z.object({
  id: npcId,
  name: z.string(),
  role: z.string(),
  tags: z.array(z.string()),
  hasAvatar: z.boolean(),
  revision,
  updatedAt: z.string(),
});
export type NpcSummary = z.infer<typeof NpcSummary>;

/** One NPC as stored now: the revision is what the next save passes as `baseRevision`. */
export const NpcDocument = z.object({ id: npcId, revision, updatedAt: z.string(), persona: NpcPersona });
export type NpcDocument = z.infer<typeof NpcDocument>;

/** The persona fields a creator (or the model, from an idea) fills in before the NPC exists. */
export const NpcDraft = NpcPersona.omit({ schemaVersion: true, id: true, name: true }).partial().strict();
export type NpcDraft = z.infer<typeof NpcDraft>;

/** A persona name: a card allows long ones, an NPC needs one that is not blank. */
const NpcName = NpcPersona.shape.name.trim().min(1, 'Name must not be empty');

/** Base64 of a card file of the largest size the codec reads. */
const CardData = z
  .string()
  .min(1)
  .max(Math.ceil((CARD_LIMITS.maxPngBytes * 4) / 3) + 4);

/** A card file: base64 data (the browser's file picker) or a path (the desktop's file dialog). */
const CardSource = z.union([z.object({ data: CardData }).strict(), z.object({ path: FilePath }).strict()]);

/**
 * What an import does when an NPC of the card's name exists: update that NPC from the card
 * (a new revision of it; fields the card lacks stay), or keep both, the new NPC named
 * "Name (2)". Without it, the card becomes a new NPC as it is.
 */
const OnExisting = z.union([z.object({ update: npcId }).strict(), z.literal('keepBoth')]);
export type CardImportChoice = z.infer<typeof OnExisting>;

export const CardFile = z.object({ fileName: z.string(), mimeType: z.string(), data: z.string() });
export type CardFile = z.infer<typeof CardFile>;

export const npcMethods = {
  'npcs:list': method(
    z.object({}).strict(),
    z.array(NpcSummary),
    'NPCs of the open project with role, tags and whether they have an avatar, by name',
  ),
  'npcs:get': method(byId, NpcDocument, 'One NPC, its stored record brought up to the current persona format'),
  'npcs:avatar': method(
    byId,
    z.object({ dataUrl: z.string().nullable() }),
    "An NPC's avatar as a data URL (null without one), for list thumbnails",
  ),
  'npcs:create': method(
    z.object({ name: NpcName, persona: NpcDraft.optional() }).strict(),
    NpcDocument,
    'Create an NPC, empty or from a draft',
  ),
  'npcs:save': method(
    z.object({ id: npcId, persona: NpcPersona, baseRevision: revision.optional() }).strict(),
    NpcDocument,
    'Save a persona as a new revision; with baseRevision, refuse if someone saved in between',
  ),
  'npcs:delete': method(byId, z.object({ id: npcId }), 'Delete an NPC (its history is kept)'),
  'npcs:cardMatches': method(
    CardSource,
    z.object({ name: z.string(), matches: z.array(NpcSummary) }),
    "A card's NPC name and the project's NPCs that already have it, before importing",
  ),
  'npcs:importCard': method(
    z.union([
      z.object({ data: CardData, onExisting: OnExisting.optional() }).strict(),
      z.object({ path: FilePath, onExisting: OnExisting.optional() }).strict(),
    ]),
    NpcDocument,
    'Create an NPC from a Character Card V1/V2/V3, JSON or PNG, given as base64 data or a file path; or update an NPC from it, or keep both under distinct names',
  ),
  'npcs:exportCard': method(
    z.object({ id: npcId, format: z.enum(['json', 'png']), spec: z.enum(['v2', 'v3']) }).strict(),
    CardFile,
    'An NPC as a Character Card V2 or V3 file (JSON, or PNG with the card in its text chunks), base64',
  ),
} as const;
