import { create } from 'zustand';

export type DialogId = 'new-project' | 'new-item' | 'shortcuts' | 'workspace' | 'history';

interface UiState {
  dialog: DialogId | null;
  openDialog(dialog: DialogId): void;
  closeDialog(): void;
}

/** Which app-level dialog is open; shortcuts, menus and the palette all open them the same way. */
export const useUi = create<UiState>((set) => ({
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  closeDialog: () => set({ dialog: null }),
}));
