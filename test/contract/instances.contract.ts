import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SmsEvent } from '../../src/model/index.js';
import { type InstancesContractOptions, type Twins, campaignOf, handset, sendsPerRecipient, twins } from './instances/harness.js';

export type { InstancesContractOptions, SharedStore } from './instances/harness.js';

/** Runs a test on two fresh instances over one database, and closes them whatever happens. */
function withTwins(options: InstancesContractOptions, setup: Parameters<typeof twins>[1], test: (twin: Twins) => Promise<void>): () => Promise<void> {
  return async () => {
    const twin = await twins(options, setup);
    try {
      await test(twin);
    } finally {
      await twin.close();
    }
  };
}

/**
 * Many instances over one database behave as one: two engines (`createLocalBackend`), each with its own handle on the
 * same database (`options.shared`), on one manual clock and one simulated carrier. A campaign started on one is
 * dispatched by both and reaches each recipient once; a scheduled message is released once, and by the survivor when
 * the instance that scheduled it is gone; a live event raised on one reaches the subscribers of the other, filtered
 * per principal, and resumes there after an id seen on the first; a stop on one stops the other; the rate per sender
 * holds across them (within each second of the clock); closing one mid-campaign leaves the other to finish it.
 *
 * @example
 * runInstancesContract({ name: 'memory store', shared: async () => { const store = createMemoryStore(); return { connect: async () => store, close: () => store.close() }; } });
 */
