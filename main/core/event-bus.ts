import type { EventName, EventPayload, StudioEvent } from '../../preload/api';

type Listener = (event: StudioEvent) => void;

/** Fan-out of studio events to every connected host (IPC windows, WebSocket clients). */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const event = { name, payload } as StudioEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }
}
