import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SIGNAL_BYTES, type Store, type StoreSignals } from '../../../src/ports/store.js';
import type { WithStore } from './harness.js';

/** How long a signal may take to arrive (a database's NOTIFY goes through the server). */
const ARRIVAL_MS = 5_000;

/** What a handler received, and a wait (with a timeout) until it holds `count` payloads. */
function collector(): { payloads: string[]; handler(payload: string): void; until(count: number): Promise<string[]> } {
  const payloads: string[] = [];
  const waiters: (() => void)[] = [];
  return {
    payloads,
    handler(payload) {
      payloads.push(payload);
      for (const wake of waiters.splice(0)) wake();
    },
    async until(count) {
      const deadline = Date.now() + ARRIVAL_MS;
      while (payloads.length < count) {
        const left = deadline - Date.now();
        assert.ok(left > 0, `${payloads.length} of ${count} signals arrived within ${ARRIVAL_MS} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 50));
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return payloads;
    },
  };
}

/** Lets a signal that should not come have its chance to (a database round trip and more). */
async function quietFor(ms = 200): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

type SignalTest = (signals: StoreSignals, store: Store) => Promise<void>;

/**
 * Signals between instances (`Store.signals`), for a store that has them: skipped otherwise, as the capability is
 * optional.
 */
export function signalTests(withStore: WithStore): void {
  const signalling = (name: string, test: SignalTest) =>
    it(name, (t) =>
      withStore(async (_scope, store) => {
        if (!store.signals) return t.skip('the store has no signals');
        await test(store.signals, store);
      }));

  describe('signals (when the store has them)', () => {
    signalling('delivers a payload to every subscriber of its channel, and none of another channel', async (signals) => {
      const [first, second, other] = [collector(), collector(), collector()];
      const stops = [signals.subscribe('work', first.handler), signals.subscribe('work', second.handler), signals.subscribe('events', other.handler)];
      try {
        await signals.publish('work', '{"campaign":"c1"}');
        assert.deepEqual(await first.until(1), ['{"campaign":"c1"}']);
        assert.deepEqual(await second.until(1), ['{"campaign":"c1"}']);
        await quietFor();
        assert.deepEqual(other.payloads, []);
        assert.deepEqual(first.payloads, ['{"campaign":"c1"}'], 'delivered once');
      } finally {
        for (const stop of stops) stop();
      }
    });

    signalling('keeps one publisher\'s order on a channel', async (signals) => {
      const heard = collector();
      const stop = signals.subscribe('ordered', heard.handler);
      try {
        const sent = Array.from({ length: 50 }, (_, index) => `n${index}`);
        for (const payload of sent) await signals.publish('ordered', payload);
        assert.deepEqual(await heard.until(sent.length), sent);
      } finally {
        stop();
      }
    });

    signalling('calls handlers later, never inside publish, and stops calling one unsubscribed', async (signals) => {
      const heard = collector();
      const stop = signals.subscribe('later', heard.handler);
      const published = signals.publish('later', 'one');
      assert.deepEqual(heard.payloads, [], 'not inside publish');
      await published;
      await heard.until(1);
      stop();
      await signals.publish('later', 'two');
      await quietFor();
      assert.deepEqual(heard.payloads, ['one']);
    });

    signalling('carries payloads up to MAX_SIGNAL_BYTES of UTF-8 and refuses longer ones and bad channel names', async (signals) => {
      const heard = collector();
      const stop = signals.subscribe('sizes', heard.handler);
      try {
        const largest = 'é'.repeat(MAX_SIGNAL_BYTES / 2);
        await signals.publish('sizes', largest);
        assert.equal((await heard.until(1))[0], largest);
        await assert.rejects(signals.publish('sizes', `${largest}x`), { name: 'ValidationError', field: 'payload' });
        await assert.rejects(signals.publish('Not a channel', 'x'), { name: 'ValidationError', field: 'channel' });
        await quietFor();
        assert.equal(heard.payloads.length, 1);
      } finally {
        stop();
      }
    });

    signalling('keeps delivering to the others when a handler throws', async (signals) => {
      const heard = collector();
      const stops = [signals.subscribe('faulty', () => {
        throw new Error('a handler at fault');
      }), signals.subscribe('faulty', heard.handler)];
      try {
        await signals.publish('faulty', 'a');
        await signals.publish('faulty', 'b');
        assert.deepEqual(await heard.until(2), ['a', 'b']);
      } finally {
        for (const stop of stops) stop();
      }
    });
  });
}
