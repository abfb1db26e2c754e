import { create } from 'zustand';
import type { LlmStatus, ModelInfo } from '../../../preload/api';
import { api } from '../api/client';

interface LlmState {
  status: LlmStatus | null;
  models: ModelInfo[] | null;
  /** The model being loaded, while `llm:load` runs. */
  loading: string | null;
  error: string | null;
  refresh(): Promise<void>;
  refreshStatus(): Promise<void>;
  load(modelId: string, options: { gpuLayers?: 'auto' | 'max' | number; contextSize?: 'auto' | number; threads?: number }): Promise<void>;
  unload(): Promise<void>;
  remove(id: string): Promise<void>;
  importFile(path: string, mode: 'copy' | 'link'): Promise<ModelInfo>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The engine's status and the model library, as the Models page and the status bar show them. */
export const useLlm = create<LlmState>((set, get) => ({
  status: null,
  models: null,
  loading: null,
  error: null,

  async refresh() {
    try {
      const [models, status] = await Promise.all([api.call('models:list', {}), api.call('llm:status', {})]);
      set({ models, status, error: null });
    } catch (error) {
      set({ error: message(error) });
    }
  },

  async refreshStatus() {
    set({ status: await api.call('llm:status', {}) });
  },

  async load(modelId, options) {
    set({ loading: modelId, error: null });
    try {
      set({ status: await api.call('llm:load', { modelId, ...options }) });
    } finally {
      set({ loading: null });
    }
  },

  async unload() {
    set({ status: await api.call('llm:unload', {}) });
  },

  async remove(id) {
    await api.call('models:remove', { id });
    await get().refresh();
  },

  async importFile(path, mode) {
    const model = await api.call('models:import', { path, mode });
    await get().refresh();
    return model;
  },
}));
