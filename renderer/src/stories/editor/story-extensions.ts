import type { AnyExtension } from '@tiptap/core';
import { CharacterCount, Focus, Placeholder } from '@tiptap/extensions';
import { Markdown } from '@tiptap/markdown';
import StarterKit from '@tiptap/starter-kit';
import { countWords } from '../../../../main/domain/story';
import { FindReplace } from './find-replace';
import { GhostText } from './ghost-text';

/** What a story's Markdown can hold: headings (chapters and sections), emphasis, lists, quotes, rules, links. */
export const storySchemaExtensions = (): AnyExtension[] => [
  StarterKit.configure({ heading: { levels: [1, 2, 3] }, codeBlock: false, code: false, link: { openOnClick: false } }),
  Markdown,
];

/** The prose editor's extensions: the schema plus counts, placeholder, focus mode, find and replace and ghost text. */
export const storyEditorExtensions = (): AnyExtension[] => [
  ...storySchemaExtensions(),
  CharacterCount.configure({ wordCounter: countWords }),
  Placeholder.configure({ placeholder: 'Once upon a time… (# for a chapter heading)' }),
  Focus.configure({ mode: 'shallowest' }),
  FindReplace,
  GhostText,
];
