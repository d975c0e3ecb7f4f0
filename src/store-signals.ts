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
