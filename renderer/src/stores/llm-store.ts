import { create } from 'zustand';
import type { CatalogModel, LlmStatus, ModelDownload, ModelInfo } from '../../../preload/api';
import { api } from '../api/client';

interface LlmState {
  status: LlmStatus | null;
  models: ModelInfo[] | null;
  catalog: CatalogModel[] | null;
  downloads: ModelDownload[];
  /** The model being loaded, while `llm:load` runs. */
  loading: string | null;
  error: string | null;
  refresh(): Promise<void>;
  refreshStatus(): Promise<void>;
  load(modelId: string, options: { gpuLayers?: 'auto' | 'max' | number; contextSize?: 'auto' | number; threads?: number }): Promise<void>;
  unload(): Promise<void>;
  remove(id: string): Promise<void>;
  importFile(path: string, mode: 'copy' | 'link'): Promise<ModelInfo>;
  /** Applies a `models:download` event; a finished download refreshes the library. */
  downloadChanged(download: ModelDownload): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The engine's status and the model library, as the Models page and the status bar show them. */
export const useLlm = create<LlmState>((set, get) => ({
  status: null,
  models: null,
  catalog: null,
  downloads: [],
  loading: null,
  error: null,

  async refresh() {
    try {
      const [models, downloads, status, catalog] = await Promise.all([
        api.call('models:list', {}),
        api.call('models:downloads', {}),
        api.call('llm:status', {}),
        api.call('models:catalog', {}),
      ]);
      set({ models, downloads, status, catalog, error: null });
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

  downloadChanged(download) {
    const downloads = get().downloads.filter((d) => d.id !== download.id);
    set({ downloads: [download, ...downloads].sort((a, b) => b.startedAt.localeCompare(a.startedAt)) });
    if (download.phase === 'completed') void get().refresh();
  },

  async importFile(path, mode) {
    const model = await api.call('models:import', { path, mode });
    await get().refresh();
    return model;
  },
}));
