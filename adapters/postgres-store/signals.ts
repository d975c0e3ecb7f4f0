import type { StoreSignals } from '../../src/ports/store.js';
import { checkSignal, signalHandlers } from '../../src/store-signals.js';
import type { Driver } from './driver.js';

/** The Postgres store's signals, and the listening connection they hold until the store closes. */
export interface PostgresSignals extends StoreSignals {
  close(): Promise<void>;
}

/**
 * `store.signals` over LISTEN/NOTIFY. Every store over one schema listens on one channel, `<schema>_signals`, from the
 * moment it opens (so a subscriber hears whatever is published after it subscribed); a signal travels as
 * `<channel>\n<payload>` (at most 63 + 1 + 7,900 bytes, under NOTIFY's 8,000) and is handed to the handlers of its
 * channel. PostgreSQL delivers a session's notifications in commit order, and once: a notification sent while a
 * listening connection is down is lost, which the port allows (the engine's sweep recovers it).
 */
export async function openSignals(driver: Driver, schema: string): Promise<PostgresSignals> {
  const channel = `${schema}_signals`;
  const handlers = signalHandlers();
  const stop = await driver.listen(channel, (message) => {
    const split = message.indexOf('\n');
    if (split > 0) handlers.deliver(message.slice(0, split), message.slice(split + 1));
  });
  return {
    async publish(name, payload) {
      checkSignal(name, payload);
      await driver.notify(channel, `${name}\n${payload}`);
    },
    subscribe: handlers.subscribe,
    close: stop,
  };
}
