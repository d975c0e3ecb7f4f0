import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDemoBackend, createDemoSeed, type DemoBackend, openDemoBackend, writeDemoSeed } from '../../adapters/demo/index.js';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createSimulatedCarrier, createSimulatedNotifier } from '../../adapters/simulated-carrier/index.js';
import { createManualClock } from '../../src/engine/clock.js';
import { createLocalBackend, createSmsClient, seedDemo, ValidationError } from '../../src/index.js';

describe('the demo seed (what stories and the demo portal show)', () => {
  let demo: DemoBackend;
  before(async () => {
    demo = await createDemoBackend({ listSize: 60, largeThread: 120, latencyMs: 0 });
  });
  after(async () => {
    await demo.backend.close();
  });

  const as = (who: keyof DemoBackend['world']['principals']) => createSmsClient({ backend: demo.backend, principal: demo.world.principals[who] });

  it('has a campaign in every status', async () => {
    const statuses = await Promise.all(Object.entries(demo.world.campaigns).map(async ([name, id]) => [name, (await as('admin').campaigns.get(id)).status]));
    const byName = Object.fromEntries(statuses);
    assert.equal(byName.draft, 'draft');
    assert.equal(byName.scheduled, 'scheduled');
    assert.equal(byName.completed, 'completed');
    assert.equal(byName.stopped, 'stopped');
    assert.equal(byName.failed, 'failed');
    assert.ok(['running', 'completed'].includes(byName.running as string), `running campaign is ${byName.running}`);
  });

  it('shares the group number between Alice and Ben, and hides it from Dev', async () => {
    const alice = (await as('alice').conversations.list({ numberId: demo.world.numbers.sales })).items.map((conversation) => conversation.id);
    const ben = (await as('ben').conversations.list({ numberId: demo.world.numbers.sales })).items.map((conversation) => conversation.id);
    assert.ok(alice.length >= 3);
    assert.deepEqual(new Set(alice), new Set(ben));
    const dev = (await as('dev').conversations.list()).items;
    assert.ok(dev.every((conversation) => conversation.numberId !== demo.world.numbers.sales));
  });

  it('spreads history over the past week and recognises contacts', async () => {
    const { items } = await as('alice').conversations.list({ query: 'Bob Smith' });
    const bob = items.find((conversation) => conversation.peerName?.startsWith('Bob Smith'));
    assert.ok(bob, 'a conversation with Bob Smith');
    assert.equal(bob.peerName, 'Bob Smith – Mobile');
    const messages = (await as('alice').messages.list(bob.id, { limit: 50 })).items;
    const days = new Set(messages.map((message) => message.createdAt.slice(0, 10)));
    assert.ok(messages.length >= 5);
    assert.ok(Date.now() - Date.parse(messages[0]!.createdAt) > 2 * 86_400_000, 'the thread started days ago');
    assert.ok(days.size >= 1);
  });

  it('fills the blocklist from every source, the opt-out with its message', async () => {
    const entries = (await as('admin').blocklist.list({ limit: 50 })).items;
    const sources = new Set(entries.map((entry) => entry.source));
    assert.deepEqual(sources, new Set(['manual', 'import', 'opt-out']));
    assert.equal(entries.find((entry) => entry.source === 'opt-out')?.message, 'STOP');
  });

  it('gives Chloe two numbers and the large thread to Dev', async () => {
    const capabilities = await as('chloe').messages.capabilities();
    assert.equal(capabilities.numbers.length, 2);
    assert.ok(demo.world.largeThread);
    const page = await as('dev').messages.list(demo.world.largeThread!, { limit: 500 });
    assert.equal(page.items.length, 120);
  });

  it('refuses a client that does not act for an administrator', async () => {
    await assert.rejects(seedDemo(as('alice')), ValidationError);
  });
});

