import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export interface FindMatch {
  from: number;
  to: number;
}

export interface FindState {
  query: string;
  caseSensitive: boolean;
  matches: FindMatch[];
  /** Index of the current match in `matches`, -1 when there is none. */
  current: number;
  decorations: DecorationSet;
}

/** Enough for any real search; past it the count says "1000+" rather than stall the editor. */
export const MAX_MATCHES = 1000;

export const findKey = new PluginKey<FindState>('find-replace');

type FindMeta = { query: string; caseSensitive: boolean } | { current: number };

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    findReplace: {
      setFind: (query: string, caseSensitive?: boolean) => ReturnType;
      /** Moves to the next (or previous) match, selects it and scrolls to it. */
      findStep: (direction: 1 | -1) => ReturnType;
      replaceCurrent: (replacement: string) => ReturnType;
      /** Replaces every match in one transaction: one undo step. */
      replaceAll: (replacement: string) => ReturnType;
    };
  }
}

/** Matches in text blocks; an inline leaf (a hard break) reads as one character so offsets stay positions. */
export function findMatches(doc: PmNode, query: string, caseSensitive: boolean): FindMatch[] {
  if (!query) return [];
  const needle = caseSensitive ? query : query.toLowerCase();
  const matches: FindMatch[] = [];
  doc.descendants((node, pos) => {
    if (matches.length >= MAX_MATCHES) return false;
    if (!node.isTextblock) return true;
    const raw = node.textBetween(0, node.content.size, undefined, '\ufffc');
    const text = caseSensitive ? raw : raw.toLowerCase();
    for (let i = text.indexOf(needle); i >= 0 && matches.length < MAX_MATCHES; i = text.indexOf(needle, i + needle.length)) {
      matches.push({ from: pos + 1 + i, to: pos + 1 + i + needle.length });
    }
    return false;
  });
  return matches;
}

const decorate = (doc: PmNode, matches: FindMatch[], current: number) =>
  DecorationSet.create(
    doc,
    matches.map((m, i) => Decoration.inline(m.from, m.to, { class: i === current ? 'find-match find-current' : 'find-match' })),
  );

const EMPTY: FindState = { query: '', caseSensitive: false, matches: [], current: -1, decorations: DecorationSet.empty };

export const findOf = (state: EditorState): FindState => findKey.getState(state) ?? EMPTY;

/** The match at or after `pos`, wrapping to the first. */
const nearest = (matches: FindMatch[], pos: number) =>
  matches.length
    ? Math.max(
        0,
        matches.findIndex((m) => m.from >= pos),
      )
    : -1;

/** Find and replace with highlighted matches, recomputed as the document changes while a query is set. */
export const FindReplace = Extension.create({
  name: 'findReplace',

  addCommands() {
    return {
      setFind:
        (query, caseSensitive = false) =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(findKey, { query, caseSensitive } satisfies FindMeta);
          return true;
        },
      findStep:
        (direction) =>
        ({ state, tr, dispatch }) => {
          const { matches, current } = findOf(state);
          if (!matches.length) return false;
          const next = current < 0 ? nearest(matches, state.selection.from) : (current + direction + matches.length) % matches.length;
          if (dispatch) {
            const match = matches[next];
            tr.setMeta(findKey, { current: next } satisfies FindMeta)
              .setSelection(TextSelection.create(tr.doc, match.from, match.to))
              .scrollIntoView();
          }
          return true;
        },
      replaceCurrent:
        (replacement) =>
        ({ state, tr, dispatch }) => {
          const { matches, current } = findOf(state);
          const match = matches[current];
          if (!match) return false;
          if (dispatch) {
            if (replacement) tr.insertText(replacement, match.from, match.to);
            else tr.delete(match.from, match.to);
          }
          return true;
        },
      replaceAll:
        (replacement) =>
        ({ state, tr, dispatch }) => {
          const { matches } = findOf(state);
          if (!matches.length) return false;
          if (dispatch) {
            for (const match of [...matches].reverse()) {
              if (replacement) tr.insertText(replacement, match.from, match.to);
              else tr.delete(match.from, match.to);
            }
          }
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<FindState>({
        key: findKey,
        state: {
          init: () => EMPTY,
          apply(tr, value, _old, state) {
            const meta = tr.getMeta(findKey) as FindMeta | undefined;
            if (meta && 'query' in meta) {
              const matches = findMatches(state.doc, meta.query, meta.caseSensitive);
              const current = nearest(matches, state.selection.from);
              return { ...meta, matches, current, decorations: decorate(state.doc, matches, current) };
            }
            if (meta && 'current' in meta)
              return { ...value, current: meta.current, decorations: decorate(state.doc, value.matches, meta.current) };
            if (!value.query || !tr.docChanged) return value;
            const matches = findMatches(state.doc, value.query, value.caseSensitive);
            const current = matches.length ? Math.min(nearest(matches, state.selection.from), matches.length - 1) : -1;
            return { ...value, matches, current, decorations: decorate(state.doc, matches, current) };
          },
        },
        props: {
          decorations: (state) => findOf(state).decorations,
        },
      }),
    ];
  },
});
