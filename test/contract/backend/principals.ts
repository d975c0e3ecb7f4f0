import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSmsClient } from '../../../src/client.js';
import type { Principal, SmsEvent } from '../../../src/model/index.js';
import type { BackendHarness } from '../backend.contract.js';
import { draftFor, makeList, rows } from './campaign-helpers.js';
import { NUMBERS, handset, rejects, withWorld } from './world.js';

const MINUTE = 60_000;

/** What a malformed principal is refused with, wherever it is given. */
async function refusalOf(call: () => unknown): Promise<{ name: string; code: unknown; field: unknown }> {
  try {
    await call();
  } catch (error) {
    const { name, code, field } = error as Error & { code?: unknown; field?: unknown };
    return { name, code, field };
  }
  assert.fail('the call succeeded');
}

export function principalsContract(h: BackendHarness): void {
  describe('principals: the directory is the truth', () => {
    it('refuses a user claiming an extension of another user, whatever the call', withWorld(h, async (w) => {
      const sendAt = new Date(w.fx.now() + 10 * MINUTE).toISOString();
      const scheduled = await w.bob.messages.send({ channel: 'sms', to: handset(1), body: 'Later', sendAt });
      const intruder = createSmsClient({ backend: w.fx.backend, principal: { ...w.principals.alice, extensionId: w.ext.bob } });
      const denied = { code: 'permission.extension_not_assigned' };
      await rejects(intruder.conversations.list(), 'PermissionError', denied);
      await rejects(intruder.conversations.get(scheduled.conversationId!), 'PermissionError', denied);
      await rejects(intruder.messages.send({ channel: 'sms', to: handset(2), numberId: w.num.group.id, body: 'As Bob' }), 'PermissionError', denied);
      await rejects(intruder.messages.cancel(scheduled.id), 'PermissionError', denied);
      await rejects(intruder.numbers.setRouting(w.num.group.id, { portal: false, mobile: handset(7) }), 'PermissionError', denied);
      await rejects(intruder.usage.rows(), 'PermissionError', denied);
      await w.fx.settle();
      assert.equal((await w.bob.messages.get(scheduled.id)).status, 'scheduled');
      assert.deepEqual(w.fx.sent(), []);
      assert.deepEqual((await w.alice.numbers.list()).items.map((number) => number.e164), [NUMBERS.alice], 'Alice still has only her own number');
    }));

    it('refuses a user the directory does not know, and stores nothing of them', withWorld(h, async (w) => {
      const before = (await w.admin.directory.users({ limit: 500 })).items.map((user) => user.id);
      for (let index = 0; index < 20; index++) {
        const stranger = createSmsClient({ backend: w.fx.backend, principal: { userId: `stranger-${index}`, role: 'user', extensionId: w.ext.spare, departmentId: w.dep.sales, organisationId: w.id } });
        await rejects(stranger.directory.me(), 'PermissionError', { code: 'permission.unknown_user' });
        await rejects(stranger.messages.send({ channel: 'chat', toUserId: 'alice', body: 'Hi' }), 'PermissionError', { code: 'permission.unknown_user' });
      }
      assert.deepEqual((await w.admin.directory.users({ limit: 500 })).items.map((user) => user.id), before);
      assert.equal((await w.alice.directory.search({ query: 'stranger' })).items.length, 0, 'nobody new in the chat directory');
    }));

    it('refuses a role the directory does not give', withWorld(h, async (w) => {
      const selfPromoted = createSmsClient({ backend: w.fx.backend, principal: { userId: 'alice', role: 'admin', organisationId: w.id } });
      await rejects(selfPromoted.settings.update({ rate: 0 }), 'PermissionError', { code: 'permission.role_mismatch' });
      await rejects(selfPromoted.directory.createUser({ id: 'mallory', name: 'Mallory', role: 'admin' }), 'PermissionError', { code: 'permission.role_mismatch' });
      const demoted = createSmsClient({ backend: w.fx.backend, principal: { userId: 'admin', role: 'user', organisationId: w.id } });
      await rejects(demoted.messages.send({ channel: 'sms', to: handset(1), body: 'Hi' }), 'PermissionError', { code: 'permission.role_mismatch' });
      assert.equal((await w.admin.settings.get()).rate, 5);
      assert.ok(!(await w.admin.directory.users()).items.some((user) => user.id === 'mallory'));
    }));

    it('takes the department and extensions from the directory: a user moved away loses what they had', withWorld(h, async (w) => {
      await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'For Alice' });
      await w.fx.settle();
      assert.equal((await w.alice.conversations.list()).items.length, 1);
      await w.admin.directory.updateUser('alice', { extensionIds: [w.ext.spare] });
      const moved = createSmsClient({ backend: w.fx.backend, principal: { userId: 'alice', role: 'user', organisationId: w.id } });
      assert.deepEqual((await moved.conversations.list()).items, []);
      await rejects(w.alice.conversations.list(), 'PermissionError', { code: 'permission.extension_not_assigned' });
      await w.admin.directory.removeUser('bob');
      await rejects(w.bob.conversations.list(), 'PermissionError', { code: 'permission.unknown_user' });
    }));

    it('stores the first administrator of an empty organisation, and no other one from a claim', async () => {
      const fx = await h.createBackend();
      try {
        const first = createSmsClient({ backend: fx.backend, principal: { userId: 'root', role: 'admin' } });
        assert.equal((await first.directory.me()).role, 'admin');
        const second = createSmsClient({ backend: fx.backend, principal: { userId: 'mallory', role: 'admin' } });
        await rejects(second.directory.me(), 'PermissionError', { code: 'permission.unknown_user' });
        await first.directory.createUser({ id: 'deputy', name: 'Deputy', role: 'admin' });
        const deputy = createSmsClient({ backend: fx.backend, principal: { userId: 'deputy', role: 'admin' } });
        assert.equal((await deputy.directory.me()).id, 'deputy');
        assert.deepEqual((await first.directory.users()).items.map((user) => user.id).sort(), ['deputy', 'root']);
      } finally {
        await fx.close();
      }
    });

    it('makes the first administrator once, when two claim it at the same moment', async () => {
      const fx = await h.createBackend();
      try {
        const claims = ['ann', 'ben', 'cat'].map((userId) => createSmsClient({ backend: fx.backend, principal: { userId, role: 'admin' } }).directory.me());
        const results = await Promise.allSettled(claims);
        assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
      } finally {
        await fx.close();
      }
    });

    it('keeps an administrator: the last one cannot be removed or made a user', withWorld(h, async (w) => {
      await rejects(w.admin.directory.removeUser('admin'), 'ConflictError', { code: 'directory.last_admin' });
      await rejects(w.admin.directory.updateUser('admin', { role: 'user' }), 'ConflictError', { code: 'directory.last_admin' });
      await w.admin.directory.createUser({ id: 'deputy', name: 'Deputy', role: 'admin' });
      await w.admin.directory.removeUser('admin');
      const claimant = createSmsClient({ backend: w.fx.backend, principal: { userId: 'admin', role: 'admin', organisationId: w.id } });
      await rejects(claimant.directory.me(), 'PermissionError', { code: 'permission.unknown_user' });
    }));

    it('refuses a malformed principal at the backend with the error createSmsClient gives', withWorld(h, async (w) => {
      const backend = w.fx.backend;
      const malformed: unknown[] = [{ userId: 'alice', role: 'superuser' }, { userId: 'alice' }, null, 'alice', { userId: '', role: 'user' }];
      for (const principal of malformed) {
        const atClient = await refusalOf(() => createSmsClient({ backend, principal: principal as Principal }));
        assert.equal(atClient.name, 'ValidationError');
        for (const call of [
          () => backend.conversations.list(principal as Principal),
          () => backend.messages.send(principal as Principal, { channel: 'sms', to: handset(1), body: 'Hi' }),
          () => backend.settings.update(principal as Principal, { rate: 0 }),
          () => backend.subscribe(principal as Principal, () => undefined),
        ]) {
          assert.deepEqual(await refusalOf(call), atClient, `the backend refuses ${JSON.stringify(principal)} as the client does`);
        }
      }
      assert.equal((await w.admin.settings.get()).rate, 5);
      assert.deepEqual(w.fx.sent(), []);
    }));

    it('tells a subscription only what the directory lets its user see', withWorld(h, async (w) => {
      const intruder: SmsEvent[] = [];
      const stranger: SmsEvent[] = [];
      const alice: SmsEvent[] = [];
      const stops = [
        w.fx.backend.subscribe({ ...w.principals.alice, extensionId: w.ext.bob }, (event) => intruder.push(event)),
        w.fx.backend.subscribe({ userId: 'stranger', role: 'user', extensionId: w.ext.bob, organisationId: w.id }, (event) => stranger.push(event)),
        w.fx.backend.subscribe({ userId: 'alice', role: 'admin', organisationId: w.id }, (event) => intruder.push(event)),
        w.fx.backend.subscribe(w.principals.alice, (event) => alice.push(event)),
      ];
      await w.fx.inject({ from: handset(1), to: NUMBERS.group, body: 'For the front desk' });
      await w.fx.inject({ from: handset(2), to: NUMBERS.alice, body: 'For Alice' });
      await w.fx.settle();
      assert.deepEqual(intruder, []);
      assert.deepEqual(stranger, []);
      assert.ok(alice.some((event) => event.type === 'message.received' && event.data.message.body === 'For Alice'));
      assert.ok(!alice.some((event) => event.type === 'message.received' && event.data.message.body === 'For the front desk'));
      for (const stop of stops) stop();
    }));
  });

  describe('principals: campaigns use only what their owner may', () => {
    it('refuses a campaign on a list the user cannot see, and shows none of its names', withWorld(h, async (w) => {
      const hidden = await makeList(w.carol, rows(2), 'Support only');
      await rejects(w.alice.lists.get(hidden), 'NotFoundError');
      await rejects(draftFor(w.alice, w.num.alice.id, hidden), 'NotFoundError');
      const own = await makeList(w.alice, rows(1), 'Sales');
      const draft = await draftFor(w.alice, w.num.alice.id, own);
      await rejects(w.alice.campaigns.update(draft.id, { recipients: { listId: hidden } }), 'NotFoundError');
      assert.deepEqual((await w.alice.campaigns.get(draft.id)).recipients, { listId: own });
      await w.alice.campaigns.start(draft.id);
      await w.fx.settle();
      assert.deepEqual(w.fx.sent().map((sms) => sms.to), [handset(1)]);
    }));

    it('bills a campaign only to the user\'s own extensions or their department\'s', withWorld(h, async (w) => {
      const listId = await makeList(w.alice, rows(1));
      await rejects(draftFor(w.alice, w.num.alice.id, listId, { ratingExtensionId: w.ext.carol }), 'PermissionError', { code: 'permission.rating_extension' });
      const draft = await draftFor(w.alice, w.num.alice.id, listId, { ratingExtensionId: w.ext.bob });
      assert.equal(draft.ratingExtensionId, w.ext.bob, 'a colleague of the same department may be billed');
      await rejects(w.alice.campaigns.update(draft.id, { ratingExtensionId: w.ext.dave1 }), 'PermissionError', { code: 'permission.rating_extension' });
      const chargeable = (await w.alice.directory.extensions({ chargeable: true })).items.map((extension) => extension.id).sort();
      assert.deepEqual(chargeable, [w.ext.alice, w.ext.bob, w.ext.spare].sort());
      assert.equal((await w.admin.directory.extensions({ chargeable: true })).items.length, 7, 'administrators may bill any');
    }));

    it('refuses to start a campaign whose billed extension has left the user\'s department', withWorld(h, async (w) => {
      const listId = await makeList(w.alice, rows(1));
      const draft = await draftFor(w.alice, w.num.alice.id, listId, { ratingExtensionId: w.ext.spare });
      await w.admin.directory.updateExtension(w.ext.spare, { departmentId: w.dep.support });
      const { issues } = await w.alice.campaigns.validate(draft.id);
      assert.deepEqual(issues.map((issue) => issue.code), ['rating.not_allowed']);
      await rejects(w.alice.campaigns.start(draft.id), 'ValidationError', { field: 'ratingExtensionId' });
      assert.deepEqual(w.fx.sent(), []);
    }));
  });

  describe('principals: shared lists', () => {
    it('lets users send to a shared list but only administrators change it', withWorld(h, async (w) => {
      const shared = await makeList(w.admin, rows(2), 'Everyone');
      assert.equal((await w.alice.lists.get(shared)).name, 'Everyone');
      const denied = { code: 'permission.shared_list' };
      await rejects(w.alice.lists.rename(shared, 'Mine'), 'PermissionError', denied);
      await rejects(w.alice.lists.remove(shared), 'PermissionError', denied);
      await rejects(w.alice.lists.addEntry(shared, { e164: handset(9) }), 'PermissionError', denied);
      const [entry] = (await w.alice.lists.entries(shared)).items;
      await rejects(w.alice.lists.updateEntry(shared, entry!.id, { fields: { first_name: 'X' } }), 'PermissionError', denied);
      await rejects(w.alice.lists.removeEntry(shared, entry!.id), 'PermissionError', denied);
      await rejects(w.alice.lists.import(shared, { fileName: 'x.csv', columns: [], entries: [{ e164: handset(8), fields: {}, line: 2 }], errors: [], duplicates: 0 }), 'PermissionError', denied);
      const after = await w.admin.lists.get(shared);
      assert.equal(after.name, 'Everyone');
      assert.equal(after.entryCount, 2);
      const draft = await draftFor(w.alice, w.num.alice.id, shared);
      await w.alice.campaigns.start(draft.id);
      await w.fx.settle();
      assert.equal(w.fx.sent().length, 2);
      await w.admin.lists.rename(shared, 'Everybody');
    }));

    it('lets the users of a department manage its lists together', withWorld(h, async (w) => {
      const sales = await makeList(w.alice, rows(1), 'Sales leads');
      await w.bob.lists.rename(sales, 'Hot leads');
      await w.bob.lists.addEntry(sales, { e164: handset(5) });
      assert.equal((await w.alice.lists.get(sales)).entryCount, 2);
      await rejects(w.carol.lists.rename(sales, 'Mine'), 'NotFoundError');
    }));
  });
}