describe('the demo seed at any time of day', () => {
  // Each past thread plays on its own calendar day: one that straddled midnight would show two day separators.
  for (const clockTime of ['00:05', '09:30', '14:15', '23:50']) {
    it(`keeps each past thread on one day when the seed runs at ${clockTime}`, async () => {
      const clock = createManualClock({ start: new Date(`2026-11-16T${clockTime}:00`).getTime() });
      const carrier = createSimulatedCarrier({ seed: 1, latencyMs: 0, clock });
      const backend = createLocalBackend({ store: createMemoryStore(), carrier, notifier: createSimulatedNotifier(), clock });
      const admin = createSmsClient({ backend, principal: { userId: 'seed-admin', role: 'admin' } });
      await admin.directory.me();
      const world = await seedDemo(admin, {
        inject: (sms) => backend.inbound.sms(sms),
        advance: (ms) => clock.advance(ms),
        now: () => clock.now(),
        settle: async () => {
          await carrier.flush();
          await backend.idle();
        },
        listSize: 12,
      });
      const today = new Date(clock.now()).toDateString();
      let past = 0;
      for (const who of ['alice', 'chloe', 'dev'] as const) {
        const client = createSmsClient({ backend, principal: world.principals[who] });
        for (const conversation of (await client.conversations.list({ filter: 'sms' })).items) {
          const messages = (await client.messages.list(conversation.id, { limit: 50 })).items;
          const days = new Set(messages.map((message) => new Date(message.createdAt).toDateString()));
          assert.equal(days.size, 1, `${conversation.peer} spans ${[...days].join(', ')}`);
          if (!days.has(today)) past++;
        }
      }
      assert.ok(past >= 4, `${past} threads before today`);
      await backend.close();
    });
  }
});

describe('the demo with two organisations', () => {
  let demo: DemoBackend;
  before(async () => {
    demo = await createDemoBackend({ listSize: 30, latencyMs: 0, secondOrganisation: true });
  });
  after(async () => {
    await demo.backend.close();
  });

  it('seeds Acme and Globex side by side, each with its own week, people, numbers and campaigns', async () => {
    const operator = createSmsClient({ backend: demo.backend, principal: demo.operator });
    assert.deepEqual((await operator.organisations.list()).items.map((organisation) => [organisation.id, organisation.name]), [
      ['default', 'Acme Corporation'], ['globex', 'Globex Logistics'],
    ]);
    const acme = createSmsClient({ backend: demo.backend, principal: demo.worlds.default!.principals.alice });
    const globex = createSmsClient({ backend: demo.backend, principal: demo.worlds.globex!.principals.alice });
    assert.equal(demo.worlds.globex!.principals.alice.organisationId, 'globex');
    const acmeNumbers = (await acme.numbers.list()).items.map((number) => number.e164);
    const globexNumbers = (await globex.numbers.list()).items.map((number) => number.e164);
    assert.deepEqual(acmeNumbers, ['+61480000101']);
    assert.deepEqual(globexNumbers, ['+61480000201']);
    assert.ok((await globex.conversations.list()).items.length > 0, 'Globex has its own history');
    assert.equal((await globex.campaigns.get(demo.worlds.globex!.campaigns.running)).status, 'running');
    await demo.backend.inbound.sms({ providerId: 'demo-two-orgs-1', from: '+61412999888', to: '+61480000201', body: 'For Globex only', receivedAt: new Date().toISOString() });
    const bodies = async (client: typeof acme) => (await client.conversations.list()).items.map((conversation) => conversation.lastMessage?.body);
    assert.ok((await bodies(globex)).includes('For Globex only'));
    assert.ok(!(await bodies(acme)).includes('For Globex only'));
  });
});

describe('the demo seed written into another store (what a server does on its first start)', () => {
  it('opens on the records written, every organisation with its people and history', async () => {
    const { snapshot, ...seed } = await createDemoSeed({ listSize: 20, latencyMs: 0, secondOrganisation: true });
    const store = createMemoryStore();
    const written = await writeDemoSeed(store, { snapshot });
    assert.equal(written, Object.values(snapshot).flatMap((collections) => Object.values(collections)).reduce((sum, records) => sum + records.length, 0));
    const demo = await openDemoBackend(store, seed, { latencyMs: 0, resumeRunning: false });
    try {
      for (const world of Object.values(demo.worlds)) {
        const alice = createSmsClient({ backend: demo.backend, principal: world.principals.alice });
        assert.ok((await alice.conversations.list()).items.length > 0);
        assert.equal((await alice.directory.me()).id, world.principals.alice.userId);
      }
      const operator = createSmsClient({ backend: demo.backend, principal: demo.operator });
      assert.deepEqual((await operator.organisations.list()).items.map((organisation) => organisation.name).sort(), ['Acme Corporation', 'Globex Logistics']);
    } finally {
      await demo.backend.close();
    }
  });

  it('refuses to write over records already there, and leaves them as they were', async () => {
    const { snapshot } = await createDemoSeed({ listSize: 5, latencyMs: 0 });
    const store = createMemoryStore();
    await writeDemoSeed(store, { snapshot });
    const before = JSON.stringify(store.exportSnapshot());
    await assert.rejects(writeDemoSeed(store, { snapshot }), (error: Error) => error.name === 'StoreConflictError');
    assert.equal(JSON.stringify(store.exportSnapshot()), before);
  });
});
