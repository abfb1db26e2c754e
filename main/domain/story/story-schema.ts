import { z } from 'zod';

export const STORY_SCHEMA_VERSION = 1;

/** About 2 million words of prose: far beyond a novel; a bigger text is a broken or hostile file. */
export const STORY_LIMITS = { maxMarkdown: 12_000_000 } as const;

/**
 * A story or lore document: Markdown text (headings are its chapters and sections) and
 * whether it is project lore, which the Test chat gives the model as background.
 */
export const StoryData = z
  .object({
    schemaVersion: z.literal(STORY_SCHEMA_VERSION),
    markdown: z.string().max(STORY_LIMITS.maxMarkdown),
    lore: z.boolean(),
  })
  .strict();
export type StoryData = z.infer<typeof StoryData>;
