import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import type { SmsEvent } from '../../src/model/index.js';
import type { Store } from '../../src/ports/store.js';
import type { BackendHarness } from '../contract/backend.contract.js';
import { NUMBERS, handset, withWorld } from '../contract/backend/world.js';
import { createLocalFixture } from '../fixtures/local-backend.js';

/** A memory store without signals: one instance alone, nothing relays its events elsewhere. */
function withoutSignals(store: Store): Store {
  return new Proxy(store, { get: (target, key) => (key === 'signals' ? undefined : Reflect.get(target, key)) });
}

const harness: BackendHarness = {
  name: 'local, store without signals',
  capabilities: { manualClock: true, emailToSms: true, crash: true },
  createBackend: () => createLocalFixture({}, { store: withoutSignals(createMemoryStore()) }),
};

describe('live events on a store without signals', () => {
  it('keeps what happens while a client reconnects, so that it resumes after its last event without a gap', withWorld(harness, async (w) => {
    const first: SmsEvent[] = [];
    const stop = w.fx.backend.subscribe(w.principals.alice, (event) => first.push(event));
    await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'Before the break' });
    await w.fx.settle();
    stop();
    const last = first.filter((event) => event.type === 'message.received').at(-1);
    assert.ok(last, 'the first stream heard the first message');
    // Nobody listens while the stream is down.
    await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'During the break' });
    await w.fx.settle();
    const resumed: SmsEvent[] = [];
    const stopAgain = w.fx.backend.subscribe(w.principals.alice, (event) => resumed.push(event), { after: last.id });
    await w.fx.settle();
    stopAgain();
    const bodies = resumed.flatMap((event) => (event.type === 'message.received' ? [event.data.message.body] : []));
    assert.deepEqual(bodies, ['During the break']);
  }));
});
