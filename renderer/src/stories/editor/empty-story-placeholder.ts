import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/**
 * A hint in an empty story's only paragraph (class `is-editor-empty`, its text in
 * `data-placeholder` for the stylesheet to show). It looks at the story's first block alone,
 * so it costs nothing per keystroke however long the story grows.
 */
export const EmptyStoryPlaceholder = Extension.create<{ text: string }>({
  name: 'emptyStoryPlaceholder',
  addOptions: () => ({ text: '' }),
  addProseMirrorPlugins() {
    const { text } = this.options;
    return [
      new Plugin({
        props: {
          decorations: ({ doc }) => {
            const chapter = doc.childCount === 1 ? doc.firstChild : null;
            const block = chapter?.childCount === 1 ? chapter.firstChild : null;
            if (!block || block.type.name !== 'paragraph' || block.content.size > 0) return null;
            return DecorationSet.create(doc, [Decoration.node(1, 1 + block.nodeSize, { class: 'is-editor-empty', 'data-placeholder': text })]);
          },
        },
      }),
    ];
  },
});
