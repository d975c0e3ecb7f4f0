import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { NUMBERS, handset, record, rejects, sentTo, withWorld } from './world.js';

export function conversationsContract(h: BackendHarness): void {
  describe('conversations and messages', () => {
    it('sends from the only number of a user without asking which', withWorld(h, async (w) => {
      const message = await w.alice.messages.send({ channel: 'sms', to: '0412 000 001', body: 'Hello' });
      assert.equal(message.from, NUMBERS.alice);
      assert.equal(message.to, handset(1));
      assert.equal(message.direction, 'outbound');
      assert.equal(message.segments, 1);
      await w.fx.settle();
      assert.deepEqual(sentTo(w.fx, handset(1)).map((sms) => [sms.from, sms.body]), [[NUMBERS.alice, 'Hello']]);
      const conversation = await w.alice.conversations.get(message.conversationId!);
      assert.equal(conversation.numberId, w.num.alice.id);
      assert.equal(conversation.lastMessage?.body, 'Hello');
      assert.equal(conversation.readOnly, false);
    }));

    it('makes a user with several numbers choose one, and sends from the chosen one', withWorld(h, async (w) => {
      await rejects(w.dave.messages.send({ channel: 'sms', to: handset(1), body: 'Which number?' }), 'ValidationError', { field: 'numberId' });
      await rejects(w.dave.conversations.open({ channel: 'sms', peer: handset(1) }), 'ValidationError', { field: 'numberId' });
      const capabilities = await w.dave.messages.capabilities();
      assert.deepEqual(capabilities.numbers.map((number) => number.e164).sort(), [NUMBERS.dave1, NUMBERS.dave2]);
      const message = await w.dave.messages.send({ channel: 'sms', to: handset(1), numberId: w.num.dave2.id, body: 'From my mobile' });
      assert.equal(message.from, NUMBERS.dave2);
      await w.fx.settle();
      assert.deepEqual(sentTo(w.fx, handset(1)).map((sms) => sms.from), [NUMBERS.dave2]);
      await rejects(w.dave.messages.send({ channel: 'sms', to: handset(1), numberId: w.num.alice.id, body: 'Not mine' }), 'NotFoundError');
      assert.equal(sentTo(w.fx, handset(1)).length, 1);
    }));

    it('sends one-way from an alpha tag of the user\'s department, and only then', withWorld(h, async (w) => {
      assert.deepEqual((await w.alice.messages.capabilities()).alphaTags, ['ACME']);
      const message = await w.alice.messages.send({ channel: 'sms', to: handset(1), alphaTag: 'ACME', body: 'Your order has shipped' });
      assert.equal(message.from, 'ACME');
      await w.fx.settle();
      assert.deepEqual(sentTo(w.fx, handset(1)).map((sms) => sms.from), ['ACME']);
      const conversation = await w.alice.conversations.get(message.conversationId!);
      assert.equal(conversation.readOnly, true);
      assert.equal(conversation.alphaTag, 'ACME');
      assert.equal(conversation.numberId, null);
      await rejects(w.carol.messages.send({ channel: 'sms', to: handset(1), alphaTag: 'ACME', body: 'Not our tag' }), 'PermissionError');
      await rejects(w.alice.messages.send({ channel: 'sms', to: handset(1), alphaTag: 'OTHER', body: 'Not our tag' }), 'PermissionError');
      assert.equal(sentTo(w.fx, handset(1)).length, 1);
      // The thread is not shown to others on Alice's number or in the department.
      assert.deepEqual((await w.bob.conversations.list()).items, []);
    }));

    it('offers no alpha tag when the carrier does not carry them', withWorld(h, { carrier: { alphaTags: false } }, async (w) => {
      assert.deepEqual((await w.alice.messages.capabilities()).alphaTags, []);
      await rejects(w.alice.messages.send({ channel: 'sms', to: handset(1), alphaTag: 'ACME', body: 'Shipped' }), 'PermissionError');
      assert.deepEqual(w.fx.sent(), []);
    }));

    it('stores a chat for an offline user and shows it as unread at their next visit', withWorld(h, async (w) => {
      assert.deepEqual(await w.bob.conversations.unread().then(({ conversations, messages }) => ({ conversations, messages })), { conversations: 0, messages: 0 });
      await w.alice.messages.send({ channel: 'chat', toUserId: 'bob', body: 'Lunch?' });
      await w.alice.messages.send({ channel: 'chat', toUserId: 'bob', body: 'At noon' });
      await w.fx.settle();
      const unread = await w.bob.conversations.unread();
      assert.equal(unread.conversations, 1);
      assert.equal(unread.messages, 2);
      assert.notEqual(unread.lastSeenAt, null, 'the previous visit is remembered');
      const [chat] = (await w.bob.conversations.list({ filter: 'unread' })).items;
      assert.equal(chat?.channel, 'chat');
      assert.equal(chat?.peer, 'alice');
      assert.equal(chat?.peerName, 'Alice Adams');
      assert.equal(chat?.unreadCount, 2);
      assert.equal((await w.alice.conversations.get(chat!.id)).unreadCount, 0, 'the sender has nothing unread');
      assert.deepEqual((await w.carol.conversations.list()).items, []);
      assert.deepEqual(w.fx.sent(), [], 'chat never reaches the carrier');
      await w.bob.messages.send({ conversationId: chat!.id, body: 'Sure' });
      assert.deepEqual((await w.alice.messages.list(chat!.id)).items.map((message) => message.body), ['Lunch?', 'At noon', 'Sure']);
    }));

    it('delivers an inbound SMS into the conversation of the number it was sent to, unread per user', withWorld(h, async (w) => {
      const bobHears = record(w.bob, 'message.received');
      await w.fx.inject({ from: handset(1), to: NUMBERS.group, body: 'Hello front desk' });
      await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'Hello Alice' });
      await w.fx.settle();
      const [forBob] = (await w.bob.conversations.list()).items;
      assert.equal(forBob?.numberId, w.num.group.id);
      assert.equal(forBob?.unreadCount, 1);
      assert.equal(forBob?.lastMessage?.body, 'Hello front desk');
      assert.equal(forBob?.lastMessage?.direction, 'inbound');
      const [forAlice] = (await w.alice.conversations.list()).items;
      assert.equal(forAlice?.numberId, w.num.alice.id);
      assert.notEqual(forAlice?.id, forBob?.id);
      assert.deepEqual(bobHears.events.map((event) => event.message.body), ['Hello front desk']);
      assert.equal(bobHears.events[0]?.message.status, 'received');
      await w.bob.conversations.markRead(forBob!.id);
      assert.equal((await w.bob.conversations.get(forBob!.id)).unreadCount, 0);
      assert.equal((await w.carol.conversations.get(forBob!.id)).unreadCount, 1, 'Carol still has it unread');
      assert.deepEqual((await w.bob.conversations.list({ filter: 'unread' })).items, []);
      assert.equal((await w.carol.conversations.list({ filter: 'unread' })).items.length, 1);
      bobHears.stop();
    }));

    it('mutes a conversation for one user only', withWorld(h, async (w) => {
      await w.fx.inject({ from: handset(1), to: NUMBERS.group, body: 'Ping' });
      await w.fx.settle();
      const [conversation] = (await w.bob.conversations.list()).items;
      assert.equal((await w.bob.conversations.setMuted(conversation!.id, true)).muted, true);
      assert.equal((await w.bob.conversations.get(conversation!.id)).muted, true);
      assert.equal((await w.carol.conversations.get(conversation!.id)).muted, false);
      assert.equal((await w.bob.conversations.setMuted(conversation!.id, false)).muted, false);
    }));

    it('deletes a conversation for one user until a new message arrives, without its old history', withWorld(h, async (w) => {
      await w.fx.inject({ from: handset(1), to: NUMBERS.group, body: 'Old news' });
      await w.fx.settle();
      const [conversation] = (await w.bob.conversations.list()).items;
      const bobUpdates = record(w.bob, 'conversation.updated');
      const carolUpdates = record(w.carol, 'conversation.updated');
      await w.bob.conversations.remove(conversation!.id);
      await w.fx.settle();
      assert.deepEqual(bobUpdates.events.map((event) => event.removed), [true], 'Bob\'s other tabs drop it');
      assert.ok(carolUpdates.events.every((event) => !event.removed));
      assert.deepEqual((await w.bob.conversations.list()).items, []);
      assert.equal((await w.bob.conversations.unread()).messages, 0);
      assert.equal((await w.carol.conversations.list()).items.length, 1, 'Carol keeps it');
      await w.fx.advance(1000);
      await w.fx.inject({ from: handset(1), to: NUMBERS.group, body: 'Fresh news' });
      await w.fx.settle();
      const [again] = (await w.bob.conversations.list()).items;
      assert.equal(again?.id, conversation!.id);
      assert.equal(again?.unreadCount, 1);
      assert.deepEqual((await w.bob.messages.list(conversation!.id)).items.map((message) => message.body), ['Fresh news']);
      assert.deepEqual((await w.carol.messages.list(conversation!.id)).items.map((message) => message.body), ['Old news', 'Fresh news']);
    }));

    it('pages a conversation\'s messages, oldest first within a page, the cursor leading to older ones', withWorld(h, async (w) => {
      for (let index = 1; index <= 5; index++) {
        await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: `Message ${index}` });
        await w.fx.advance(1000);
      }
      const [conversation] = (await w.alice.conversations.list()).items;
      const first = await w.alice.messages.list(conversation!.id, { limit: 2 });
      assert.deepEqual(first.items.map((message) => message.body), ['Message 4', 'Message 5']);
      const second = await w.alice.messages.list(conversation!.id, { limit: 2, cursor: first.nextCursor! });
      assert.deepEqual(second.items.map((message) => message.body), ['Message 2', 'Message 3']);
      const third = await w.alice.messages.list(conversation!.id, { limit: 2, cursor: second.nextCursor! });
      assert.deepEqual(third.items.map((message) => message.body), ['Message 1']);
      assert.equal(third.nextCursor, null);
    }));

    it('opens a conversation with a number or a user, finding the existing one', withWorld(h, async (w) => {
      const opened = await w.alice.conversations.open({ channel: 'sms', peer: '0412 000 001' });
      assert.equal(opened.peer, handset(1));
      assert.equal(opened.numberId, w.num.alice.id);
      const sent = await w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Same thread' });
      assert.equal(sent.conversationId, opened.id);
      const chat = await w.alice.conversations.open({ channel: 'chat', userId: 'carol' });
      assert.equal((await w.carol.conversations.open({ channel: 'chat', userId: 'alice' })).id, chat.id);
      await rejects(w.alice.conversations.open({ channel: 'chat', userId: 'nobody' }), 'NotFoundError');
    }));
  });
}
