import type { Editor } from '@tiptap/core';
import type { Node as ProseNode } from '@tiptap/pm/model';
import { useEffect, useState } from 'react';
import { countWords } from '../../../main/domain/story';

export interface StoryHeading {
  level: number;
  text: string;
}

const QUIET_MS = 400;

/**
 * A value read from the story when it opens, then again once typing pauses and the browser
 * is idle: reading a 50,000-word story takes milliseconds, which must not land on a
 * keystroke. A reading equal to the last one (`same`) keeps the last one, so the component
 * showing it does not draw again.
 */
function useQuietReading<T>(editor: Editor, read: (doc: ProseNode) => T, same: (a: T, b: T) => boolean): T {
  const [value, setValue] = useState(() => read(editor.state.doc));
  useEffect(() => {
    let timer: number | undefined;
    let idle: number | undefined;
    const reread = () => {
      const next = read(editor.state.doc);
      setValue((last) => (same(last, next) ? last : next));
    };
    const schedule = () => {
      window.clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
      timer = window.setTimeout(() => {
        idle = window.requestIdleCallback(reread, { timeout: 1000 });
      }, QUIET_MS);
    };
    editor.on('update', schedule);
    return () => {
      editor.off('update', schedule);
      window.clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, [editor, read, same]);
  return value;
}

/** Calls `visit` for each of the story's own headings (the blocks of its chapters, not headings quoted inside a block), in order. */
export function forEachHeading(doc: ProseNode, visit: (heading: ProseNode, pos: number) => void) {
  doc.forEach((chapter, chapterPos) => {
    chapter.forEach((node, offset) => {
      if (node.type.name === 'heading') visit(node, chapterPos + 1 + offset);
    });
  });
}

function readHeadings(doc: ProseNode): StoryHeading[] {
  const headings: StoryHeading[] = [];
  forEachHeading(doc, (node) => headings.push({ level: node.attrs.level as number, text: node.textContent }));
  return headings;
}

const sameHeadings = (a: StoryHeading[], b: StoryHeading[]) =>
  a.length === b.length && a.every((h, i) => h.level === b[i].level && h.text === b[i].text);

/** The story's chapters and sections, for the outline. */
export const useStoryHeadings = (editor: Editor) => useQuietReading(editor, readHeadings, sameHeadings);

const readWords = (doc: ProseNode) => countWords(doc.textBetween(0, doc.content.size, ' ', ' '));

/** The story's word count, counted as a writer counts. */
export const useStoryWords = (editor: Editor) => useQuietReading(editor, readWords, Object.is);
