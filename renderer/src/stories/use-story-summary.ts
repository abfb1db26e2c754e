import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';

export interface StoryHeading {
  level: number;
  text: string;
  pos: number;
}

export interface StorySummary {
  words: number;
  headings: StoryHeading[];
}

const QUIET_MS = 400;

function summarize(editor: Editor): StorySummary {
  const headings: StoryHeading[] = [];
  // The story's own headings: the blocks of its chapters, not headings quoted inside a block.
  editor.state.doc.forEach((chapter, chapterPos) => {
    chapter.forEach((node, offset) => {
      if (node.type.name === 'heading') headings.push({ level: node.attrs.level as number, text: node.textContent, pos: chapterPos + 1 + offset });
    });
  });
  return { words: editor.storage.characterCount.words() as number, headings };
}

/**
 * Word count and outline, recounted once typing pauses and the browser is idle: counting a
 * 50,000-word story takes milliseconds, which must not land on a keystroke.
 */
export function useStorySummary(editor: Editor | null): StorySummary {
  const [summary, setSummary] = useState<StorySummary>({ words: 0, headings: [] });
  useEffect(() => {
    if (!editor) return;
    let timer: number | undefined;
    let idle: number | undefined;
    const recount = () => setSummary(summarize(editor));
    const schedule = () => {
      window.clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
      timer = window.setTimeout(() => {
        idle = window.requestIdleCallback(recount, { timeout: 1000 });
      }, QUIET_MS);
    };
    recount();
    editor.on('update', schedule);
    return () => {
      editor.off('update', schedule);
      window.clearTimeout(timer);
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, [editor]);
  return summary;
}
