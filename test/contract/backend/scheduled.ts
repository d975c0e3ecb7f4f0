import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { NUMBERS, handset, needs, record, rejects, sentTo, withWorld } from './world.js';

const MINUTE = 60_000;

export function scheduledContract(h: BackendHarness): void {
  describe('scheduled sends', () => {
    it('holds a message with sendAt until it is due, then sends it', needs(h, 'manualClock'), withWorld(h, async (w) => {
      const sendAt = new Date(w.fx.now() + 10 * MINUTE).toISOString();
      const message = await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Reminder', sendAt });
      assert.equal(message.status, 'scheduled');
      assert.equal(message.sendAt, sendAt);
      await w.fx.settle();
      await w.fx.advance(10 * MINUTE - 1);
      await w.fx.settle();
      assert.deepEqual(sentTo(w.fx, handset(1)), [], 'not a millisecond early');
      assert.equal((await w.alice.messages.get(message.id)).status, 'scheduled');
      await w.fx.advance(1);
      await w.fx.settle();
      const sent = sentTo(w.fx, handset(1));
      assert.deepEqual(sent.map((sms) => [sms.from, sms.body, sms.at]), [[NUMBERS.alice, 'Reminder', Date.parse(sendAt)]]);
      assert.equal((await w.alice.messages.get(message.id)).status, 'delivered');
    }));

    it('cancels a scheduled message until it is due, and it never goes', needs(h, 'manualClock'), withWorld(h, async (w) => {
      const sendAt = new Date(w.fx.now() + 5 * MINUTE).toISOString();
      const message = await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Maybe later', sendAt });
      await w.fx.advance(4 * MINUTE);
      const canceled = await w.alice.messages.cancel(message.id);
      assert.equal(canceled.status, 'canceled');
      assert.equal((await w.alice.conversations.get(message.conversationId!)).lastMessage?.status, 'canceled');
      await w.fx.advance(10 * MINUTE);
      await w.fx.settle();
      assert.deepEqual(sentTo(w.fx, handset(1)), []);
      assert.equal((await w.alice.messages.get(message.id)).status, 'canceled');
    }));

    it('refuses to cancel a message once it is due and gone', needs(h, 'manualClock'), withWorld(h, async (w) => {
      const sendAt = new Date(w.fx.now() + MINUTE).toISOString();
      const message = await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'On time', sendAt });
      await w.fx.advance(MINUTE);
      await w.fx.settle();
      await rejects(w.alice.messages.cancel(message.id), 'StateError');
      assert.equal((await w.alice.messages.get(message.id)).status, 'delivered');
      assert.equal(sentTo(w.fx, handset(1)).length, 1);
    }));

    it('lets only those who see the conversation cancel', needs(h, 'manualClock'), withWorld(h, async (w) => {
      const sendAt = new Date(w.fx.now() + MINUTE).toISOString();
      const message = await w.bob.messages.send({ channel: 'sms', to: handset(1), body: 'Group reminder', sendAt });
      await rejects(w.alice.messages.cancel(message.id), 'NotFoundError');
      assert.equal((await w.carol.messages.cancel(message.id)).status, 'canceled', 'a group number\'s users share its messages');
    }));

    it('fails, and never sends, a scheduled message to a number blocked since, when blockDirectSends is on', needs(h, 'manualClock'), withWorld(h, async (w) => {
      await w.admin.settings.update({ blockDirectSends: true });
      const statuses = record(w.alice, 'message.status');
      const updates = record(w.alice, 'conversation.updated');
      const sendAt = new Date(w.fx.now() + 10 * MINUTE).toISOString();
      const [optedOut, blocked, free] = await Promise.all([1, 2, 3].map((index) => w.alice.messages.send({ channel: 'sms', to: handset(index), body: 'See you at 3pm', sendAt })));
      await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'STOP' });
      await w.admin.blocklist.add({ e164: handset(2), reason: 'Asked by phone' });
      await w.fx.settle();
      await w.fx.advance(10 * MINUTE);
      await w.fx.settle();
      const reminders = (index: number) => sentTo(w.fx, handset(index)).filter((sms) => sms.body === 'See you at 3pm');
      assert.deepEqual([reminders(1).length, reminders(2).length, reminders(3).length], [0, 0, 1]);
      for (const message of [optedOut!, blocked!]) {
        const stored = await w.alice.messages.get(message.id);
        assert.equal(stored.status, 'failed');
        assert.equal(stored.error?.code, 'blocklist.blocked');
        assert.match(stored.error?.message ?? '', /opted out or is blocked/);
        assert.ok(statuses.events.some((event) => event.message.id === message.id && event.message.status === 'failed'), 'its conversation is told');
      }
      assert.equal((await w.alice.messages.get(free!.id)).status, 'delivered');
      const last = (await w.alice.conversations.get(blocked!.conversationId!)).lastMessage;
      assert.deepEqual([last?.id, last?.status], [blocked!.id, 'failed']);
      assert.ok(updates.events.some((event) => event.conversation.lastMessage?.id === blocked!.id && event.conversation.lastMessage.status === 'failed'));
      await rejects(w.alice.messages.retry(optedOut!.id), 'PermissionError', { code: 'blocklist.blocked' });
      statuses.stop();
      updates.stop();
    }));

    it('sends at once when sendAt is not in the future', withWorld(h, async (w) => {
      const message = await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Now', sendAt: new Date(w.fx.now() - MINUTE).toISOString() });
      assert.notEqual(message.status, 'scheduled');
      await w.fx.settle();
      assert.equal(sentTo(w.fx, handset(1)).length, 1);
    }));
  });
}
