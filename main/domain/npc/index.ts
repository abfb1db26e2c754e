/** The NPC persona: schema, record migrations and defaults. Card import and export live in ../cards. */
export * from './npc-schema';
export { loadNpc, newNpcPersona, NpcRecord } from './npc-record';
export { cardOverNpc } from './card-over-npc';
export { comparableName, distinctNpcName } from './npc-names';
