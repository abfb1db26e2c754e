import type { ContentStore } from '../content/content-store';
import type { LoreDocument } from '../../domain/testchat/prompt-assembly';

/**
 * What the project tells every NPC: stories marked as project lore, and the titles of
 * quests so the game state reads in the creator's words.
 */
export function projectLore(content: ContentStore): LoreDocument[] {
  return content
    .listFields('story', { lore: '$.lore', markdown: '$.markdown' })
    .filter(({ fields }) => fields.lore === true && typeof fields.markdown === 'string' && fields.markdown.trim() !== '')
    .map(({ name, fields }) => ({ title: name, text: fields.markdown as string }));
}

export function questNames(content: ContentStore): Record<string, string> {
  const names: Record<string, string> = Object.create(null);
  for (const quest of content.list('quest')) names[quest.id] = quest.name;
  return names;
}
