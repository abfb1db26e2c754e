/**
 * Items and locations: light project records (main/domain/quest/world-schema.ts) that quest
 * objectives, rewards and dialogue actions name by id. Saving creates or replaces by id.
 */
import { z } from 'zod';
import { WorldId, WorldItem, WorldLocation } from '../../main/domain/quest/world-schema';
import { method } from './method';

const byId = z.object({ id: WorldId }).strict();

export const worldMethods = {
  'world:items:list': method(z.object({}).strict(), z.array(WorldItem), 'Items of the open project, by name'),
  'world:items:save': method(z.object({ item: WorldItem }).strict(), WorldItem, 'Create or replace an item by id'),
  'world:items:delete': method(byId, z.object({ id: WorldId }), 'Delete an item'),
  'world:locations:list': method(z.object({}).strict(), z.array(WorldLocation), 'Locations of the open project, by name'),
  'world:locations:save': method(z.object({ location: WorldLocation }).strict(), WorldLocation, 'Create or replace a location by id'),
  'world:locations:delete': method(byId, z.object({ id: WorldId }), 'Delete a location'),
} as const;

export const WorldChanged = z.object({ projectId: z.string(), kind: z.enum(['item', 'location']), id: WorldId, deleted: z.boolean() });
