import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createSimulatedCarrier } from '../../adapters/simulated-carrier/index.js';
import { EVENTS_CHANNEL } from '../../src/engine/instance-link.js';
import { createLocalBackend, createSmsClient } from '../../src/index.js';
import { MAX_SIGNAL_BYTES, type Store } from '../../src/ports/store.js';

/**
 * The memory store with signals that take `delayMs` to send, recording each payload sent on the events channel; with
 * `counted`, they say how many listen, as the memory store's do.
 */
function slowSignals(delayMs: number, counted = false) {
  const store = createMemoryStore();
  const sent: string[] = [];
  const signals = {
    async publish(channel: string, payload: string) {
      if (channel === EVENTS_CHANNEL) sent.push(payload);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await store.signals!.publish(channel, payload);
    },
    subscribe: (channel: string, handler: (payload: string) => void) => store.signals!.subscribe(channel, handler),
    ...(counted && { subscribers: (channel: string) => store.signals!.subscribers!(channel) }),
  };
  const shared = new Proxy(store, { get: (target, key) => (key === 'signals' ? signals : Reflect.get(target, key)) }) as Store;
  return { shared, sent, close: () => store.close() };
}

describe('live events between instances', () => {
  it('sends the events raised while a signal is on its way together, in order, each signal within the size a signal takes', async () => {
    const { shared, sent, close } = slowSignals(30);
    const a = createLocalBackend({ store: shared, carrier: createSimulatedCarrier() });
    const b = createLocalBackend({ store: shared, carrier: createSimulatedCarrier() });
    try {
      const admin = createSmsClient({ backend: a, principal: { userId: 'admin', role: 'admin' } });
      await admin.directory.createUser({ id: 'alice', name: 'Alice', role: 'user' });
      const alice = createSmsClient({ backend: b, principal: { userId: 'alice', role: 'user' } });
      const heard: string[] = [];
      const stop = alice.on('contact.changed', (change) => heard.push(change.contactId));
      sent.length = 0;
      const created: string[] = [];
      for (let index = 0; index < 40; index++) {
        const contact = await admin.contacts.create({ scope: 'global', name: `Contact ${index} ${'é'.repeat(index * 4)}`, numbers: [{ e164: `+6140000${String(index).padStart(4, '0')}` }] });
        created.push(contact.id);
      }
      const deadline = Date.now() + 10_000;
      while (heard.length < created.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      stop();
      assert.deepEqual(heard, created, 'every event reached the other instance, in the order raised');
      assert.ok(sent.length < created.length / 2, `${created.length} events went in ${sent.length} signals`);
      for (const payload of sent) assert.ok(new TextEncoder().encode(payload).length <= MAX_SIGNAL_BYTES, 'each signal fits');
    } finally {
      await a.close();
      await b.close();
      await close();
    }
  });

  it('sends nothing while an instance listens alone on a store that can tell, and relays again once another joins', async () => {
    const { shared, sent, close } = slowSignals(0, true);
    const a = createLocalBackend({ store: shared, carrier: createSimulatedCarrier() });
    let b: ReturnType<typeof createLocalBackend> | null = null;
    try {
      const admin = createSmsClient({ backend: a, principal: { userId: 'admin', role: 'admin' } });
      await admin.directory.createUser({ id: 'alice', name: 'Alice', role: 'user' });
      const heardHere: string[] = [];
      const stopHere = createSmsClient({ backend: a, principal: { userId: 'alice', role: 'user' } }).on('contact.changed', (change) => heardHere.push(change.contactId));
      const alone = await admin.contacts.create({ scope: 'global', name: 'Alone', numbers: [{ e164: '+61400000001' }] });
      await a.idle();
      assert.deepEqual(heardHere, [alone.id], 'a subscriber of the same instance hears it');
      assert.deepEqual(sent, [], 'no signal when no other instance listens');

      b = createLocalBackend({ store: shared, carrier: createSimulatedCarrier() });
      await b.ready;
      const heardThere: string[] = [];
      const stopThere = createSmsClient({ backend: b, principal: { userId: 'alice', role: 'user' } }).on('contact.changed', (change) => heardThere.push(change.contactId));
      const joined = await admin.contacts.create({ scope: 'global', name: 'Joined', numbers: [{ e164: '+61400000002' }] });
      const deadline = Date.now() + 10_000;
      while (heardThere.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      stopHere();
      stopThere();
      assert.deepEqual(heardThere, [joined.id], 'the other instance hears what is raised once it listens');
      assert.equal(sent.length, 1);
    } finally {
      await a.close();
      await b?.close();
      await close();
    }
  });
});
