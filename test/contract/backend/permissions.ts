import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { draftFor, makeList, makeUpload, rows, startCampaign } from './campaign-helpers.js';
import { NUMBERS, handset, record, rejects, withWorld } from './world.js';

export function permissionsContract(h: BackendHarness): void {
  describe('permissions', () => {
    it('lets administrators manage but never send', withWorld(h, async (w) => {
      const capabilities = await w.admin.messages.capabilities();
      assert.equal(capabilities.canSend, false);
      assert.equal(capabilities.reason, 'role.admin');
      await rejects(w.admin.messages.send({ channel: 'sms', to: handset(1), body: 'From the top' }), 'PermissionError');
      await rejects(w.admin.messages.send({ channel: 'chat', toUserId: 'alice', body: 'Hi' }), 'PermissionError');
      await rejects(w.admin.campaigns.create({ name: 'Admin blast' }), 'PermissionError');
      await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'Hello?' });
      await w.fx.settle();
      const [conversation] = (await w.admin.conversations.list()).items;
      assert.equal(conversation?.readOnly, true, 'administrators see SMS conversations read-only');
      await rejects(w.admin.messages.send({ conversationId: conversation!.id, body: 'Reply' }), 'PermissionError');
      assert.deepEqual(w.fx.sent(), []);
    }));

    it('keeps administration from users', withWorld(h, async (w) => {
      await rejects(w.alice.numbers.create({ e164: NUMBERS.spare }), 'PermissionError');
      await rejects(w.alice.numbers.assign(w.num.alice.id, w.ext.spare), 'PermissionError');
      await rejects(w.alice.numbers.remove(w.num.alice.id), 'PermissionError');
      await rejects(w.alice.blocklist.add({ e164: handset(1) }), 'PermissionError');
      await rejects(w.alice.blocklist.remove(handset(1)), 'PermissionError');
      await rejects(w.alice.blocklist.history(), 'PermissionError');
      await rejects(w.alice.keywords.create({ keyword: 'CHORUS' }), 'PermissionError');
      await rejects(w.alice.settings.update({ rate: 1 }), 'PermissionError');
      await rejects(w.alice.directory.createUser({ name: 'Eve', role: 'admin' }), 'PermissionError');
      await rejects(w.alice.directory.users(), 'PermissionError');
      assert.equal((await w.admin.settings.get()).rate, 5);
      assert.equal((await w.admin.numbers.list()).items.length, 4);
    }));

    it('shows users only the numbers and conversations of their extensions', withWorld(h, async (w) => {
      assert.deepEqual((await w.alice.numbers.list()).items.map((number) => number.e164), [NUMBERS.alice]);
      assert.deepEqual((await w.dave.numbers.list()).items.map((number) => number.e164), [NUMBERS.dave1, NUMBERS.dave2]);
      await rejects(w.alice.numbers.get(w.num.group.id), 'NotFoundError');
      const sent = await w.dave.messages.send({ channel: 'sms', to: handset(1), numberId: w.num.dave1.id, body: 'Private' });
      await w.fx.settle();
      for (const other of [w.alice, w.bob, w.carol, w.erin]) {
        assert.deepEqual((await other.conversations.list()).items, []);
        await rejects(other.conversations.get(sent.conversationId!), 'NotFoundError');
        await rejects(other.messages.get(sent.id), 'NotFoundError');
        await rejects(other.conversations.markRead(sent.conversationId!), 'NotFoundError');
        await rejects(other.conversations.remove(sent.conversationId!), 'NotFoundError');
        await rejects(other.messages.send({ conversationId: sent.conversationId!, body: 'Butting in' }), 'NotFoundError');
      }
      const chat = await w.alice.messages.send({ channel: 'chat', toUserId: 'bob', body: 'Between us' });
      await rejects(w.carol.conversations.get(chat.conversationId!), 'NotFoundError');
      await rejects(w.carol.messages.list(chat.conversationId!), 'NotFoundError');
    }));

    it('tells each user only the live events they may see', withWorld(h, async (w) => {
      const alice = { received: record(w.alice, 'message.received'), updated: record(w.alice, 'conversation.updated'), progress: record(w.alice, 'campaign.progress') };
      const bob = record(w.bob, 'message.received');
      await w.fx.inject({ from: handset(1), to: NUMBERS.group, body: 'For the front desk' });
      const listId = await makeList(w.carol, rows(2));
      const campaign = await draftFor(w.carol, w.num.group.id, listId);
      await w.carol.campaigns.start(campaign.id);
      await w.fx.settle();
      assert.deepEqual(bob.events.map((event) => event.message.body), ['For the front desk']);
      assert.deepEqual(alice.received.events, []);
      assert.deepEqual(alice.updated.events, []);
      assert.deepEqual(alice.progress.events, []);
      for (const recorder of [...Object.values(alice), bob]) recorder.stop();
    }));

    it('keeps campaigns, uploads and lists of others out of reach', withWorld(h, async (w) => {
      const listId = await makeList(w.alice, rows(2));
      const campaign = await draftFor(w.alice, w.num.alice.id, listId);
      const uploadId = await makeUpload(w.alice, 'mobile\n0412 000 001\n');
      await rejects(w.carol.campaigns.get(campaign.id), 'NotFoundError');
      await rejects(w.bob.campaigns.update(campaign.id, { name: 'Mine now' }), 'NotFoundError');
      await rejects(w.bob.campaigns.start(campaign.id), 'NotFoundError');
      await rejects(w.bob.campaigns.remove(campaign.id), 'NotFoundError');
      await rejects(w.bob.campaigns.recipients(campaign.id), 'NotFoundError');
      await rejects(w.bob.campaigns.getUpload(uploadId), 'NotFoundError');
      await rejects(w.bob.campaigns.create({ name: 'Theirs', recipients: { uploadId } }), 'NotFoundError');
      await rejects(w.admin.campaigns.start(campaign.id), 'PermissionError');
      assert.equal((await w.alice.campaigns.get(campaign.id)).name, 'Spring sale');
      assert.deepEqual(w.fx.sent(), []);
    }));

    it('lets an administrator stop any running campaign', withWorld(h, async (w) => {
      const campaign = await startCampaign(w, 5, { perSecond: 1 });
      await rejects(w.bob.campaigns.stop(campaign.id), 'NotFoundError');
      assert.equal((await w.admin.campaigns.stop(campaign.id)).status, 'stopped');
    }));

    it('lets a user without a number chat but not send SMS', withWorld(h, async (w) => {
      const capabilities = await w.erin.messages.capabilities();
      assert.equal(capabilities.canSend, false);
      assert.equal(capabilities.reason, 'number.none');
      await rejects(w.erin.messages.send({ channel: 'sms', to: handset(1), body: 'No number' }), 'PermissionError');
      await w.erin.messages.send({ channel: 'chat', toUserId: 'alice', body: 'Chat works' });
      assert.equal((await w.alice.conversations.unread()).messages, 1);
    }));
  });
}
