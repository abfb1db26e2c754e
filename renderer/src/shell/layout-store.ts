import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface LayoutState {
  /** The section list shows icons only. */
  sidebarCollapsed: boolean;
  /** The dialogue editor's inspector is hidden, so the canvas gets the width. */
  inspectorCollapsed: boolean;
  /** Each section's item list (NPCs, dialogues, quests…) is folded to a narrow rail, so the editor gets the width. */
  listsCollapsed: boolean;
  toggleSidebar(): void;
  toggleInspector(): void;
  toggleLists(): void;
}

/** Which panels the creator folded away to make room; remembered across sessions in this browser. */
export const useLayout = create<LayoutState>()(
  persist(
    (set) => ({
      sidebarCollapsed: false,
      inspectorCollapsed: false,
      listsCollapsed: false,
      toggleSidebar: () => set((s) => ({ sidebarCollapsed: !s.sidebarCollapsed })),
      toggleInspector: () => set((s) => ({ inspectorCollapsed: !s.inspectorCollapsed })),
      toggleLists: () => set((s) => ({ listsCollapsed: !s.listsCollapsed })),
    }),
    {
      name: 'loreweaver-layout',
      partialize: ({ sidebarCollapsed, inspectorCollapsed, listsCollapsed }) => ({ sidebarCollapsed, inspectorCollapsed, listsCollapsed }),
    },
  ),
);
