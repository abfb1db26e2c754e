import type { ContentStore, ItemText } from '../content/content-store';
import { RevisionCache } from '../content/revision-cache';
import type { LoreDocument } from '../../domain/testchat/prompt-assembly';

/** A story's text as project lore, when it is marked as lore and says something. */
function loreOf({ name, data }: ItemText): LoreDocument | undefined {
  const story = JSON.parse(data) as { lore?: unknown; markdown?: unknown };
  return story.lore === true && typeof story.markdown === 'string' && story.markdown.trim() !== ''
    ? { title: name, text: story.markdown }
    : undefined;
}

/**
 * What the project tells every NPC: stories marked as project lore, each story read once per
 * revision (a project of 2,000 stories is megabytes of text that every chat turn would read
 * again), and the titles of quests so the game state reads in the creator's words.
 */
export class ProjectLore {
  private readonly stories: RevisionCache<LoreDocument | undefined>;

  constructor(private readonly content: ContentStore) {
    this.stories = new RevisionCache(content, 'story', loreOf);
  }

  /** The lore stories, in list order, once the stories changed since the last prompt are read (a few at a time). */
  async documents(): Promise<LoreDocument[]> {
    await this.stories.fill();
    return this.stories.all().filter((document): document is LoreDocument => document !== undefined);
  }

  questNames(): Record<string, string> {
    const names: Record<string, string> = Object.create(null);
    for (const quest of this.content.heads('quest')) names[quest.id] = quest.name;
    return names;
  }
}
