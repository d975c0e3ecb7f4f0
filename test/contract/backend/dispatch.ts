import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness, CarriedSms } from '../backend.contract.js';
import { draftFor, makeList, rows, startCampaign, untilStatus } from './campaign-helpers.js';
import { NUMBERS, RATE, all, handset, needs, sentTo, withWorld } from './world.js';

/** The most segments a sender handed the carrier within any one second. */
function busiestSecond(sent: CarriedSms[], from: string): number {
  const mine = sent.filter((sms) => sms.from === from);
  let most = 0;
  for (const start of mine) {
    const inWindow = mine.filter((sms) => sms.at >= start.at && sms.at < start.at + 1000);
    most = Math.max(most, inWindow.reduce((sum, sms) => sum + sms.segments, 0));
  }
  return most;
}

export function dispatchContract(h: BackendHarness): void {
  describe('campaign dispatch', () => {
    it('honours the rate per sender in segments per second, each sender on its own', needs(h, 'manualClock'), withWorld(h, async (w) => {
      await w.admin.settings.update({ segmentsPerSecond: 5 });
      const listId = await makeList(w.alice, rows(20));
      const byNumber = await draftFor(w.alice, w.num.alice.id, listId, { name: 'By number' });
      const byTag = await draftFor(w.alice, w.num.alice.id, listId, { name: 'By tag', sender: { type: 'alpha', tag: 'ACME' } });
      const start = w.fx.now();
      await w.alice.campaigns.start(byNumber.id);
      await w.alice.campaigns.start(byTag.id);
      await untilStatus(w.fx, w.alice, byNumber.id, 'completed');
      await untilStatus(w.fx, w.alice, byTag.id, 'completed');
      const sent = w.fx.sent();
      for (const from of [NUMBERS.alice, 'ACME']) {
        assert.equal(sent.filter((sms) => sms.from === from).length, 20);
        assert.equal(busiestSecond(sent, from), 5, `${from} sends 5 segments a second, never more`);
        const perSecond = new Map<number, number>();
        for (const sms of sent.filter((item) => item.from === from)) perSecond.set(Math.floor((sms.at - start) / 1000), (perSecond.get(Math.floor((sms.at - start) / 1000)) ?? 0) + 1);
        assert.deepEqual([...perSecond.values()], [5, 5, 5, 5], 'four seconds of five each');
      }
    }));

    it('never sends faster than the carrier allows a sender', needs(h, 'manualClock'), withWorld(h, { carrier: { segmentsPerSecondPerSender: 2 } }, async (w) => {
      const campaign = await startCampaign(w, 6, { perSecond: 10 });
      await untilStatus(w.fx, w.alice, campaign.id, 'completed');
      assert.equal(w.fx.sent().length, 6);
      assert.equal(busiestSecond(w.fx.sent(), NUMBERS.alice), 2);
    }));

    it('counts segments, not messages, against the rate', needs(h, 'manualClock'), withWorld(h, async (w) => {
      await w.admin.settings.update({ segmentsPerSecond: 5 });
      const entries = rows(12).map((row, index) => (index % 3 === 0 ? { ...row, fields: { first_name: 'y'.repeat(150) } } : row));
      const campaign = await startCampaign(w, entries);
      await untilStatus(w.fx, w.alice, campaign.id, 'completed');
      const sent = w.fx.sent();
      assert.equal(sent.length, 12);
      assert.equal(sent.filter((sms) => sms.segments === 2).length, 4);
      assert.ok(busiestSecond(sent, NUMBERS.alice) <= 5);
    }));

    it('re-checks the blocklist at the moment of sending', needs(h, 'manualClock'), withWorld(h, async (w) => {
      const campaign = await startCampaign(w, 5, { perSecond: 1 });
      await w.fx.advance(1000);
      await w.fx.settle();
      assert.ok(w.fx.sent().length < 5);
      await w.admin.blocklist.add({ e164: handset(5), reason: 'Complained' });
      const done = await untilStatus(w.fx, w.alice, campaign.id, 'completed');
      assert.deepEqual(sentTo(w.fx, handset(5)), []);
      assert.equal(w.fx.sent().length, 4);
      assert.equal(done.counts.blocked, 1);
      const [blocked] = (await w.alice.campaigns.recipients(campaign.id, { state: 'blocked' })).items;
      assert.equal(blocked?.e164, handset(5));
    }));

    it('re-checks the blocklist at the moment of sending however soon after the last send it changed', needs(h, 'manualClock'), withWorld(h, { carrier: { latencyMs: 50 } }, async (w) => {
      const RECIPIENTS = 200;
      const campaign = await startCampaign(w, RECIPIENTS);
      await w.fx.advance(1);
      // As many as may be in flight went at once; the others wait for the carrier's answers, a few ms away.
      const waiting = rows(RECIPIENTS).map((row) => row.e164).filter((e164) => sentTo(w.fx, e164).length === 0);
      assert.ok(waiting.length > 0 && waiting.length < RECIPIENTS, `${waiting.length} waiting`);
      for (const e164 of waiting) await w.admin.blocklist.add({ e164, reason: 'Complained' });
      const done = await untilStatus(w.fx, w.alice, campaign.id, 'completed');
      assert.deepEqual(waiting.filter((e164) => sentTo(w.fx, e164).length > 0), [], 'nobody blocked before their turn got the message');
      assert.equal(done.counts.blocked, waiting.length);
      assert.equal(w.fx.sent().length, RECIPIENTS - waiting.length);
    }));

    it('gives the turn of a recipient found blocked at the moment of sending to the next one', needs(h, 'manualClock'), withWorld(h, async (w) => {
      const start = w.fx.now();
      const campaign = await startCampaign(w, 5, { perSecond: 1 });
      await w.fx.advance(1000);
      await w.fx.settle();
      assert.equal(w.fx.sent().length, 2);
      // Blocked after the last read of the blocklist, while the third recipient waits for its second.
      await w.admin.blocklist.add({ e164: handset(3) });
      await untilStatus(w.fx, w.alice, campaign.id, 'completed');
      const sent = w.fx.sent();
      assert.deepEqual(sent.map((sms) => sms.to), [handset(1), handset(2), handset(4), handset(5)]);
      assert.deepEqual(sent.map((sms) => Math.floor((sms.at - start) / 1000)), [0, 1, 2, 3], 'the fourth goes in the second the third would have used');
    }));

    it('skips and counts recipients blocked before the start', withWorld(h, async (w) => {
      await w.admin.blocklist.add({ e164: handset(2) });
      const listId = await makeList(w.alice, rows(3));
      const campaign = await draftFor(w.alice, w.num.alice.id, listId);
      assert.equal((await w.alice.campaigns.estimate(campaign.id)).blocked, 1);
      await w.alice.campaigns.start(campaign.id);
      const done = await untilStatus(w.fx, w.alice, campaign.id, 'completed');
      assert.equal(done.counts.blocked, 1);
      assert.deepEqual(w.fx.sent().map((sms) => sms.to).sort(), [handset(1), handset(3)]);
    }));

    it('renders merge fields per recipient, and never sends a blank field', withWorld(h, async (w) => {
      const campaign = await startCampaign(w, [
        { e164: handset(1), fields: { first_name: 'Ann', town: 'Perth' } },
        { e164: handset(2), fields: { first_name: 'Ben', town: 'Hobart' } },
        { e164: handset(3), fields: { first_name: 'Cy', town: '' } },
      ], { draft: { body: 'Hi {{first_name}}, see you in {{ Town }}.' } });
      const done = await untilStatus(w.fx, w.alice, campaign.id, 'completed');
      assert.deepEqual(w.fx.sent().map((sms) => [sms.to, sms.body]), [[handset(1), 'Hi Ann, see you in Perth.'], [handset(2), 'Hi Ben, see you in Hobart.']]);
      assert.equal(done.counts.failed, 1);
      const [failed] = (await w.alice.campaigns.recipients(campaign.id, { state: 'failed' })).items;
      assert.equal(failed?.e164, handset(3));
      assert.match(failed?.error ?? '', /town/i);
    }));

    it('charges usage to the rating extension and its department', withWorld(h, async (w) => {
      const entries = rows(3).map((row, index) => (index === 0 ? { ...row, fields: { first_name: 'y'.repeat(150) } } : row));
      const campaign = await startCampaign(w, entries, { draft: { ratingExtensionId: w.ext.spare } });
      await untilStatus(w.fx, w.alice, campaign.id, 'completed');
      const usage = await w.admin.usage.rows();
      const spare = usage.find((row) => row.extensionId === w.ext.spare);
      assert.equal(spare?.messages, 3);
      assert.equal(spare?.segments, 4);
      assert.equal(spare?.cost, 4 * RATE);
      assert.equal(spare?.departmentId, w.dep.sales);
      assert.equal(usage.find((row) => row.extensionId === w.ext.alice)?.messages ?? 0, 0, 'not charged to the sender\'s own extension');
    }));

    it('marks recipients the carrier refuses as failed and goes on', withWorld(h, { carrier: { failureRate: 1 } }, async (w) => {
      const campaign = await startCampaign(w, 3);
      const done = await untilStatus(w.fx, w.alice, campaign.id, 'completed');
      assert.equal(done.counts.failed, 3);
      const recipients = await all((cursor) => w.alice.campaigns.recipients(campaign.id, { cursor }));
      assert.ok(recipients.every((recipient) => recipient.state === 'failed' && recipient.error));
      assert.equal(sendsPerRecipient(w.fx.sent()).size, 3);
    }));
  });
}

function sendsPerRecipient(sent: CarriedSms[]): Set<string> {
  return new Set(sent.map((sms) => sms.to));
}
