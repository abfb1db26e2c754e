import type { JSONContent } from '@tiptap/core';
import { joinBackward, joinForward, selectNodeBackward, selectNodeForward } from '@tiptap/pm/commands';
import { EditorState, Plugin, PluginKey, Selection, TextSelection, type Command, type Transaction } from '@tiptap/pm/state';

/**
 * A story is a list of chapters, each a run of blocks that starts at a chapter heading (`# `);
 * only the first chapter may start without one. The chapters are structure the writer never
 * edits directly: they follow from where the chapter headings are, so the story reads, edits
 * and saves exactly as the flat list of blocks it is. They let the page lay out, and skip
 * drawing, a chapter at a time instead of a paragraph at a time.
 */
export const CHAPTER = 'chapter';

const isChapterHeading = (type: string | undefined, level: unknown) => type === 'heading' && level === 1;

/** Groups a flat document (as Markdown parses) into chapters. */
export function groupChapters(doc: JSONContent): JSONContent {
  const chapters: JSONContent[] = [];
  for (const block of doc.content ?? []) {
    const last = chapters.at(-1);
    if (!last || isChapterHeading(block.type, block.attrs?.level)) chapters.push({ type: CHAPTER, content: [block] });
    else last.content!.push(block);
  }
  return { ...doc, content: chapters.length ? chapters : [{ type: CHAPTER, content: [{ type: 'paragraph' }] }] };
}

/**
 * Moves chapter boundaries back to the chapter headings after an edit: a heading made a
 * chapter heading (typing `# `, the toolbar, a paste) splits its chapter there, and a chapter
 * whose heading is gone joins the one before. Adds the steps to `tr`, last position first so
 * every position read from its document still holds.
 */
export function fixChapterBoundaries(tr: Transaction): Transaction {
  const joins: number[] = [];
  const splits: number[] = [];
  tr.doc.forEach((chapter, chapterPos, index) => {
    if (index > 0 && !isChapterHeading(chapter.firstChild?.type.name, chapter.firstChild?.attrs.level)) joins.push(chapterPos);
    chapter.forEach((block, offset, i) => {
      if (i > 0 && isChapterHeading(block.type.name, block.attrs.level)) splits.push(chapterPos + 1 + offset);
    });
  });
  const steps = [...joins.map((pos) => ({ pos, join: true })), ...splits.map((pos) => ({ pos, join: false }))];
  for (const { pos, join } of steps.sort((a, b) => b.pos - a.pos)) {
    if (join) tr.join(pos);
    else tr.split(pos);
  }
  return tr;
}

/** Keeps chapter boundaries at the chapter headings after every edit, in the same undo step as the edit. */
export const chapterBoundaries = () =>
  new Plugin({
    key: new PluginKey('chapter-boundaries'),
    appendTransaction: (transactions, _old, state) => {
      if (!transactions.some((tr) => tr.docChanged)) return null;
      const tr = fixChapterBoundaries(state.tr);
      return tr.docChanged ? tr : null;
    },
  });

/**
 * Runs `command` as if the chapters either side of `boundary` were one, all in one
 * transaction: what Backspace or Delete does at a chapter's edge in the flat story.
 */
function acrossChapters(state: EditorState, boundary: number, command: Command, dispatch?: (tr: Transaction) => void): boolean {
  const tr = state.tr.join(boundary);
  const joined = EditorState.create({ doc: tr.doc, selection: state.selection.map(tr.doc, tr.mapping) });
  let inner: Transaction | undefined;
  if (!command(joined, (t) => (inner = t)) || !inner) return false;
  if (!dispatch) return true;
  for (const step of inner.steps) tr.step(step);
  tr.setSelection(Selection.fromJSON(tr.doc, inner.selection.toJSON()));
  if (inner.storedMarks) tr.setStoredMarks(inner.storedMarks);
  dispatch(tr.scrollIntoView());
  return true;
}

const cursorOf = (state: EditorState) => (state.selection instanceof TextSelection ? state.selection.$cursor : null);

/** Backspace at the start of a chapter joins its first block with the block before, as in the flat story. */
export const joinChapterBackward: Command = (state, dispatch) => {
  const $cursor = cursorOf(state);
  if (!$cursor || $cursor.parentOffset > 0 || $cursor.depth < 2) return false;
  // The depth where Backspace cuts: the nearest ancestor with something before it.
  let depth = $cursor.depth - 1;
  while (depth > 0 && $cursor.index(depth) === 0) depth--;
  if (depth > 0 || $cursor.index(0) === 0) return false;
  return acrossChapters(state, $cursor.before(1), (s, d) => joinBackward(s, d) || selectNodeBackward(s, d), dispatch);
};

/** Delete at the end of a chapter joins its last block with the next chapter's heading, as in the flat story. */
export const joinChapterForward: Command = (state, dispatch) => {
  const $cursor = cursorOf(state);
  if (!$cursor || $cursor.parentOffset < $cursor.parent.content.size || $cursor.depth < 2) return false;
  let depth = $cursor.depth - 1;
  while (depth > 0 && $cursor.index(depth) + 1 >= $cursor.node(depth).childCount) depth--;
  if (depth > 0 || $cursor.index(0) + 1 >= state.doc.childCount) return false;
  return acrossChapters(state, $cursor.after(1), (s, d) => joinForward(s, d) || selectNodeForward(s, d), dispatch);
};
