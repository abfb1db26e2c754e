import { z } from 'zod';

/**
 * Items and locations: light project-level records that quest objectives, rewards and
 * dialogue actions name by id. The game owns what they are; the studio only needs their
 * names to show and their ids to check.
 */
export const WorldId = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'Ids are letters, digits and _ . : -, at most 128 long');

export const WorldItem = z
  .object({
    id: WorldId,
    name: z.string().trim().min(1, 'Name must not be empty').max(120),
    description: z.string().max(2000),
    /** Whether several stack in one inventory slot; informational for the game. */
    stackable: z.boolean(),
  })
  .strict();
export type WorldItem = z.infer<typeof WorldItem>;

export const WorldLocation = z
  .object({
    id: WorldId,
    name: z.string().trim().min(1, 'Name must not be empty').max(120),
    description: z.string().max(2000),
    /** A region or parent location, free text ("Emberfall"). */
    region: z.string().max(120),
  })
  .strict();
export type WorldLocation = z.infer<typeof WorldLocation>;

/** An id made from a name ("Wolf pelt" → "wolf_pelt"), for the create forms. */
export const worldIdFromName = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 64) || 'item';
