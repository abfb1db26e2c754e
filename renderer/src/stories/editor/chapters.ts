import { Node, mergeAttributes, type JSONContent } from '@tiptap/core';
import Document from '@tiptap/extension-document';
import { CHAPTER, chapterBoundaries, groupChapters, joinChapterBackward, joinChapterForward } from './chapter-structure';
import { chapterMarkdownWriter } from './story-markdown';

/**
 * A first guess at a chapter's height before it is drawn, from its blocks and its length
 * (about 80 characters a 31 px line); the page remembers the real one once drawn.
 */
const estimatedHeight = (blocks: number, length: number) => Math.round(blocks * 16 + (length / 80) * 31);

/**
 * The story's top node: chapters. The opened Markdown (a flat run of blocks) is grouped into
 * them, and the editor's `getMarkdown()` writes a chapter at a time (story-markdown.ts), the
 * chapters not yet written being written in idle time once the story is open.
 */
export const ChapterDocument = Document.extend<Record<string, never>, { cancelPrepare?: () => void }>({
  content: `${CHAPTER}+`,
  addStorage: () => ({}),
  onBeforeCreate() {
    // After the Markdown extension has parsed the opened text into a flat document.
    const content = this.editor.options.content;
    if (content && typeof content === 'object' && !Array.isArray(content)) this.editor.options.content = groupChapters(content as JSONContent);
  },
  onCreate() {
    const { editor } = this;
    const writer = chapterMarkdownWriter(editor.markdown!);
    editor.getMarkdown = () => writer.write(editor.state.doc);
    this.storage.cancelPrepare = writer.prepare(editor.state.doc);
  },
  onDestroy() {
    this.storage.cancelPrepare?.();
  },
});

/** A chapter: the blocks from one chapter heading to the next, drawn as a `section`; see chapter-structure.ts. */
export const Chapter = Node.create({
  name: CHAPTER,
  content: 'block+',
  // Before the core keymap, so Backspace and Delete at a chapter's edge act as in the flat story.
  priority: 200,
  parseHTML: () => [{ tag: 'section[data-chapter]' }],
  renderHTML: ({ node, HTMLAttributes }) => [
    'section',
    mergeAttributes(HTMLAttributes, {
      'data-chapter': '',
      style: `contain-intrinsic-size: auto ${estimatedHeight(node.childCount, node.content.size)}px`,
    }),
    0,
  ],
  renderMarkdown: (node, h) => (node.content ? h.renderChildren(node.content, '\n\n') : ''),
  addKeyboardShortcuts() {
    const backward = () => joinChapterBackward(this.editor.state, this.editor.view.dispatch);
    const forward = () => joinChapterForward(this.editor.state, this.editor.view.dispatch);
    return { Backspace: backward, 'Mod-Backspace': backward, 'Shift-Backspace': backward, Delete: forward, 'Mod-Delete': forward };
  },
  addProseMirrorPlugins: () => [chapterBoundaries()],
});
