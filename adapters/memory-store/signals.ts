import type { StoreSignals } from '../../src/ports/store.js';
import { checkSignal, signalHandlers } from '../../src/store-signals.js';

/**
 * The memory store's signals: in-process, so every engine over the same memory store object hears them (two engines
 * over one memory store are two instances over one database). Each payload is handed to the channel's handlers in
 * order per channel, a microtask later (never inside `publish`); a handler that throws affects no other.
 */
export function createMemorySignals(): StoreSignals {
  const handlers = signalHandlers();
  return {
    async publish(channel, payload) {
      checkSignal(channel, payload);
      queueMicrotask(() => handlers.deliver(channel, payload));
    },
    subscribe: handlers.subscribe,
    subscribers: handlers.count,
  };
}
