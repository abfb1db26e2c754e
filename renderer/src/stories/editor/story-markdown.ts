import type { JSONContent } from '@tiptap/core';
import type { MarkdownManager } from '@tiptap/markdown';
import type { Node as ProseNode } from '@tiptap/pm/model';

export interface StoryMarkdownWriter {
  /** The story as Markdown. */
  write(doc: ProseNode): string;
  /**
   * Writes the chapters not yet written, a few at a time while the browser is idle, so the
   * first save after opening a long story is as quick as the later ones. Returns a cancel.
   */
  prepare(doc: ProseNode): () => void;
}

/**
 * The story as Markdown, written a chapter at a time: a chapter's Markdown depends on the
 * chapter alone, and an edit leaves every other chapter the same node, so saving after a
 * keystroke writes one chapter instead of the whole story. The result is what the Markdown
 * extension writes for the whole document (the story tests hold the two equal).
 */
export function chapterMarkdownWriter(manager: MarkdownManager): StoryMarkdownWriter {
  const written = new WeakMap<ProseNode, string>();
  const writeChapter = (chapter: ProseNode) => {
    let markdown = written.get(chapter);
    if (markdown === undefined) {
      markdown = manager.renderNodeToMarkdown(chapter.toJSON() as JSONContent);
      written.set(chapter, markdown);
    }
    return markdown;
  };
  return {
    write(doc) {
      const markdown = doc.children.map(writeChapter).join('\n\n');
      // Nothing but blank paragraphs is an empty story, as the extension has it.
      return /^(?:\s|\u00A0|&nbsp;)*$/.test(markdown) ? '' : markdown;
    },
    prepare(doc) {
      let next = 0;
      let handle = 0;
      const step = (deadline: IdleDeadline) => {
        while (next < doc.childCount && deadline.timeRemaining() > 2) writeChapter(doc.child(next++));
        if (next < doc.childCount) handle = window.requestIdleCallback(step);
      };
      handle = window.requestIdleCallback(step);
      return () => window.cancelIdleCallback(handle);
    },
  };
}
