import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OutboundSms } from '../../../src/ports/carrier.js';
import type { BackendHarness } from '../backend.contract.js';
import { startCampaign, untilStatus } from './campaign-helpers.js';
import { RATE, all, handset, needs, sendsPerRecipient, withWorld } from './world.js';

const RECIPIENTS = 1000;
/** Recipients whose send the carrier takes and never answers: the engine dies waiting. */
const HUNG = new Set([handset(40), handset(41), handset(150)]);

function hangs(message: OutboundSms): boolean {
  return HUNG.has(message.to);
}

export function crashContract(h: BackendHarness): void {
  describe('crash safety', () => {
    it('resumes after a crash by itself, sending each remaining recipient exactly once, holding those caught mid-send as unknown',
      { ...needs(h, 'crash'), ...needs(h, 'manualClock') },
      withWorld(h, { carrier: { latencyMs: 200, hang: hangs } }, async (w) => {
        const campaign = await startCampaign(w, RECIPIENTS, { perSecond: 100 });
        await w.fx.advance(2500);
        const before = w.fx.sent().length;
        assert.ok(before > 150 && before < RECIPIENTS / 2, `${before} handed over before the crash`);
        assert.ok([...HUNG].every((to) => w.fx.sent().some((sms) => sms.to === to)), 'the hung sends happened before the crash');

        const backend = await w.fx.crash!();
        const { alice } = w.clientsOn(backend);
        const resumed = await alice.campaigns.get(campaign.id);
        assert.equal(resumed.status, 'running', 'the new engine goes on with a campaign the crash interrupted');
        const done = await untilStatus(w.fx, alice, campaign.id, 'completed');
        // Those caught mid-send stay claimed for the carrier timeout and the orphan grace (their instance might be
        // alive), then are held unknown, never sent again.

        const sends = sendsPerRecipient(w.fx);
        assert.equal(sends.size, RECIPIENTS, 'every recipient got a message');
        const twice = [...sends].filter(([, count]) => count > 1);
        assert.deepEqual(twice, [], 'nobody got two');
        const unknown = await all((cursor) => alice.campaigns.recipients(campaign.id, { state: 'unknown', cursor }));
        assert.deepEqual(unknown.map((recipient) => recipient.e164).sort(), [...HUNG].sort());
        for (const recipient of unknown) {
          assert.ok(recipient.messageId);
          assert.equal((await alice.messages.get(recipient.messageId)).status, 'unknown');
        }
        assert.equal(done.counts.unknown, HUNG.size);
        assert.equal(done.counts.sent + done.counts.delivered, RECIPIENTS - HUNG.size);
        assert.equal(done.counts.pending + done.counts.sending, 0);
      }));

    it('charges every message the carrier accepted exactly once across a crash, and none it never answered',
      { ...needs(h, 'crash'), ...needs(h, 'manualClock') },
      withWorld(h, { carrier: { latencyMs: 200, hang: hangs } }, async (w) => {
        const campaign = await startCampaign(w, RECIPIENTS, { perSecond: 100 });
        const direct = await w.alice.messages.send({ channel: 'sms', to: handset(5000), body: 'Direct' });
        await w.fx.advance(2500);
        const before = w.fx.sent().length;
        const { admin, alice } = w.clientsOn(await w.fx.crash!());
        const accepted = async () => {
          const counts = (await alice.campaigns.get(campaign.id)).counts;
          return counts.sent + counts.delivered;
        };
        // The new engine resumes at once, settling the recipients it comes to from their messages: those whose provider
        // id the crashed engine recorded were charged by it, the others (caught mid-send) never are.
        const charged = (await admin.usage.summary()).totals.messages;
        assert.ok(charged > 1 && charged <= before + 1, `${charged} charged before the crash, of ${before} handed over and the direct one`);
        await untilStatus(w.fx, alice, campaign.id, 'completed');
        assert.equal(await accepted(), RECIPIENTS - HUNG.size);
        assert.equal((await alice.messages.get(direct.id)).status, 'delivered');
        const { totals } = await admin.usage.summary();
        assert.deepEqual(totals, { messages: RECIPIENTS - HUNG.size + 1, segments: RECIPIENTS - HUNG.size + 1, cost: (RECIPIENTS - HUNG.size + 1) * RATE, inbound: 0 });
      }));

    it('holds a direct message caught mid-send by a crash as unknown once its claim has expired, and sends nothing again',
      { ...needs(h, 'crash'), ...needs(h, 'manualClock') },
      withWorld(h, { carrier: { latencyMs: 200, hang: (message) => message.to === handset(1) } }, async (w) => {
        const caught = await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Caught mid-send' });
        const answered = await w.alice.messages.send({ channel: 'sms', to: handset(2), body: 'Answered' });
        await w.fx.advance(1000);
        const { alice } = w.clientsOn(await w.fx.crash!());
        assert.equal((await alice.messages.get(caught.id)).status, 'sending', 'still claimed: its instance may be alive');
        assert.equal((await alice.messages.get(answered.id)).status, 'delivered');
        await w.fx.advance(60_000);
        await w.fx.settle();
        assert.equal((await alice.messages.get(caught.id)).status, 'unknown', 'past the carrier timeout and the orphan grace');
        await w.fx.advance(60_000);
        await w.fx.settle();
        // Each handed to the carrier once, whichever went first (the two sends go in the background, side by side).
        assert.deepEqual([...sendsPerRecipient(w.fx)].sort(([a], [b]) => a.localeCompare(b)), [[handset(1), 1], [handset(2), 1]]);
        assert.equal((await alice.messages.get(caught.id)).status, 'unknown');
      }));
  });
}
