import type { StoreSignals } from '../../src/ports/store.js';
import { checkSignal } from '../../src/store-signals.js';

/**
 * The memory store's signals: in-process, so every engine over the same memory store object hears them (two engines
 * over one memory store are two instances over one database). Each payload is handed to the handlers subscribed when it
 * was published, in order per channel, a microtask later (never inside `publish`); a handler that throws affects no
 * other.
 */
export function createMemorySignals(): StoreSignals {
  const channels = new Map<string, Set<(payload: string) => void>>();
  return {
    async publish(channel, payload) {
      checkSignal(channel, payload);
      const handlers = [...(channels.get(channel) ?? [])];
      if (handlers.length === 0) return;
      queueMicrotask(() => {
        for (const handler of handlers) {
          try {
            handler(payload);
          } catch {
            // One subscriber's failure is its own.
          }
        }
      });
    },
    subscribe(channel, handler) {
      checkSignal(channel, '');
      let handlers = channels.get(channel);
      if (!handlers) channels.set(channel, (handlers = new Set()));
      const own = (payload: string) => handler(payload);
      handlers.add(own);
      return () => {
        handlers.delete(own);
      };
    },
  };
}
