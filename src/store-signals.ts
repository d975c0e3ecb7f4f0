import { ValidationError } from './errors/validation-error.js';
import { MAX_SIGNAL_BYTES, SIGNAL_CHANNEL } from './ports/store.js';

const encoder = new TextEncoder();

/**
 * Checks a signal before a store publishes it (see `StoreSignals`): a channel named as `SIGNAL_CHANNEL` says, a payload
 * of at most `MAX_SIGNAL_BYTES` UTF-8 bytes; else a `ValidationError` naming `channel` or `payload`. For store adapters.
 *
 * @example
 * async publish(channel, payload) { checkSignal(channel, payload); await sql`SELECT pg_notify(${channel}, ${payload})`; }
 */
export function checkSignal(channel: string, payload: string): void {
  if (typeof channel !== 'string' || !SIGNAL_CHANNEL.test(channel)) {
    throw new ValidationError('A signal channel is lowercase letters, digits and underscores, first a letter, at most 63.', { field: 'channel', value: channel });
  }
  if (typeof payload !== 'string') throw new ValidationError('A signal payload is a string.', { field: 'payload' });
  // Most payloads are ASCII: their length bounds their bytes, and only longer ones are encoded to count.
  if (payload.length * 3 > MAX_SIGNAL_BYTES && encoder.encode(payload).length > MAX_SIGNAL_BYTES) {
    throw new ValidationError(`A signal payload is at most ${MAX_SIGNAL_BYTES} bytes: put larger data in the store and signal a reference.`, { field: 'payload' });
  }
}

/** A store's subscribers by channel: `subscribe` as `StoreSignals` has it, and `deliver` for a signal that arrived. */
export interface SignalHandlers {
  subscribe(channel: string, handler: (payload: string) => void): () => void;
  /** How many handlers the channel has. */
  count(channel: string): number;
  /** Calls the channel's handlers with the payload; one that throws affects no other. */
  deliver(channel: string, payload: string): void;
}

/**
 * The subscribers of a store's signals, for store adapters: they publish their own way (in process, NOTIFY) and hand
 * what arrives to `deliver`.
 *
 * @example
 * const handlers = signalHandlers();
 * return { publish: (channel, payload) => notify(channel, payload), subscribe: handlers.subscribe };
 */
export function signalHandlers(): SignalHandlers {
  const channels = new Map<string, Set<(payload: string) => void>>();
  return {
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
    count: (channel) => channels.get(channel)?.size ?? 0,
    deliver(channel, payload) {
      for (const handler of [...(channels.get(channel) ?? [])]) {
        try {
          handler(payload);
        } catch {
          // One subscriber's failure is its own.
        }
      }
    },
  };
}
