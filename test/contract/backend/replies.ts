import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { NUMBERS, handset, rejects, sentTo, withWorld } from './world.js';

export function repliesContract(h: BackendHarness): void {
  describe('replies to a user\'s own number', () => {
    it('e-mails replies when the number\'s routing says so', withWorld(h, async (w) => {
      const routing = await w.alice.numbers.setRouting(w.num.alice.id, { email: 'alice@example.com' });
      assert.equal(routing.email, 'alice@example.com');
      assert.equal(routing.portal, true);
      await w.admin.contacts.create({ scope: 'global', name: 'Bob Smith', numbers: [{ e164: handset(1), label: 'Mobile' }] });
      await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'Call me back' });
      await w.fx.settle();
      const [email] = w.fx.emails();
      assert.equal(email?.to, 'alice@example.com');
      assert.equal(email?.text, 'Call me back');
      assert.match(email?.subject ?? '', /Bob Smith/);
      assert.equal((await w.alice.conversations.list()).items[0]?.unreadCount, 1, 'still in the portal too');
    }));

    it('forwards replies to a mobile', withWorld(h, async (w) => {
      await w.alice.numbers.setRouting(w.num.alice.id, { mobile: '0412 999 999' });
      await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'Running late' });
      await w.fx.settle();
      const forwarded = sentTo(w.fx, '+61412999999');
      assert.equal(forwarded.length, 1);
      assert.equal(forwarded[0]?.from, NUMBERS.alice);
      assert.match(forwarded[0]!.body, /Running late/);
      assert.match(forwarded[0]!.body, /412000001/);
    }));

    it('answers with the number\'s auto-response, but not an opt-out or a blocked number', withWorld(h, async (w) => {
      await w.bob.numbers.setRouting(w.num.group.id, { autoReply: 'We are closed until Monday.' });
      await w.fx.inject({ from: handset(1), to: NUMBERS.group, body: 'Open today?' });
      await w.fx.inject({ from: handset(2), to: NUMBERS.group, body: 'STOP' });
      await w.fx.settle();
      await w.fx.inject({ from: handset(2), to: NUMBERS.group, body: 'Are you open?' });
      await w.fx.settle();
      assert.deepEqual(sentTo(w.fx, handset(1)).map((sms) => [sms.from, sms.body]), [[NUMBERS.group, 'We are closed until Monday.']]);
      assert.equal(sentTo(w.fx, handset(2)).length, 1, 'the opt-out confirmation, and no auto-response');
      assert.doesNotMatch(sentTo(w.fx, handset(2))[0]!.body, /closed/);
      const [conversation] = (await w.carol.conversations.list({ query: '412000001' })).items;
      assert.deepEqual((await w.carol.messages.list(conversation!.id)).items.map((message) => message.body), ['Open today?', 'We are closed until Monday.']);
    }));

    it('keeps replies out of the portal inbox when routing says so', withWorld(h, async (w) => {
      await w.alice.numbers.setRouting(w.num.alice.id, { portal: false, email: 'alice@example.com' });
      await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'E-mail only' });
      await w.fx.settle();
      assert.equal((await w.alice.conversations.unread()).messages, 0);
      assert.equal(w.fx.emails().length, 1);
    }));

    it('changes one routing field without resetting the others', withWorld(h, async (w) => {
      await w.alice.numbers.setRouting(w.num.alice.id, { email: 'alice@example.com', autoReply: 'Back soon', mobile: '0412 999 999' });
      const routing = await w.alice.numbers.setRouting(w.num.alice.id, { portal: false });
      assert.deepEqual(routing, { portal: false, email: 'alice@example.com', mobile: '+61412999999', autoReply: 'Back soon' });
      assert.deepEqual((await w.alice.numbers.get(w.num.alice.id)).routing, routing);
      assert.equal((await w.alice.numbers.setRouting(w.num.alice.id, { email: null })).autoReply, 'Back soon');
    }));

    it('lets only the number\'s users and administrators change its routing', withWorld(h, async (w) => {
      await rejects(w.alice.numbers.setRouting(w.num.group.id, { email: 'alice@example.com' }), 'PermissionError');
      assert.equal((await w.admin.numbers.setRouting(w.num.group.id, { email: 'desk@example.com' })).email, 'desk@example.com');
      assert.equal((await w.admin.numbers.get(w.num.group.id)).routing.email, 'desk@example.com');
      assert.equal((await w.carol.numbers.get(w.num.group.id)).routing.email, 'desk@example.com');
    }));
  });
}
