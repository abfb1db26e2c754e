import { useStore } from 'zustand';
import { createOpenDocuments, type OpenDocumentsState } from './open-documents';

/** This window's open documents: the status bar, the unload warning and reconnects read them. */
export const openDocuments = createOpenDocuments();

export const useOpenDocuments = <S>(selector: (state: OpenDocumentsState) => S): S => useStore(openDocuments, selector);
