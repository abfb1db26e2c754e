import type { NpcPersona } from './npc-schema';

/** The studio's own authoring fields, which a card from another tool does not carry. */
const STUDIO_FIELDS = ['role', 'speakingStyle', 'backstory', 'goals'] as const;

const isBlank = (value: string | readonly string[]) => (typeof value === 'string' ? value.trim() === '' : value.length === 0);

/**
 * An existing NPC updated from a card of it: the card's fields win, but what the card
 * leaves out (the studio's role, speaking style, backstory and goals, an avatar) stays as
 * the NPC had it, and the NPC keeps its id, so dialogues and quests still point at it.
 */
export function cardOverNpc(existing: NpcPersona, card: NpcPersona): NpcPersona {
  const kept = Object.fromEntries(STUDIO_FIELDS.filter((field) => isBlank(card[field])).map((field) => [field, existing[field]]));
  return { ...card, ...kept, avatar: card.avatar ?? existing.avatar, id: existing.id };
}
