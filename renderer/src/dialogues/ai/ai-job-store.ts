import { create } from 'zustand';
import type { StoreApi } from 'zustand';
import type { EditorState } from '../graph/editor-store';
import type { AiProposal } from './ai-actions';
import { AiCancelled, cancelRun, newRun, type AiRun } from './ai-client';

export interface AiJob {
  title: string;
  phase: 'running' | 'ready' | 'failed';
  /** What the model has written so far, shown while it works. */
  streamed: string;
  proposal: AiProposal | null;
  error: string | null;
  run: AiRun;
}

interface AiJobState {
  job: AiJob | null;
  start(title: string, task: (run: AiRun) => Promise<AiProposal>): void;
  cancel(): void;
  /** Applies the proposal as one command: one undo step. */
  accept(editor: StoreApi<EditorState>): void;
}

/** The one AI action in flight: a preview that changes nothing until accepted. */
export const useAiJob = create<AiJobState>((set, get) => ({
  job: null,

  start(title, task) {
    get().cancel();
    const run = newRun((streamed) => {
      const job = get().job;
      if (job?.run === run) set({ job: { ...job, streamed } });
    });
    set({ job: { title, phase: 'running', streamed: '', proposal: null, error: null, run } });
    task(run).then(
      (proposal) => {
        const job = get().job;
        if (job?.run === run) set({ job: { ...job, phase: 'ready', proposal } });
      },
      (error: unknown) => {
        const job = get().job;
        if (job?.run !== run) return;
        if (error instanceof AiCancelled) set({ job: null });
        else set({ job: { ...job, phase: 'failed', error: error instanceof Error ? error.message : String(error) } });
      },
    );
  },

  cancel() {
    const job = get().job;
    if (job) cancelRun(job.run);
    set({ job: null });
  },

  accept(editor) {
    const proposal = get().job?.proposal;
    if (proposal) editor.getState().run(proposal.command, proposal.args);
    set({ job: null });
  },
}));
