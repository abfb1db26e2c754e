import { create } from 'zustand';
import { persist } from 'zustand/middleware';

interface LayoutState {
  /** The section list shows icons only. */
  sidebarCollapsed: boolean;
  /** The dialogue editor's inspector is hidden, so the canvas gets the width. */
  inspectorCollapsed: boolean;
  toggleSidebar(): void;
  toggleInspector(): void;
}

/** Which panels the creator folded away to make room; remembered across sessions in this browser. */
export const useLayout = create<LayoutState>()(
  persist(
    (set) => ({
      sidebarCollapsed: false,
      inspectorCollapsed: false,
      toggleSidebar: () => set((s) => ({ sidebarCollapsed: !s.sidebarCollapsed })),
      toggleInspector: () => set((s) => ({ inspectorCollapsed: !s.inspectorCollapsed })),
    }),
    { name: 'loreweaver-layout', partialize: ({ sidebarCollapsed, inspectorCollapsed }) => ({ sidebarCollapsed, inspectorCollapsed }) },
  ),
);
