import { closeHistory } from '@tiptap/pm/history';
import type { EditorState, Transaction } from '@tiptap/pm/state';

/**
 * Replaces `from`–`to` with model text in one transaction, so accepting it is one undo step:
 * blank lines in the text become paragraph breaks, single newlines spaces. The transaction
 * starts its own history group, so text typed just before does not undo with it.
 */
export function replaceWithProse(state: EditorState, from: number, to: number, text: string): Transaction {
  const tr = closeHistory(state.tr);
  if (to > from) tr.delete(from, to);
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' '));
  let pos = from;
  paragraphs.forEach((paragraph, i) => {
    if (i > 0) {
      tr.split(pos);
      pos = tr.mapping.map(pos);
    }
    if (paragraph) {
      tr.insertText(paragraph, pos);
      pos += paragraph.length;
    }
  });
  return tr.scrollIntoView();
}

/** A step-less transaction that ends the current history group, so the next keystroke does not merge with an accepted AI text. */
export const endHistoryGroup = (state: EditorState): Transaction => closeHistory(state.tr).setMeta('addToHistory', false);
