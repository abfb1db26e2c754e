import { createContext, useContext } from 'react';
import type { StoreApi } from 'zustand';
import { useStore } from 'zustand';
import type { EditorState } from './graph/editor-store';

/** The open editor's store; nodes, panels and the toolbar read and edit through it. */
export const EditorContext = createContext<StoreApi<EditorState> | null>(null);

export function useEditorStore(): StoreApi<EditorState> {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditorStore is used inside <EditorContext.Provider>');
  return store;
}

/** Subscribes to one slice of the editor; components re-render only when it changes. */
export const useEditor = <T>(selector: (state: EditorState) => T): T => useStore(useEditorStore(), selector);
