import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createSimulatedCarrier } from '../../adapters/simulated-carrier/index.js';
import { type SmsClient, createSmsClient } from '../../src/client.js';
import { createManualClock } from '../../src/engine/clock.js';
import { type LocalBackend, createLocalBackend } from '../../src/engine/local-backend.js';
import { type Campaign, DEFAULT_ORGANISATION_ID, type Principal, type SettingsUpdate, type SmsNumber } from '../../src/model/index.js';
import type { SmsBackend } from '../../src/ports/backend.js';
import type { Carrier, CarrierSink, StatusReport } from '../../src/ports/carrier.js';
import type { Store } from '../../src/ports/store.js';
import { runBackendContract } from '../contract/backend.contract.js';
import { createLocalFixture, storeAround } from '../fixtures/local-backend.js';
import { salesDesk } from '../fixtures/sales-desk.js';

/**
 * A draft campaign (its list is never read) whose recipients the test writes into the store itself, as an older store
 * or an earlier run may have left them; `recipient(id, index, e164)` makes one, pending.
 */
async function handWrittenCampaign(name: string) {
  const store = createMemoryStore();
  const carrier = createSimulatedCarrier({ latencyMs: 0 });
  const backend = createLocalBackend({ store, carrier, settings: { segmentsPerSecond: 0 } });
  const { alice, number } = await salesDesk(backend);
  const list = await alice.lists.create({ name: 'Unused' });
  await alice.lists.addEntry(list.id, { e164: '+61412000009' });
  const campaign = await alice.campaigns.create({ name, sender: { type: 'number', numberId: number.id }, body: 'Hi', recipients: { listId: list.id } });
  const recipient = (id: string, index: number, e164: string) => ({
    id, campaignId: campaign.id, index, e164, fields: {}, line: null, state: 'pending' as const, messageId: null, error: null, updatedAt: new Date().toISOString(),
  });
  return { store, carrier, backend, alice, number, campaign, recipient };
}

/** Starts a campaign and lets everything settle, the carrier's reports included; returns the campaign then. */
async function runThrough({ alice, backend, carrier }: { alice: SmsClient; backend: LocalBackend; carrier: { flush(): Promise<void> } }, id: string): Promise<Campaign> {
  await alice.campaigns.start(id);
  await backend.idle();
  await carrier.flush();
  await backend.idle();
  return alice.campaigns.get(id);
}

/** Counts the host's turns from now on: the counter runs once between two tasks of the engine. */
function countHostTurns(): { now(): number; stop(): number } {
  let turns = 0;
  let counting = true;
  const count = () => {
    if (!counting) return;
    turns += 1;
    setImmediate(count);
  };
  setImmediate(count);
  return {
    now: () => turns,
    stop: () => {
      counting = false;
      return turns;
    },
  };
}

/** A carrier that answers every send at once, counting them. */
function instantCarrier(): Carrier & { sends(): number } {
  let sequence = 0;
  return {
    capabilities: { alphaTags: true, segmentsPerSecondPerSender: 0 },
    send: () => Promise.resolve({ providerId: `SM-${sequence++}` }),
    connect: () => () => undefined,
    sends: () => sequence,
  };
}

/** A draft from `number` to `count` handsets of an uploaded file. */
async function uploadedCampaign(alice: SmsClient, number: SmsNumber, count: number): Promise<Campaign> {
  const recipients = Array.from({ length: count }, (_, index) => ({ e164: `+614120${String(index).padStart(5, '0')}`, fields: {}, line: index + 2 }));
  const upload = await alice.campaigns.createUpload({ name: 'a.csv', columns: ['phone'], phoneColumn: 'phone', recipients, errors: [], duplicates: [] });
  return alice.campaigns.create({ name: 'Instant', sender: { type: 'number', numberId: number.id }, body: 'Hi', recipients: { uploadId: upload.id } });
}

runBackendContract({
  name: 'local engine + memory store + simulated carrier, manual clock',
  capabilities: { manualClock: true, emailToSms: true, crash: true },
  createBackend: (options = {}) => createLocalFixture(options.carrier),
});

