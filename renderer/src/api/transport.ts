import type { StudioEvent } from '../../../preload/api';
import type { Result } from '../../../main/domain/result';

/** How the renderer reaches the Studio: IPC in the desktop app, HTTP + WebSocket in a browser. */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(method: string, input: unknown): Promise<Result<unknown>>;
  onEvent(listener: (event: StudioEvent) => void): () => void;
}
