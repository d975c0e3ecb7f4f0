import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createManualClock, nextTask } from '../../src/engine/clock.js';
import { createLocalBackend } from '../../src/engine/local-backend.js';
import { salesDesk } from '../fixtures/sales-desk.js';
import { settles, silentCarrier } from '../fixtures/silent-carrier.js';

const TIMEOUT = 5000;

async function engine() {
  const clock = createManualClock();
  const silent = silentCarrier();
  const backend = createLocalBackend({ store: createMemoryStore(), carrier: silent.carrier, clock, carrierTimeoutMs: TIMEOUT, settings: { segmentsPerSecond: 0 } });
  const { admin, alice, number } = await salesDesk(backend);
  await admin.settings.update({ rate: 5 });
  return { clock, backend, admin, alice, number, ...silent };
}

describe('carrier timeout: direct messages', () => {
  it('holds a message the carrier never answers as unknown after carrierTimeoutMs, and never sends it again', async () => {
    const { clock, backend, admin, alice, sent } = await engine();
    const now = await alice.messages.send({ channel: 'sms', to: '+61412000001', body: 'Now' });
    const later = await alice.messages.send({ channel: 'sms', to: '+61412000002', body: 'Later', sendAt: new Date(clock.now() + 60_000).toISOString() });
    assert.equal(await settles(backend.idle()), false, 'the send waits for the carrier');
    await clock.advance(TIMEOUT);
    assert.equal(await settles(backend.idle()), true, 'idle returns once the send timed out');
    const held = await alice.messages.get(now.id);
    assert.equal(held.status, 'unknown');
    assert.equal(held.error?.code, 'carrier.timeout');
    // The scheduled release goes the same way.
    await clock.advance(60_000 + TIMEOUT);
    assert.equal((await alice.messages.get(later.id)).status, 'unknown');
    await clock.advance(3_600_000);
    assert.deepEqual(sent.map((sms) => sms.body), ['Now', 'Later'], 'each handed over once');
    assert.equal(backend.stats().sendsTimedOut, 2);
    assert.equal((await admin.usage.summary()).totals.messages, 0, 'nothing the carrier did not accept is charged');
    assert.equal(await settles(backend.close()), true);
  });

  it('takes an answer that comes after the timeout: accepted, it is charged once and moves on; refused, it fails', async () => {
    const { clock, backend, admin, alice, answer, refuse, report } = await engine();
    const accepted = await alice.messages.send({ channel: 'sms', to: '+61412000001', body: 'Accepted late' });
    const refused = await alice.messages.send({ channel: 'sms', to: '+61412000002', body: 'Refused late' });
    await clock.advance(TIMEOUT);
    await backend.idle();
    answer(accepted.id, 'SM-late');
    refuse(refused.id);
    await backend.idle();
    const sent = await alice.messages.get(accepted.id);
    assert.deepEqual([sent.status, sent.providerId, sent.error], ['sent', 'SM-late', null]);
    assert.equal((await alice.messages.get(refused.id)).status, 'failed');
    await report('SM-late', 'delivered');
    await backend.idle();
    assert.equal((await alice.messages.get(accepted.id)).status, 'delivered');
    assert.deepEqual((await admin.usage.summary()).totals, { messages: 1, segments: 1, cost: 5, inbound: 0 });
    await backend.close();
  });

  it('refuses a carrierTimeoutMs that is not a positive whole number of ms', () => {
    for (const carrierTimeoutMs of [0, -1, 1.5, Number.POSITIVE_INFINITY]) {
      assert.throws(
        () => createLocalBackend({ store: createMemoryStore(), carrier: silentCarrier().carrier, carrierTimeoutMs }),
        (error: Error & { field?: string }) => error.name === 'ValidationError' && error.field === 'carrierTimeoutMs',
      );
    }
  });
});

describe('carrier timeout: campaigns', () => {
  async function campaignOf(setup: Awaited<ReturnType<typeof engine>>, count: number) {
    const list = await setup.alice.lists.create({ name: 'Silent' });
    for (let index = 1; index <= count; index++) await setup.alice.lists.addEntry(list.id, { e164: `+6141200000${index}` });
    const campaign = await setup.alice.campaigns.create({ name: 'Silent', sender: { type: 'number', numberId: setup.number.id }, body: 'Hi', recipients: { listId: list.id } });
    return setup.alice.campaigns.start(campaign.id);
  }

  it('stops at once while the carrier keeps every send waiting, holds those sends as unknown after the timeout, and never sends them again', async () => {
    const setup = await engine();
    const { clock, backend, alice, sent } = setup;
    const campaign = await campaignOf(setup, 5);
    for (let index = 0; index < 5; index++) await nextTask();
    assert.equal(sent.length, 5);
    const stopping = alice.campaigns.stop(campaign.id);
    assert.equal(await settles(stopping), true, 'stop returns whatever the carrier does');
    assert.equal((await stopping).status, 'stopped');
    const restarting = alice.campaigns.restart(campaign.id);
    assert.equal(await settles(restarting), true, 'so does a restart');
    await clock.advance(TIMEOUT);
    await backend.idle();
    const done = await alice.campaigns.get(campaign.id);
    assert.equal(done.status, 'completed');
    assert.equal(done.counts.unknown, 5);
    assert.equal(done.counts.sending + done.counts.pending, 0);
    await clock.advance(3_600_000);
    assert.equal(sent.length, 5, 'nobody got a second message');
    const [recipient] = (await alice.campaigns.recipients(campaign.id, { state: 'unknown' })).items;
    assert.equal((await alice.messages.get(recipient!.messageId!)).error?.code, 'carrier.timeout');
    await backend.close();
  });

  it('closes within the timeout while the carrier keeps a campaign\'s sends waiting, and takes a late answer before then', async () => {
    const setup = await engine();
    const { clock, backend, admin, alice, sent, answer } = setup;
    const campaign = await campaignOf(setup, 3);
    for (let index = 0; index < 5; index++) await nextTask();
    assert.equal(sent.length, 3);
    await clock.advance(TIMEOUT);
    await backend.idle();
    answer(sent[0]!.messageId, 'SM-late');
    await backend.idle();
    const counts = (await alice.campaigns.get(campaign.id)).counts;
    assert.deepEqual([counts.sent, counts.unknown], [1, 2], 'the late answer marks its recipient sent');
    assert.equal((await admin.usage.summary()).totals.messages, 1);

    const again = await campaignOf(setup, 2);
    for (let index = 0; index < 5; index++) await nextTask();
    const closing = backend.close();
    assert.equal(await settles(closing), false, 'close waits for the sends in flight');
    await clock.advance(TIMEOUT);
    assert.equal(await settles(closing), true, 'but no longer than the timeout');
    assert.ok(again.id);
  });
});
