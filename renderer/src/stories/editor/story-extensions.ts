import type { AnyExtension } from '@tiptap/core';
import { Focus } from '@tiptap/extensions';
import { Markdown } from '@tiptap/markdown';
import StarterKit from '@tiptap/starter-kit';
import { FindReplace } from './find-replace';
import { GhostText } from './ghost-text';
import { Chapter, ChapterDocument } from './chapters';
import { EmptyStoryPlaceholder } from './empty-story-placeholder';

/** What a story's Markdown can hold: chapters (from `# ` to the next), section headings, emphasis, lists, quotes, rules, links. */
export const storySchemaExtensions = (): AnyExtension[] => [
  StarterKit.configure({ document: false, heading: { levels: [1, 2, 3] }, codeBlock: false, code: false, link: { openOnClick: false } }),
  Chapter,
  Markdown,
  // After Markdown: it groups the parsed text into chapters.
  ChapterDocument,
];

/** The prose editor's extensions: the schema plus placeholder, focus mode, find and replace and ghost text. */
export const storyEditorExtensions = (): AnyExtension[] => [
  ...storySchemaExtensions(),
  EmptyStoryPlaceholder.configure({ text: 'Once upon a time… (# for a chapter heading)' }),
  Focus.configure({ mode: 'all' }),
  FindReplace,
  GhostText,
];
