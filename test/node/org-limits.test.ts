import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createSmsClient } from '../../src/client.js';
import { type ManualClock, createManualClock, nextTask } from '../../src/engine/clock.js';
import { createLocalBackend } from '../../src/engine/local-backend.js';
import type { Carrier, OutboundSms } from '../../src/ports/carrier.js';
import type { Store } from '../../src/ports/store.js';
import { deskCampaign, handset } from '../fixtures/desk-campaign.js';
import { salesDesk } from '../fixtures/sales-desk.js';

const B_NUMBER = '+61480000002';

/** A carrier that answers every send at once, noting each message with the clock's time. */
function notingCarrier(clock: ManualClock): Carrier & { sent: (OutboundSms & { at: number })[] } {
  const sent: (OutboundSms & { at: number })[] = [];
  return {
    capabilities: { alphaTags: true, segmentsPerSecondPerSender: 0 },
    send: (sms) => {
      sent.push({ ...sms, at: clock.now() });
      return Promise.resolve({ providerId: `SM-${sent.length}` });
    },
    connect: () => () => undefined,
    sent,
  };
}

/** A few host tasks: enough for in-memory work that does not wait on the clock. */
async function settle(): Promise<void> {
  for (let index = 0; index < 5; index++) await nextTask();
}

/** An engine on `store` (one instance of a deployment), with the client of its operator. */
async function engineOn(store: Store, clock: ManualClock) {
  const carrier = notingCarrier(clock);
  const backend = createLocalBackend({ store, carrier, clock, settings: { segmentsPerSecond: 0 } });
  const operator = createSmsClient({ backend, principal: { userId: 'operator', role: 'operator' } });
  return { carrier, backend, operator };
}

/** A store and an engine where the operator made organisation B; a desk in the default organisation (A) and one in B. */
async function withOrganisationB(start = Date.UTC(2025, 0, 1, 9)) {
  const clock = createManualClock({ start });
  const store = createMemoryStore();
  const engine = await engineOn(store, clock);
  await engine.operator.organisations.create({ id: 'org-b', name: 'Organisation B' });
  const a = await salesDesk(engine.backend, { segmentsPerSecond: 0 });
  const b = await salesDesk(engine.backend, { segmentsPerSecond: 0 }, { organisationId: 'org-b', e164: B_NUMBER });
  return { clock, store, ...engine, a, b };
}

