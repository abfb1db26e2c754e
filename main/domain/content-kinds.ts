/** The kinds of content a project holds, in sidebar order. */
export const CONTENT_KINDS = ['npc', 'dialogue', 'quest', 'story', 'poem', 'script'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export const CONTENT_KIND_LABELS: Record<ContentKind, { one: string; many: string }> = {
  npc: { one: 'NPC', many: 'NPCs' },
  dialogue: { one: 'Dialogue', many: 'Dialogues' },
  quest: { one: 'Quest', many: 'Quests' },
  story: { one: 'Story', many: 'Stories' },
  poem: { one: 'Poem', many: 'Poems' },
  script: { one: 'Script', many: 'Scripts' },
};
