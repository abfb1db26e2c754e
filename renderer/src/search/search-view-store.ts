import { create } from 'zustand';

/** Whether the project search view is open; its shortcut, the palette and the header open it. */
export const useSearchView = create<{ opened: boolean; setOpened(opened: boolean): void }>((set) => ({
  opened: false,
  setOpened: (opened) => set({ opened }),
}));
