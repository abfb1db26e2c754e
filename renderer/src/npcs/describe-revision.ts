import type { ContentItem } from '../../../preload/api';
import { loadNpc } from '../../../main/domain/npc';
import { identityLine } from './npc-fields';

/** A stored NPC revision in a few lines for the history drawer, whatever format version it has. */
export function describeNpcRevision(item: ContentItem): string {
  try {
    const persona = loadNpc(item.data, { id: item.id, name: item.name });
    return [identityLine(persona), persona.description, persona.personality, persona.firstMessage && `“${persona.firstMessage}”`]
      .filter(Boolean)
      .join('\n\n');
  } catch (error) {
    return (error as Error).message;
  }
}
