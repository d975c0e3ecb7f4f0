import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MESSAGE_STATUSES, type MessageStatus } from '../../../src/model/index.js';
import type { BackendHarness } from '../backend.contract.js';
import { handset, record, rejects, withWorld } from './world.js';

const RANK: Record<MessageStatus, number> = {
  scheduled: 0, queued: 1, sending: 2, unknown: 3, sent: 4, delivered: 5, undelivered: 5, failed: 5, canceled: 5, received: 5,
};

/** The statuses one message went through, as its sender's client was told. */
function statusesOf(events: { message: { id: string; status: MessageStatus } }[], id: string): MessageStatus[] {
  return events.filter((event) => event.message.id === id).map((event) => event.message.status);
}

function assertForwardOnly(statuses: MessageStatus[]): void {
  for (let index = 1; index < statuses.length; index++) {
    assert.ok(RANK[statuses[index]!] >= RANK[statuses[index - 1]!], `status moved backwards: ${statuses.join(' → ')}`);
  }
}

export function statusContract(h: BackendHarness): void {
  describe('status lifecycle', () => {
    it('moves a message forward: queued, sending, sent, delivered', withWorld(h, async (w) => {
      const seen = record(w.alice, 'message.status');
      const message = await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Track me' });
      assert.equal(message.status, 'queued');
      await w.fx.settle();
      const statuses = statusesOf(seen.events, message.id);
      assert.deepEqual([...new Set(statuses)], ['sending', 'sent', 'delivered']);
      const stored = await w.alice.messages.get(message.id);
      assert.equal(stored.status, 'delivered');
      assert.notEqual(stored.providerId, null);
      assert.ok(MESSAGE_STATUSES.includes(stored.status));
      seen.stop();
    }));

    it('ignores duplicate and late delivery reports', withWorld(h, { carrier: { reports: { duplicates: 1, outOfOrder: 1 } } }, async (w) => {
      const seen = record(w.alice, 'message.status');
      const ids: string[] = [];
      for (let index = 1; index <= 5; index++) ids.push((await w.alice.messages.send({ channel: 'sms', to: handset(index), body: `Report ${index}` })).id);
      await w.fx.settle();
      await w.fx.advance(5000);
      await w.fx.settle();
      for (const id of ids) {
        assert.equal((await w.alice.messages.get(id)).status, 'delivered', 'a late "sent" does not undo "delivered"');
        const statuses = statusesOf(seen.events, id);
        assertForwardOnly(statuses);
        assert.equal(statuses.filter((status) => status === 'delivered').length, 1, 'a duplicate report is not applied twice');
      }
      seen.stop();
    }));

    it('keeps an undelivered message undelivered when a late "sent" report comes', withWorld(h, { carrier: { deliveryRate: 0, reports: { outOfOrder: 1, duplicates: 1 } } }, async (w) => {
      const seen = record(w.alice, 'message.status');
      const message = await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Nobody home' });
      await w.fx.settle();
      await w.fx.advance(5000);
      await w.fx.settle();
      const stored = await w.alice.messages.get(message.id);
      assert.equal(stored.status, 'undelivered');
      assert.notEqual(stored.error, null);
      assertForwardOnly(statusesOf(seen.events, message.id));
      seen.stop();
    }));

    it('marks a message the carrier refuses as failed, and retries it as a new message', withWorld(h, { carrier: { failureRate: 1 } }, async (w) => {
      const message = await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Refused' });
      await w.fx.settle();
      const failed = await w.alice.messages.get(message.id);
      assert.equal(failed.status, 'failed');
      assert.ok(failed.error?.code);
      assert.equal((await w.alice.conversations.get(message.conversationId!)).lastMessage?.status, 'failed', 'the inbox shows the failure');
      const retried = await w.alice.messages.retry(message.id);
      assert.notEqual(retried.id, message.id);
      assert.equal(retried.conversationId, message.conversationId);
      assert.equal(retried.body, 'Refused');
      await w.fx.settle();
      assert.equal((await w.alice.messages.get(message.id)).status, 'failed', 'the original stays as it was');
    }));

    it('keeps the last message of a conversation in step with its status, telling those who see it, in place', withWorld(h, async (w) => {
      const updates = record(w.bob, 'conversation.updated');
      const message = await w.carol.messages.send({ channel: 'sms', to: handset(1), body: 'Track the preview' });
      await w.fx.settle();
      const conversation = await w.bob.conversations.get(message.conversationId!);
      assert.deepEqual([conversation.lastMessage?.id, conversation.lastMessage?.status], [message.id, 'delivered']);
      assert.equal(conversation.updatedAt, message.createdAt, 'a status is not a new message: the conversation keeps its place');
      const told = updates.events.filter((event) => event.conversation.id === conversation.id);
      assert.equal(told.at(-1)?.conversation.lastMessage?.status, 'delivered', 'the group number\'s other user is told');
      assertForwardOnly(told.map((event) => event.conversation.lastMessage!.status));
      updates.stop();
    }));

    it('moves the preview only while the message is still the last one', withWorld(h, async (w) => {
      const first = await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'First' });
      const second = await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Second' });
      await w.fx.settle();
      assert.equal((await w.alice.messages.get(first.id)).status, 'delivered');
      const preview = (await w.alice.conversations.get(first.conversationId!)).lastMessage;
      assert.deepEqual([preview?.id, preview?.body, preview?.status], [second.id, 'Second', 'delivered']);
    }));

    it('refuses to retry a message that did not fail', withWorld(h, async (w) => {
      const message = await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Fine' });
      await w.fx.settle();
      await rejects(w.alice.messages.retry(message.id), 'StateError');
      assert.equal(w.fx.sent().length, 1);
    }));
  });
}
