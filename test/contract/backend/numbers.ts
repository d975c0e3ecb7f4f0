import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { NUMBERS, all, handset, rejects, sentTo, withWorld } from './world.js';

export function numbersContract(h: BackendHarness): void {
  describe('numbers and assignments', () => {
    it('registers SMS numbers in E.164, unique among numbers in service', withWorld(h, async (w) => {
      const created = await w.admin.numbers.create({ e164: NUMBERS.spare, label: 'Spare' });
      assert.equal(created.e164, NUMBERS.spare);
      assert.deepEqual(created.extensionIds, []);
      assert.equal(created.removedAt, null);
      assert.deepEqual((await w.admin.numbers.get(created.id)).e164, NUMBERS.spare);
      await rejects(w.admin.numbers.create({ e164: NUMBERS.spare }), 'ConflictError', { field: 'e164' });
      const listed = await all((cursor) => w.admin.numbers.list({ cursor }));
      assert.equal(listed.filter((number) => number.e164 === NUMBERS.spare).length, 1);
    }));

    it('lets an extension hold at most one number, and the conflict names the number holding it', withWorld(h, async (w) => {
      const spare = await w.admin.numbers.create({ e164: NUMBERS.spare });
      const conflict = await rejects<{ details: Record<string, unknown> }>(w.admin.numbers.assign(spare.id, w.ext.alice), 'ConflictError', { field: 'extensionIds' });
      assert.match(conflict.message, /\+61480000001/);
      assert.equal(conflict.details.e164, NUMBERS.alice);
      assert.equal(conflict.details.numberId, w.num.alice.id);
      const onCreate = await rejects(w.admin.numbers.create({ e164: '+61480000009', extensionIds: [w.ext.bob] }), 'ConflictError');
      assert.match(onCreate.message, /\+61480000002/);
      assert.deepEqual((await w.admin.numbers.get(spare.id)).extensionIds, [], 'the refused assignment changed nothing');
      assert.equal((await w.admin.numbers.list({ query: '+61480000009' })).items.length, 0);
    }));

    it('assigns a free extension and unassigns it', withWorld(h, async (w) => {
      const spare = await w.admin.numbers.create({ e164: NUMBERS.spare });
      assert.deepEqual((await w.admin.numbers.assign(spare.id, w.ext.spare)).extensionIds, [w.ext.spare]);
      assert.deepEqual((await w.admin.numbers.unassign(spare.id, w.ext.spare)).extensionIds, []);
      await rejects(w.admin.numbers.assign(spare.id, 'no-such-extension'), 'NotFoundError');
    }));

    it('shows a group number\'s conversation to the users of all its extensions and to nobody else', withWorld(h, async (w) => {
      await w.fx.inject({ from: handset(1), to: NUMBERS.group, body: 'Is the shop open?' });
      await w.fx.settle();
      const [bobs] = (await w.bob.conversations.list()).items;
      const [carols] = (await w.carol.conversations.list()).items;
      assert.ok(bobs && carols);
      assert.equal(bobs.id, carols.id);
      assert.equal(bobs.numberId, w.num.group.id);
      assert.equal(bobs.peer, handset(1));
      assert.deepEqual((await w.alice.conversations.list()).items, []);
      assert.deepEqual((await w.dave.conversations.list()).items, []);
      await rejects(w.alice.conversations.get(bobs.id), 'NotFoundError');
      await rejects(w.alice.messages.list(bobs.id), 'NotFoundError');
      // Both may answer from the group number.
      await w.carol.messages.send({ conversationId: bobs.id, body: 'Yes, until 5pm.' });
      await w.fx.settle();
      assert.deepEqual(sentTo(w.fx, handset(1)).map((sms) => sms.from), [NUMBERS.group]);
      assert.deepEqual((await w.bob.messages.list(bobs.id)).items.map((message) => message.body), ['Is the shop open?', 'Yes, until 5pm.']);
    }));

    it('keeps the history of a removed number, which no longer sends', withWorld(h, async (w) => {
      const sent = await w.alice.messages.send({ channel: 'sms', to: handset(2), body: 'Before removal' });
      await w.fx.settle();
      const removed = await w.admin.numbers.remove(w.num.alice.id);
      assert.notEqual(removed.removedAt, null);
      assert.ok(!(await w.admin.numbers.list()).items.some((number) => number.id === w.num.alice.id));
      assert.ok((await w.admin.numbers.list({ includeRemoved: true })).items.some((number) => number.id === w.num.alice.id));
      const conversation = (await w.alice.conversations.list()).items[0];
      assert.equal(conversation?.id, sent.conversationId);
      assert.deepEqual((await w.alice.messages.list(sent.conversationId!)).items.map((message) => message.body), ['Before removal']);
      await rejects(w.alice.messages.send({ conversationId: sent.conversationId!, body: 'After removal' }), 'PermissionError');
      await rejects(w.alice.messages.send({ channel: 'sms', to: handset(2), body: 'After removal' }), 'PermissionError');
      assert.equal(sentTo(w.fx, handset(2)).length, 1);
      // The extension is free for a new number.
      const replacement = await w.admin.numbers.create({ e164: NUMBERS.spare, extensionIds: [w.ext.alice] });
      assert.deepEqual(replacement.extensionIds, [w.ext.alice]);
    }));
  });
}