describe('local engine: regressions', () => {
  /** An engine whose carrier's reports the test delivers by hand through the sink it captured. */
  async function handReported() {
    const clock = createManualClock();
    const simulated = createSimulatedCarrier({ clock });
    let sink: CarrierSink | null = null;
    const carrier: Carrier = { capabilities: simulated.capabilities, send: (message) => simulated.send(message), connect: (given) => ((sink = given), () => undefined) };
    const backend = createLocalBackend({ store: createMemoryStore(), carrier, clock });
    const { alice } = await salesDesk(backend);
    return { backend, alice, report: (report: StatusReport) => sink!.status(report) };
  }

  it('applies hand-delivered reports forward only, ignoring late, duplicate and unknown ones', async () => {
    const { backend, alice, report } = await handReported();
    const seen: string[] = [];
    alice.on('message.status', ({ message }) => seen.push(message.status));
    const message = await alice.messages.send({ channel: 'sms', to: '+61412000001', body: 'Hello' });
    await backend.idle();
    const { providerId } = await alice.messages.get(message.id);
    assert.ok(providerId);
    const at = new Date().toISOString();
    await report({ providerId, status: 'delivered', at });
    await report({ providerId, status: 'sent', at });
    await report({ providerId, status: 'undelivered', error: { code: '30003', message: 'Unreachable' }, at });
    await report({ providerId, status: 'delivered', at });
    await report({ providerId: 'no-such-message', status: 'failed', at });
    await backend.idle();
    const stored = await alice.messages.get(message.id);
    assert.equal(stored.status, 'delivered');
    assert.equal(stored.error, null);
    assert.deepEqual(seen, ['sending', 'sent', 'delivered']);
    await backend.close();
  });

  it('stores an inbound message delivered twice (same provider id) once', async () => {
    const { backend, alice } = await handReported();
    await alice.directory.me();
    const sms = { providerId: 'MM1', from: '+61412000001', to: '+61480000001', body: 'Once', receivedAt: new Date().toISOString() };
    await backend.inbound.sms(sms);
    await backend.inbound.sms(sms);
    const [conversation] = (await alice.conversations.list()).items;
    assert.equal(conversation?.unreadCount, 1);
    assert.deepEqual((await alice.messages.list(conversation!.id)).items.map((message) => message.body), ['Once']);
    await backend.close();
  });

  it('closes at once while a campaign waits on the rate limit, and sends nothing after', async () => {
    const fx = await createLocalFixture();
    const { alice, number } = await salesDesk(fx.backend, { segmentsPerSecond: 1 });
    const list = await alice.lists.create({ name: 'Five' });
    for (let index = 1; index <= 5; index++) await alice.lists.addEntry(list.id, { e164: `+6141200000${index}` });
    const campaign = await alice.campaigns.create({ name: 'Slow', sender: { type: 'number', numberId: number.id }, body: 'Hi', recipients: { listId: list.id } });
    await alice.campaigns.start(campaign.id);
    await fx.settle();
    assert.equal(fx.sent().length, 1);
    await fx.close();
    await fx.advance(60_000);
    assert.equal(fx.sent().length, 1);
  });

  it('drops the recipients a start copied when the campaign changed before it could run, so a later start copies afresh', async () => {
    const clock = createManualClock();
    const store = createMemoryStore();
    // Another request changes the campaign between the copy and the switch to running: that switch finds no draft.
    let interfere = true;
    const racing = storeAround(
      store,
      (collection, method, call, args) =>
        interfere && collection === 'campaigns' && method === 'update' && (args[1] as { status?: string }).status === 'running' ? Promise.resolve(null) : call(),
      async () => undefined,
    );
    const backend = createLocalBackend({ store: racing, carrier: createSimulatedCarrier({ clock }), clock });
    const { alice, number } = await salesDesk(backend);
    const list = await alice.lists.create({ name: 'Two' });
    for (const e164 of ['+61412000001', '+61412000002']) await alice.lists.addEntry(list.id, { e164 });
    const campaign = await alice.campaigns.create({ name: 'Raced', sender: { type: 'number', numberId: number.id }, body: 'Hi', recipients: { listId: list.id } });
    await assert.rejects(alice.campaigns.start(campaign.id), (error: Error) => error.name === 'StateError');
    assert.equal(await store.scope(DEFAULT_ORGANISATION_ID).collection('campaignRecipients').count({ campaignId: campaign.id }), 0);
    // The list changes; the next start sends to what it holds then.
    await alice.lists.addEntry(list.id, { e164: '+61412000003' });
    interfere = false;
    const started = await alice.campaigns.start(campaign.id);
    assert.equal(started.counts.total, 3);
    assert.equal(started.estimate?.deliverable, 3);
    await backend.close();
  });

  it('reads an uploaded file by row position, in file order, and refuses one that lost rows', async () => {
    const store = createMemoryStore();
    const backend = createLocalBackend({ store, carrier: createSimulatedCarrier({ latencyMs: 0 }), settings: { segmentsPerSecond: 0 } });
    const { alice, number } = await salesDesk(backend);
    // 2,500 rows: more than one page, with bad and repeated lines among them.
    const recipients = Array.from({ length: 2500 }, (_, index) => ({ e164: `+6141${String(index).padStart(7, '0')}`, fields: { n: String(index) }, line: index + 2 }));
    const upload = await alice.campaigns.createUpload({
      name: 'big.csv', columns: ['phone', 'n'], phoneColumn: 'phone', recipients,
      errors: [{ line: 2502, column: 'phone', value: '12', code: 'phone.invalid', message: 'Not a phone number' }], duplicates: [{ line: 2503, e164: recipients[0]!.e164, firstLine: 2 }],
    });
    const draft = (uploadId: string) => alice.campaigns.create({ name: 'Big', sender: { type: 'number', numberId: number.id }, body: 'Hi {{n}}', recipients: { uploadId } });
    const campaign = await draft(upload.id);
    const estimate = await alice.campaigns.estimate(campaign.id);
    assert.deepEqual([estimate.total, estimate.deliverable, estimate.invalid, estimate.duplicate], [2502, 2500, 1, 1]);
    await alice.campaigns.start(campaign.id);
    const first = (await alice.campaigns.recipients(campaign.id, { limit: 3 })).items.map((recipient) => recipient.line);
    assert.deepEqual(first, [2, 3, 4]);
    await backend.idle();

    const broken = await alice.campaigns.createUpload({ name: 'broken.csv', columns: ['phone', 'n'], phoneColumn: 'phone', recipients: recipients.slice(0, 3), errors: [], duplicates: [] });
    await store.scope(DEFAULT_ORGANISATION_ID).collection('uploadRecipients').delete(`${broken.id}:1`);
    const refused = await alice.campaigns.estimate((await draft(broken.id)).id).catch((error: unknown) => error);
    assert.equal((refused as Error).name, 'StateError');
    assert.match((refused as Error).message, /upload it again/);
    await backend.close();
  });

  it('claims by position, and still sends to a recipient whose id does not name its position', async () => {
    const { store, carrier, backend, alice, campaign, recipient } = await handWrittenCampaign('Mixed ids');
    // Recipients already copied (as an older store may hold them): one by position, one not.
    await store.scope(DEFAULT_ORGANISATION_ID).collection('campaignRecipients').insertMany([recipient(`${campaign.id}:0`, 0, '+61412000001'), recipient('older-id', 1, '+61412000002')]);
    const done = await runThrough({ alice, backend, carrier }, campaign.id);
    assert.equal(done.status, 'completed');
    assert.deepEqual(carrier.sent.map((send) => send.message.to).sort(), ['+61412000001', '+61412000002']);
    await backend.close();
  });

  it('settles a recipient whose message an earlier run already stored from that message, and sends it nothing', async () => {
    const { store, carrier, backend, alice, number, campaign, recipient } = await handWrittenCampaign('Left over');
    // An instance that died a minute ago (past the carrier timeout and the orphan grace) left two claimed recipients
    // pending: one the carrier took, one it never answered.
    const now = new Date(Date.now() - 60_000).toISOString();
    await store.scope(DEFAULT_ORGANISATION_ID).collection('campaignRecipients').insertMany([0, 1, 2].map((index) => recipient(`${campaign.id}:${index}`, index, `+6141200000${index}`)));
    const message = (index: number, status: 'sent' | 'sending', providerId: string | null) => ({
      id: `cm_${campaign.id}:${index}`, conversationId: null, direction: 'outbound' as const, channel: 'sms' as const, from: number.e164, to: `+6141200000${index}`, body: 'Hi',
      encoding: 'GSM-7' as const, segments: 1, status, error: null, createdAt: now, updatedAt: now, sendAt: null, campaignId: campaign.id, senderId: 'alice', numberId: number.id, providerId,
    });
    await store.scope(DEFAULT_ORGANISATION_ID).collection('messages').insertMany([message(0, 'sent', 'SM-earlier'), message(1, 'sending', null)]);
    const done = await runThrough({ alice, backend, carrier }, campaign.id);
    assert.equal(done.status, 'completed');
    assert.deepEqual(carrier.sent.map((send) => send.message.to), ['+61412000002']);
    const states = (await alice.campaigns.recipients(campaign.id)).items.map((item) => [item.e164, item.state]);
    // The one sent now has its delivery report; the earlier run's stays sent (its carrier reports nothing here).
    assert.deepEqual(states, [['+61412000000', 'sent'], ['+61412000001', 'unknown'], ['+61412000002', 'delivered']]);
    assert.equal((await alice.messages.get(`cm_${campaign.id}:1`)).status, 'unknown');
    assert.deepEqual([done.counts.sent, done.counts.delivered, done.counts.unknown, done.counts.pending, done.counts.sending], [1, 1, 1, 0, 0]);
    await backend.close();
  });

  it('counts a recipient whose delivery report overtakes the answer to send() once, as delivered', async () => {
    const store = createMemoryStore();
    let sink: CarrierSink | null = null;
    let sequence = 0;
    // A carrier whose delivery report reaches the engine before the answer to send() does.
    const eager: Carrier = {
      capabilities: { alphaTags: true, segmentsPerSecondPerSender: 0 },
      async send() {
        const providerId = `SM-eager-${sequence++}`;
        await sink?.status({ providerId, status: 'delivered', at: new Date().toISOString() });
        return { providerId };
      },
      connect(target) {
        sink = target;
        return () => (sink = null);
      },
    };
    const backend = createLocalBackend({ store, carrier: eager, settings: { segmentsPerSecond: 0 } });
    const { alice, number } = await salesDesk(backend);
    const list = await alice.lists.create({ name: 'Five' });
    for (let index = 0; index < 5; index++) await alice.lists.addEntry(list.id, { e164: `+6141200000${index}` });
    const campaign = await alice.campaigns.create({ name: 'Eager', sender: { type: 'number', numberId: number.id }, body: 'Hi', recipients: { listId: list.id } });
    await alice.campaigns.start(campaign.id);
    await backend.idle();
    const done = await alice.campaigns.get(campaign.id);
    assert.equal(done.status, 'completed');
    assert.deepEqual([done.counts.delivered, done.counts.sent, done.counts.sending, done.counts.pending, done.counts.total], [5, 0, 0, 0, 5]);
    const states = (await alice.campaigns.recipients(campaign.id)).items.map((item) => item.state);
    assert.deepEqual(states, ['delivered', 'delivered', 'delivered', 'delivered', 'delivered']);
    await backend.close();
  });

  it('claims a window of recipients in one store call, and records the answers that come together in one more', async () => {
    const store = createMemoryStore();
    const calls = new Map<string, number>();
    // The store as the engine sees it, counting the calls made on each collection.
    const counted = storeAround(store, (collection, method, call) => {
      calls.set(`${collection}.${method}`, (calls.get(`${collection}.${method}`) ?? 0) + 1);
      return call();
    });
    const instant = instantCarrier();
    const backend = createLocalBackend({ store: counted, carrier: instant, settings: { segmentsPerSecond: 0 } });
    const { alice, number } = await salesDesk(backend);
    const RECIPIENTS = 1000;
    const campaign = await uploadedCampaign(alice, number, RECIPIENTS);
    calls.clear();
    await alice.campaigns.start(campaign.id);
    await backend.idle();
    const done = await alice.campaigns.get(campaign.id);
    assert.equal(done.status, 'completed');
    assert.equal(done.counts.sent, RECIPIENTS);
    assert.equal(instant.sends(), RECIPIENTS);
    const stored = await store.scope(DEFAULT_ORGANISATION_ID).collection('messages').find({ where: { campaignId: campaign.id }, limit: RECIPIENTS });
    assert.equal(stored.items.filter((message) => message.status === 'sent' && message.providerId?.startsWith('SM-')).length, RECIPIENTS);
    // 1000 recipients in windows of 64: 16 claims and 16 records, not one of each per recipient.
    const windows = Math.ceil(RECIPIENTS / 64);
    assert.equal(calls.get('messages.insertManyIfAbsent'), windows);
    assert.equal(calls.get('messages.updateEach'), windows);
    assert.equal(calls.get('messages.insertIfAbsent') ?? 0, 0);
    assert.equal(calls.get('messages.update') ?? 0, 0);
    assert.ok((calls.get('campaignRecipients.updateEach') ?? 0) <= Math.ceil(RECIPIENTS / 256) + 2, 'recipients are marked sent in a few writes');
    await backend.close();
  });

  it('gives the host turns while a campaign runs on a store and a carrier that answer at once', async () => {
    const instant = instantCarrier();
    const backend = createLocalBackend({ store: createMemoryStore(), carrier: instant, settings: { segmentsPerSecond: 0 } });
    const { alice, number } = await salesDesk(backend);
    const campaign = await uploadedCampaign(alice, number, 3000);
    const turns = countHostTurns();
    await alice.campaigns.start(campaign.id);
    const atStart = turns.now();
    await backend.idle();
    const counted = turns.stop();
    assert.equal((await alice.campaigns.get(campaign.id)).counts.sent, 3000);
    assert.ok(atStart >= 1, `copying two pages of rows gives the host a turn between them (${atStart})`);
    assert.ok(counted - atStart >= 5, `six batches of recipients give the host a turn between each (${counted - atStart})`);
    await backend.close();
  });

  it('gives the host turns while a restart walks past recipients already sent', async () => {
    const { store, backend, alice, campaign, recipient } = await handWrittenCampaign('Mostly sent');
    // 3,000 recipients copied by an earlier run, all but the last sent: six batches of positions to walk, five skipped.
    await store.scope(DEFAULT_ORGANISATION_ID).collection('campaignRecipients').insertMany(Array.from({ length: 3000 }, (_, index) => ({
      ...recipient(`${campaign.id}:${index}`, index, `+614120${String(index).padStart(5, '0')}`), state: index < 2999 ? ('sent' as const) : ('pending' as const),
    })));
    const turns = countHostTurns();
    await alice.campaigns.start(campaign.id);
    await backend.idle();
    const counted = turns.stop();
    assert.equal((await alice.campaigns.get(campaign.id)).status, 'completed');
    assert.ok(counted >= 5, `the host gets a turn between the batches walked (${counted})`);
    await backend.close();
  });

  it('leaves no timer set once closed, so that a closed engine and its store can be freed at once', async () => {
    const clock = createManualClock();
    const backend = createLocalBackend({ store: createMemoryStore(), carrier: instantCarrier(), clock, settings: { segmentsPerSecond: 0 } });
    const { alice, number } = await salesDesk(backend);
    // Two batches: the second's progress comes within 250 ms of the first's, and waits as a trailing update.
    const campaign = await uploadedCampaign(alice, number, 600);
    await alice.campaigns.start(campaign.id);
    await backend.idle();
    assert.equal((await alice.campaigns.get(campaign.id)).status, 'completed');
    assert.ok(clock.pending() > 0, 'a trailing progress update waits');
    await backend.close();
    assert.equal(clock.pending(), 0);
  });

  it('resumes on a new engine a campaign the previous one was closed in the middle of', async () => {
    const clock = createManualClock();
    const store = createMemoryStore();
    const carrier = createSimulatedCarrier({ clock });
    const sent: string[] = [];
    const logged: Carrier = { capabilities: carrier.capabilities, send: (message) => (sent.push(message.to), carrier.send(message)), connect: (sink) => carrier.connect(sink) };
    const first = createLocalBackend({ store, carrier: logged, clock });
    const { alice, number, principal } = await salesDesk(first, { segmentsPerSecond: 2 });
    const list = await alice.lists.create({ name: 'Ten' });
    for (let index = 0; index < 10; index++) await alice.lists.addEntry(list.id, { e164: `+6141200001${index}` });
    const campaign = await alice.campaigns.create({ name: 'Interrupted', sender: { type: 'number', numberId: number.id }, body: 'Hi', recipients: { listId: list.id } });
    await alice.campaigns.start(campaign.id);
    await clock.advance(1500);
    await first.close();
    const before = sent.length;
    assert.ok(before > 0 && before < 10);

    const second = createLocalBackend({ store, carrier: logged, clock });
    const again = createSmsClient({ backend: second, principal });
    await second.ready;
    assert.equal((await again.campaigns.get(campaign.id)).status, 'running', 'the new engine goes on with it by itself');
    for (let step = 0; step < 20 && (await again.campaigns.get(campaign.id)).status !== 'completed'; step++) await clock.advance(1000);
    assert.equal((await again.campaigns.get(campaign.id)).status, 'completed');
    assert.equal(sent.length, 10);
    assert.equal(new Set(sent).size, 10);
    await second.close();
  });
});

describe('createSmsClient over a backend of class instances', () => {
  it('binds methods a resource group has on its prototype', async () => {
    const local = createLocalBackend({ store: createMemoryStore(), carrier: createSimulatedCarrier() });
    class Settings {
      get(principal: Principal) {
        return local.settings.get(principal);
      }
      update(principal: Principal, patch: SettingsUpdate) {
        return local.settings.update(principal, patch);
      }
    }
    const backend: SmsBackend = { ...local, settings: new Settings() };
    const admin = createSmsClient({ backend, principal: { userId: 'admin', role: 'admin' } });
    assert.equal((await admin.settings.update({ rate: 9 })).rate, 9);
    assert.equal((await admin.settings.get()).rate, 9);
    await local.close();
  });
});