describe('organisation caps on sends', () => {
  it('lets only the operator set the caps: one at a time, null lifts one, nonsense is refused', async () => {
    const { operator, backend, b } = await withOrganisationB();
    const created = await operator.organisations.create({ id: 'org-c', name: 'Organisation C', limits: { sendsPerDay: 100 } });
    assert.deepEqual(created.limits, { sendsPerSecond: null, sendsPerDay: 100 });
    assert.deepEqual((await operator.organisations.get('org-b')).limits, { sendsPerSecond: null, sendsPerDay: null });

    assert.deepEqual((await operator.organisations.update('org-c', { limits: { sendsPerSecond: 5 } })).limits, { sendsPerSecond: 5, sendsPerDay: 100 });
    assert.deepEqual((await operator.organisations.update('org-c', { limits: { sendsPerDay: null } })).limits, { sendsPerSecond: 5, sendsPerDay: null });
    await assert.rejects(operator.organisations.update('org-c', { limits: { sendsPerDay: 0 } }), { name: 'ValidationError', field: 'limits.sendsPerDay' });

    for (const client of [b.admin, b.alice]) {
      await assert.rejects(client.organisations.update('org-b', { limits: { sendsPerDay: 1_000_000 } }), { name: 'PermissionError' });
    }
    // The caps are not among the settings an administrator changes.
    await b.admin.settings.update({ limits: { sendsPerDay: 1 } } as never);
    assert.deepEqual((await operator.organisations.get('org-b')).limits, { sendsPerSecond: null, sendsPerDay: null });
    await backend.close();
  });

  it('holds an organisation to its sends per second, campaign and one-to-one together, one-to-one first', async () => {
    const { clock, carrier, operator, backend, a, b } = await withOrganisationB();
    await operator.organisations.update('org-b', { limits: { sendsPerSecond: 2 } });
    const start = clock.now();
    const campaign = await deskCampaign(b, 5, 0);
    await b.alice.campaigns.start(campaign.id);
    await settle();
    const direct = await b.alice.messages.send({ channel: 'sms', to: handset(900), body: 'One to one' });
    // Organisation A has no cap: its message goes at once.
    await a.alice.messages.send({ channel: 'sms', to: handset(901), body: 'From A' });
    await settle();
    for (let second = 0; second < 3; second++) await clock.advance(1000);
    await backend.idle();

    const ofB = carrier.sent.filter((sms) => sms.from === B_NUMBER);
    assert.equal(ofB.length, 6);
    const perSecond = new Map<number, number>();
    for (const sms of ofB) perSecond.set(Math.floor((sms.at - start) / 1000), (perSecond.get(Math.floor((sms.at - start) / 1000)) ?? 0) + 1);
    assert.deepEqual([...perSecond.values()], [2, 2, 2], 'two a second, in three seconds');
    assert.equal(ofB[2]!.messageId, direct.id, 'the one-to-one message goes first in the next second, before the campaign');
    assert.equal(carrier.sent.find((sms) => sms.from === '+61480000001')?.at, start);
    assert.equal((await b.alice.campaigns.get(campaign.id)).status, 'completed');
    await backend.close();
  });

  it('refuses one-to-one messages past the daily cap and pauses campaigns until the next UTC day', async () => {
    const { clock, carrier, operator, backend, b } = await withOrganisationB(Date.UTC(2025, 0, 1, 22));
    await operator.organisations.update('org-b', { limits: { sendsPerDay: 3 } });
    for (const index of [1, 2]) await b.alice.messages.send({ channel: 'sms', to: handset(index), body: `Message ${index}` });
    const late = await b.alice.messages.send({ channel: 'sms', to: handset(3), body: 'Scheduled', sendAt: new Date(Date.UTC(2025, 0, 1, 23)).toISOString() });
    const campaign = await deskCampaign(b, 4, 100);
    await b.alice.campaigns.start(campaign.id);
    await settle();
    await backend.idle();
    assert.equal(carrier.sent.length, 3, 'two one-to-one messages and one of the campaign');

    const paused = await b.alice.campaigns.get(campaign.id);
    assert.equal(paused.status, 'running');
    assert.equal(paused.counts.pending, 3);
    assert.match(paused.error ?? '', /daily cap.*2025-01-02T00:00:00\.000Z/);
    await assert.rejects(b.alice.messages.send({ channel: 'sms', to: handset(4), body: 'One too many' }), {
      name: 'LimitError', code: 'limit.sends_per_day', limit: 'sendsPerDay', value: 3, resetAt: '2025-01-02T00:00:00.000Z',
    });
    // A scheduled message that falls due past the cap fails, unsent.
    await clock.advance(60 * 60_000);
    assert.equal((await b.alice.messages.get(late.id)).error?.code, 'limit.sends_per_day');
    assert.equal(carrier.sent.length, 3);

    // The next UTC day: the campaign goes on with its three recipients left, which the new day's cap allows.
    await clock.advance(60 * 60_000);
    await backend.idle();
    assert.equal(carrier.sent.length, 6);
    assert.ok(carrier.sent.slice(3).every((sms) => sms.at === Date.UTC(2025, 0, 2)));
    const done = await b.alice.campaigns.get(campaign.id);
    assert.equal(done.status, 'completed');
    assert.equal(done.error, null);
    await backend.close();
  });

  it('ends the pause at once when the operator raises the cap', async () => {
    const { carrier, operator, backend, b } = await withOrganisationB();
    await operator.organisations.update('org-b', { limits: { sendsPerDay: 2 } });
    const campaign = await deskCampaign(b, 5, 0);
    await b.alice.campaigns.start(campaign.id);
    await settle();
    await backend.idle();
    assert.equal(carrier.sent.length, 2);
    await operator.organisations.update('org-b', { limits: { sendsPerDay: 10 } });
    await settle();
    await backend.idle();
    assert.equal(carrier.sent.length, 5);
    assert.equal((await b.alice.campaigns.get(campaign.id)).status, 'completed');
    await backend.close();
  });

  it('counts the day in the store: another instance, or the engine after a restart, keeps to the same cap', async () => {
    const { clock, store, operator, backend, b } = await withOrganisationB();
    await operator.organisations.update('org-b', { limits: { sendsPerDay: 2 } });
    await b.alice.messages.send({ channel: 'sms', to: handset(1), body: 'First' });
    const other = await engineOn(store, clock);
    const onOther = createSmsClient({ backend: other.backend, principal: b.principal });
    await onOther.messages.send({ channel: 'sms', to: handset(2), body: 'Second, through another instance' });
    await backend.idle();
    await other.backend.idle();
    await assert.rejects(b.alice.messages.send({ channel: 'sms', to: handset(3), body: 'Third' }), { name: 'LimitError' });
    await backend.close();
    const restarted = await engineOn(store, clock);
    await assert.rejects(createSmsClient({ backend: restarted.backend, principal: b.principal }).messages.send({ channel: 'sms', to: handset(3), body: 'Third' }), {
      name: 'LimitError',
    });
    await other.backend.close();
    await restarted.backend.close();
  });
});
