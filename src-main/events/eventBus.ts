import type { BalaEvent, EventMap, EventName } from '../../shared/api/events';

export type EventListener = (event: BalaEvent) => void;

/** Fan-out of backend events to every transport (IPC windows, SSE clients, tests). */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<N extends EventName>(name: N, payload: EventMap[N]): void {
    const event = { name, payload } as BalaEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // one broken subscriber (a closed window) must not stop the others
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