export function runInstancesContract(options: InstancesContractOptions): void {
  describe(`Many instances, one database: ${options.name}`, () => {
    it('dispatches a campaign of 20,000 started on one instance from both, each recipient once', withTwins(options, { latencyMs: 20 }, async (twin) => {
      const RECIPIENTS = 20_000;
      const id = await campaignOf(twin, RECIPIENTS);
      await twin.alice.a.campaigns.start(id);
      await twin.until(async () => (await twin.alice.b.campaigns.get(id)).status === 'completed', 200);
      const sends = sendsPerRecipient(twin.log);
      assert.equal(sends.size, RECIPIENTS, 'every recipient got the message');
      assert.deepEqual([...sends].filter(([, count]) => count > 1), [], 'nobody got two');
      const byInstance = { a: twin.log.filter((sms) => sms.instance === 'a').length, b: twin.log.filter((sms) => sms.instance === 'b').length };
      assert.ok(byInstance.a > 0 && byInstance.b > 0, `both instances sent: ${JSON.stringify(byInstance)}`);
      const done = await twin.alice.a.campaigns.get(id);
      assert.equal(done.counts.sent + done.counts.delivered, RECIPIENTS, 'counts read on either instance add up');
      assert.equal(done.counts.pending + done.counts.sending, 0);
      assert.equal((await twin.admin.usage.summary()).totals.messages, RECIPIENTS, 'each charged once');
    }));

    it('releases a scheduled message once, with both instances waiting for it', withTwins(options, {}, async (twin) => {
      const sendAt = new Date(twin.clock.now() + 10 * 60_000).toISOString();
      const message = await twin.alice.a.messages.send({ channel: 'sms', to: handset(1), body: 'Later', sendAt });
      await twin.clock.advance(11 * 60_000);
      await twin.until(async () => (await twin.alice.b.messages.get(message.id)).status === 'delivered');
      assert.deepEqual(twin.log.map((sms) => sms.body), ['Later']);
    }));

    it('releases a scheduled message and a scheduled campaign on the other instance when the one that scheduled them is gone', withTwins(options, {}, async (twin) => {
      const sendAt = new Date(twin.clock.now() + 10 * 60_000).toISOString();
      const message = await twin.alice.a.messages.send({ channel: 'sms', to: handset(1), body: 'Later', sendAt });
      const campaignId = await campaignOf(twin, 50);
      await twin.alice.a.campaigns.schedule(campaignId, sendAt);
      await twin.settle();
      await twin.a.close();
      await twin.clock.advance(11 * 60_000);
      await twin.until(async () => (await twin.alice.b.campaigns.get(campaignId)).status === 'completed');
      assert.equal((await twin.alice.b.messages.get(message.id)).status, 'delivered');
      assert.equal(twin.log.filter((sms) => sms.body === 'Later').length, 1);
      assert.equal(sendsPerRecipient(twin.log.filter((sms) => sms.body === 'Hello')).size, 50);
      assert.ok(twin.log.every((sms) => sms.instance === 'b'));
    }));

    it('releases a scheduled campaign once, with both instances waiting for it', withTwins(options, {}, async (twin) => {
      const campaignId = await campaignOf(twin, 300);
      await twin.alice.a.campaigns.schedule(campaignId, new Date(twin.clock.now() + 60_000).toISOString());
      await twin.clock.advance(61_000);
      await twin.until(async () => (await twin.alice.a.campaigns.get(campaignId)).status === 'completed');
      const done = await twin.alice.b.campaigns.get(campaignId);
      assert.equal(done.counts.total, 300, 'its recipients copied once');
      assert.equal(done.counts.delivered, 300);
      assert.deepEqual([...sendsPerRecipient(twin.log)].filter(([, count]) => count > 1), []);
    }));

    it('delivers an event raised on one instance to the subscribers of the other who may see it, and resumes there after an id seen on the first', withTwins(options, {}, async (twin) => {
      const onA: SmsEvent[] = [];
      const bobOnA: SmsEvent[] = [];
      const stops = [
        twin.a.subscribe(twin.alice.a.principal, (event) => onA.push(event)),
        twin.a.subscribe(twin.bob.a.principal, (event) => bobOnA.push(event)),
      ];
      await twin.settle();
      await twin.b.inbound.sms({ providerId: 'SM-in-1', from: handset(7), to: twin.e164, body: 'Hello from B', receivedAt: new Date(twin.clock.now()).toISOString() });
      await twin.settle();
      const received = onA.filter((event) => event.type === 'message.received');
      assert.equal(received.length, 1, 'alice, on A, hears of the message B received');
      assert.equal(received[0]!.type === 'message.received' && received[0]!.data.message.body, 'Hello from B');
      assert.deepEqual(bobOnA.filter((event) => event.type === 'message.received' || event.type === 'conversation.updated'), [], 'bob does not see the number');
      // A second message, handled by A: a subscriber resuming on B after the first event's id gets it (from B's buffer).
      await twin.a.inbound.sms({ providerId: 'SM-in-2', from: handset(7), to: twin.e164, body: 'Hello from A', receivedAt: new Date(twin.clock.now()).toISOString() });
      await twin.settle();
      const resumed: SmsEvent[] = [];
      stops.push(twin.b.subscribe(twin.alice.b.principal, (event) => resumed.push(event), { after: received[0]!.id }));
      await twin.settle();
      const again = resumed.filter((event) => event.type === 'message.received');
      assert.deepEqual(again.map((event) => event.type === 'message.received' && event.data.message.body), ['Hello from A']);
      assert.ok(again[0]!.id > received[0]!.id, 'ids increase across the instances');
      const all = onA.map((event) => event.id);
      assert.equal(new Set(all).size, all.length, 'ids are unique');
      for (const stop of stops) stop();
    }));

    it('stops dispatch on every instance when the campaign is stopped on one', withTwins(options, { latencyMs: 50, segmentsPerSecond: 200 }, async (twin) => {
      const id = await campaignOf(twin, 2000);
      await twin.alice.a.campaigns.start(id);
      await twin.until(async () => twin.log.length >= 300);
      assert.ok(twin.log.some((sms) => sms.instance === 'b'), 'b dispatches too');
      await twin.alice.b.campaigns.stop(id);
      const atStop = twin.log.length;
      await twin.clock.advance(5000);
      await twin.settle();
      assert.equal(twin.log.length, atStop, 'nothing more is handed over on either instance');
      const stopped = await twin.alice.a.campaigns.get(id);
      assert.equal(stopped.status, 'stopped');
      assert.equal(stopped.counts.sending, 0);
    }));

    it('holds the rate per sender across the instances: within each second of the clock, at most the rate', withTwins(options, { latencyMs: 5, segmentsPerSecond: 20 }, async (twin) => {
      const RECIPIENTS = 200;
      const id = await campaignOf(twin, RECIPIENTS);
      // Started within a second, as a campaign is: A's own sliding second then ends after the shared second does, and B,
      // refused by the shared count in the first second, takes the next one. (Started on the boundary, A's timer fires
      // first at every boundary of the manual clock and A alone sends, within the rate all the same.)
      await twin.clock.advance(500);
      await twin.alice.a.campaigns.start(id);
      await twin.until(async () => (await twin.alice.a.campaigns.get(id)).status === 'completed', 50);
      const perSecond = new Map<number, number>();
      for (const sms of twin.log) perSecond.set(Math.floor(sms.at / 1000), (perSecond.get(Math.floor(sms.at / 1000)) ?? 0) + sms.segments);
      const busiest = Math.max(...perSecond.values());
      assert.ok(busiest <= 20, `at most 20 segments in any second of the clock, saw ${busiest}`);
      assert.ok(perSecond.size >= RECIPIENTS / 20, `spread over ${perSecond.size} seconds`);
      assert.ok(twin.log.some((sms) => sms.instance === 'a') && twin.log.some((sms) => sms.instance === 'b'), 'both sent');
    }));

    it('leaves the other instance to finish a campaign when one closes in the middle of it', withTwins(options, { latencyMs: 50 }, async (twin) => {
      const RECIPIENTS = 3000;
      const id = await campaignOf(twin, RECIPIENTS);
      await twin.alice.a.campaigns.start(id);
      await twin.until(async () => twin.log.length >= 500);
      await twin.a.close();
      const fromA = twin.log.filter((sms) => sms.instance === 'a').length;
      await twin.until(async () => (await twin.alice.b.campaigns.get(id)).status === 'completed', 200);
      assert.equal(twin.log.filter((sms) => sms.instance === 'a').length, fromA, 'nothing from the closed instance');
      const sends = sendsPerRecipient(twin.log);
      assert.equal(sends.size, RECIPIENTS);
      assert.deepEqual([...sends].filter(([, count]) => count > 1), []);
      const done = await twin.alice.b.campaigns.get(id);
      assert.equal(done.counts.sent + done.counts.delivered, RECIPIENTS);
    }));
  });
}
