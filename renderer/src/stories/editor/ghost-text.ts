import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { endHistoryGroup, replaceWithProse } from './insert-prose';

/** A suggestion shown after the cursor: text the model is writing, not yet part of the document. */
export interface GhostState {
  pos: number | null;
  text: string;
}

type GhostMeta = { type: 'start'; pos: number } | { type: 'append'; text: string } | { type: 'clear' };

export const ghostKey = new PluginKey<GhostState>('ghost-text');
const EMPTY: GhostState = { pos: null, text: '' };

export const ghostOf = (state: EditorState): GhostState => ghostKey.getState(state) ?? EMPTY;

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    ghostText: {
      /** Starts a suggestion at the cursor (empty until text arrives). */
      startGhost: () => ReturnType;
      appendGhost: (text: string) => ReturnType;
      rejectGhost: () => ReturnType;
    };
  }
}

function ghostWidget(text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = 'ghost-text';
  span.textContent = text || '…';
  span.setAttribute('data-testid', 'ghost-text');
  span.setAttribute('aria-label', 'AI suggestion: Tab accepts, Escape rejects');
  return span;
}

/**
 * Inserts the suggestion as one transaction (one undo step), then ends the history group
 * so the next keystroke is its own step. Dispatched directly rather than as a command: a
 * command's own transaction would be stale after the first dispatch.
 */
export function acceptGhost(view: EditorView): boolean {
  const { pos, text } = ghostOf(view.state);
  if (pos === null || !text.trim()) return false;
  view.dispatch(replaceWithProse(view.state, pos, pos, text).setMeta(ghostKey, { type: 'clear' } satisfies GhostMeta));
  view.dispatch(endHistoryGroup(view.state));
  return true;
}

/**
 * Streamed "continue writing" as ghost text: a widget after the cursor that grows as
 * chunks arrive. Tab accepts it (one transaction, one undo step), Escape rejects it, and
 * any edit or cursor move elsewhere drops it, since it was written for that spot.
 */
export const GhostText = Extension.create({
  name: 'ghostText',

  addCommands() {
    return {
      startGhost:
        () =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(ghostKey, { type: 'start', pos: tr.selection.head } satisfies GhostMeta).setMeta('addToHistory', false);
          return true;
        },
      appendGhost:
        (text) =>
        ({ state, tr, dispatch }) => {
          if (ghostOf(state).pos === null) return false;
          if (dispatch) tr.setMeta(ghostKey, { type: 'append', text } satisfies GhostMeta).setMeta('addToHistory', false);
          return true;
        },
      rejectGhost:
        () =>
        ({ state, tr, dispatch }) => {
          if (ghostOf(state).pos === null) return false;
          if (dispatch) tr.setMeta(ghostKey, { type: 'clear' } satisfies GhostMeta).setMeta('addToHistory', false);
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      Tab: () => acceptGhost(this.editor.view),
      Escape: () => this.editor.commands.rejectGhost(),
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<GhostState>({
        key: ghostKey,
        state: {
          init: () => EMPTY,
          apply(tr, value) {
            const meta = tr.getMeta(ghostKey) as GhostMeta | undefined;
            if (meta?.type === 'start') return { pos: meta.pos, text: '' };
            if (meta?.type === 'clear') return EMPTY;
            if (value.pos === null) return value;
            if (meta?.type === 'append') return { ...value, text: value.text + meta.text };
            if (tr.docChanged || tr.selection.head !== value.pos) return EMPTY;
            return value;
          },
        },
        props: {
          decorations(state) {
            const { pos, text } = ghostOf(state);
            if (pos === null) return null;
            return DecorationSet.create(state.doc, [
              Decoration.widget(pos, () => ghostWidget(text), { side: 1, key: `ghost:${text.length}` }),
            ]);
          },
        },
      }),
    ];
  },
});
