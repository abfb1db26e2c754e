import { useEffect, type RefObject } from 'react';
import type { StoreApi } from 'zustand';
import type { DialogueNodeKind } from '../../../main/domain/dialogue';
import type { EditorActions } from './editor-actions';
import type { EditorState } from './graph/editor-store';
import { KIND_ORDER, NODE_KINDS } from './nodes/node-kinds';

const KIND_BY_KEY = new Map<string, DialogueNodeKind>(KIND_ORDER.map((kind) => [NODE_KINDS[kind].key.toLowerCase(), kind]));

/** Text fields keep their own keys (typing, native undo, copy). */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export interface EditorShortcutHandlers {
  fitView(): void;
  focusSearch(): void;
}

/** Keyboard editing while focus is in the editor (outside text fields); listed in the toolbar's help. */
export function useEditorShortcuts(
  root: RefObject<HTMLElement | null>,
  store: StoreApi<EditorState>,
  actions: EditorActions,
  handlers: EditorShortcutHandlers,
): void {
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'f') {
        event.preventDefault();
        handlers.focusSearch();
        return;
      }
      if (isTyping(event.target)) return;
      const state = store.getState();
      const handled = (() => {
        if (mod && key === 'z') return event.shiftKey ? state.redo() : state.undo();
        if (mod && key === 'y') return state.redo();
        if (mod && key === 'a') return actions.selectAll();
        if (mod && key === 'd') return actions.duplicate();
        if (mod && key === 'c') return void actions.copy();
        if (mod && key === 'x') return void actions.cut();
        if (mod && key === 'v') return void actions.paste();
        if (mod || event.altKey) return false;
        if (key === 'delete' || key === 'backspace') return actions.remove();
        if ((key === 'enter' || key === 'f2') && state.selection.length === 1) return state.setEditing(state.selection[0]);
        if (key === 'escape') return state.select([]);
        if (key === 'f') return handlers.fitView();
        const kind = KIND_BY_KEY.get(key);
        if (kind && !event.shiftKey) return actions.add(kind);
        return false;
      })();
      if (handled === false) return;
      event.preventDefault();
      // xyflow also answers Enter and Escape on a focused node (selecting it); the editor's meaning wins.
      event.stopPropagation();
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, [root, store, actions, handlers]);
}

export const EDITOR_SHORTCUTS = [
  ...KIND_ORDER.map((kind) => ({
    keys: NODE_KINDS[kind].key,
    label: `Add ${NODE_KINDS[kind].label.toLowerCase()} (linked from the selected node)`,
  })),
  { keys: 'Enter', label: 'Edit the selected node’s text' },
  { keys: 'Delete', label: 'Delete the selection' },
  { keys: 'mod+D', label: 'Duplicate' },
  { keys: 'mod+C', label: 'Copy' },
  { keys: 'mod+X', label: 'Cut' },
  { keys: 'mod+V', label: 'Paste' },
  { keys: 'mod+Z', label: 'Undo' },
  { keys: 'mod+shift+Z', label: 'Redo' },
  { keys: 'mod+A', label: 'Select all' },
  { keys: 'mod+F', label: 'Find a node' },
  { keys: 'F', label: 'Zoom to fit' },
] as const;
