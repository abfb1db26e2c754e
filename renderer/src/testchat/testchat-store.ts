import { create } from 'zustand';
import { useSession } from '../stores/session-store';

export type TestChatMode = 'chat' | 'play';

interface TestChatState {
  mode: TestChatMode;
  npcId: string | null;
  conversationId: string | null;
  dialogueId: string | null;
  playthroughId: string | null;
  /** Bumped when a conversation or playthrough changes, so the lists beside it refresh. */
  changes: number;
  changed(): void;
  setMode(mode: TestChatMode): void;
  pickNpc(npcId: string | null): void;
  openConversation(id: string | null): void;
  pickDialogue(dialogueId: string | null): void;
  openPlaythrough(id: string | null): void;
  /** From another section: open Test chat on this NPC, or on this dialogue. */
  chatWith(npcId: string): void;
  play(dialogueId: string): void;
}

/** What Test chat shows: free chat with an NPC or a playthrough of a dialogue, and which one. */
export const useTestChat = create<TestChatState>((set) => ({
  mode: 'chat',
  npcId: null,
  conversationId: null,
  dialogueId: null,
  playthroughId: null,
  changes: 0,
  changed: () => set((s) => ({ changes: s.changes + 1 })),
  setMode: (mode) => set({ mode }),
  pickNpc: (npcId) => set({ npcId, conversationId: null }),
  openConversation: (conversationId) => set({ conversationId }),
  pickDialogue: (dialogueId) => set({ dialogueId, playthroughId: null }),
  openPlaythrough: (playthroughId) => set({ playthroughId }),
  chatWith: (npcId) => {
    set({ mode: 'chat', npcId, conversationId: null });
    useSession.getState().setSection('testchat');
  },
  play: (dialogueId) => {
    set({ mode: 'play', dialogueId, playthroughId: null });
    useSession.getState().setSection('testchat');
  },
}));
