import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type SmsClient, createSmsClient } from '../../../src/client.js';
import type { Principal } from '../../../src/model/index.js';
import type { BackendFixture, BackendHarness } from '../backend.contract.js';
import { handset, needs, rejects } from './world.js';

/** An organisation made by the operator, with its first administrator, a user and a number of its own. */
async function organisation(fx: BackendFixture, operator: SmsClient, id: string, number: string) {
  await operator.organisations.create({ id, name: `${id[0]!.toUpperCase()}${id.slice(1)} Pty Ltd`, settings: { defaultCountry: 'AU', segmentsPerSecond: 0 } });
  const admin = createSmsClient({ backend: fx.backend, principal: { organisationId: id, userId: 'admin', role: 'admin' } });
  const department = await admin.directory.createDepartment({ name: 'Sales' });
  const extension = await admin.directory.createExtension({ number: '201', name: 'Desk', departmentId: department.id });
  await admin.directory.createUser({ id: 'alice', name: `Alice of ${id}`, role: 'user', departmentId: department.id, extensionIds: [extension.id] });
  const sms = await admin.numbers.create({ e164: number, extensionIds: [extension.id] });
  const principal: Principal = { organisationId: id, userId: 'alice', role: 'user', extensionId: extension.id };
  return { admin, alice: createSmsClient({ backend: fx.backend, principal }), principal, number: sms };
}

/** Runs a test on a fresh backend with an operator. */
function withOperator(h: BackendHarness, test: (fx: BackendFixture, operator: SmsClient) => Promise<void>): () => Promise<void> {
  return async () => {
    const fx = await h.createBackend();
    try {
      await test(fx, createSmsClient({ backend: fx.backend, principal: { userId: 'ops', role: 'operator' } }));
    } finally {
      await fx.close();
    }
  };
}

export function organisationsContract(h: BackendHarness): void {
  describe('organisations: the hosting vendor\'s operators', () => {
    it('creates, lists, finds, renames organisations; the first operator bootstraps and no other claim gets in', withOperator(h, async (fx, operator) => {
      const acme = await operator.organisations.create({ id: 'acme', name: 'Acme Pty Ltd', settings: { defaultCountry: 'AU', currency: 'AUD' } });
      assert.equal(acme.status, 'active');
      assert.equal(acme.settings.currency, 'AUD');
      await operator.organisations.create({ name: 'Globex' });
      await rejects(operator.organisations.create({ id: 'acme', name: 'Again' }), 'ConflictError');
      await rejects(operator.organisations.create({ id: '_system', name: 'Sneaky' }), 'ValidationError', { field: 'id' });
      const names = (await operator.organisations.list()).items.map((found) => found.name);
      assert.deepEqual(names, ['Acme Pty Ltd', 'Default organisation', 'Globex']);
      assert.deepEqual((await operator.organisations.list({ query: 'glob' })).items.map((found) => found.name), ['Globex']);
      assert.equal((await operator.organisations.update('acme', { name: 'Acme Group' })).name, 'Acme Group');
      await rejects(operator.organisations.get('nope'), 'NotFoundError');
      const intruder = createSmsClient({ backend: fx.backend, principal: { userId: 'mallory', role: 'operator' } });
      await rejects(intruder.organisations.list(), 'PermissionError', { code: 'permission.unknown_operator' });
    }));

    it('keeps organisations to operators: administrators, users and an operator acting in an organisation are refused', withOperator(h, async (fx, operator) => {
      const acme = await organisation(fx, operator, 'acme', '+61480000001');
      await rejects(acme.admin.organisations.list(), 'PermissionError', { code: 'permission.operator_only' });
      await rejects(acme.alice.organisations.create({ name: 'Mine' }), 'PermissionError', { code: 'permission.operator_only' });
      const acting = createSmsClient({ backend: fx.backend, principal: { organisationId: 'acme', userId: 'ops', role: 'operator' } });
      await rejects(acting.organisations.list(), 'PermissionError', { code: 'permission.operator_only' });
      await rejects(operator.conversations.list(), 'PermissionError', { code: 'permission.operator' });
    }));

    it('lets an operator look into an organisation for support, read-only, and tells its administrators each look', withOperator(h, async (fx, operator) => {
      const acme = await organisation(fx, operator, 'acme', '+61480000001');
      await fx.inject({ from: handset(1), to: '+61480000001', body: 'My order is late' });
      await fx.settle();
      const support = createSmsClient({ backend: fx.backend, principal: { organisationId: 'acme', userId: 'ops', role: 'operator' } });
      const [conversation] = (await support.conversations.list()).items;
      assert.equal(conversation?.lastMessage?.body, 'My order is late');
      assert.equal((await support.messages.list(conversation!.id)).items.length, 1);
      const denied = { code: 'permission.support_read_only' };
      await rejects(support.messages.send({ conversationId: conversation!.id, body: 'Hello from support' }), 'PermissionError', denied);
      await rejects(support.conversations.markRead(conversation!.id), 'PermissionError', denied);
      await rejects(support.blocklist.add({ e164: handset(2) }), 'PermissionError', denied);
      await rejects(support.directory.supportAccess(), 'PermissionError', denied);
      assert.deepEqual(fx.sent(), []);
      const trail = (await acme.admin.directory.supportAccess()).items;
      assert.deepEqual(trail.map((access) => [access.operatorId, access.action]), [['ops', 'messages.list'], ['ops', 'conversations.list']]);
      await rejects(acme.alice.directory.supportAccess(), 'PermissionError');
      const stranger = createSmsClient({ backend: fx.backend, principal: { organisationId: 'acme', userId: 'mallory', role: 'operator' } });
      await rejects(stranger.conversations.list(), 'PermissionError', { code: 'permission.unknown_operator' });
      assert.equal((await acme.admin.directory.supportAccess()).items.length, 2, 'a refused look is not a look');
    }));

    it('gives each organisation its own first administrator, and principals naming none the default organisation', withOperator(h, async (fx, operator) => {
      const acme = await organisation(fx, operator, 'acme', '+61480000001');
      assert.equal((await acme.admin.directory.me()).role, 'admin');
      const stranger = createSmsClient({ backend: fx.backend, principal: { organisationId: 'acme', userId: 'mallory', role: 'admin' } });
      await rejects(stranger.directory.me(), 'PermissionError', { code: 'permission.unknown_user' });
      const defaultAdmin = createSmsClient({ backend: fx.backend, principal: { userId: 'root', role: 'admin' } });
      assert.equal((await defaultAdmin.directory.me()).id, 'root', 'the default organisation bootstraps its own');
      assert.deepEqual((await defaultAdmin.directory.users()).items.map((user) => user.id), ['root']);
      const nowhere = createSmsClient({ backend: fx.backend, principal: { organisationId: 'initech', userId: 'admin', role: 'admin' } });
      await rejects(nowhere.directory.me(), 'PermissionError', { code: 'permission.unknown_organisation' });
    }));

    it('lets a number belong to one organisation only', withOperator(h, async (fx, operator) => {
      const acme = await organisation(fx, operator, 'acme', '+61480000001');
      const globex = await organisation(fx, operator, 'globex', '+61480000002');
      await rejects(globex.admin.numbers.create({ e164: '0480 000 001' }), 'ConflictError', { code: 'number.taken' });
      await acme.admin.numbers.remove(acme.number.id);
      const moved = await globex.admin.numbers.create({ e164: '+61480000001' });
      assert.equal(moved.e164, '+61480000001', 'a number removed from one organisation can go to another');
      await fx.inject({ from: handset(1), to: '+61480000001', body: 'Hello Globex' });
      await fx.settle();
      assert.deepEqual((await acme.alice.conversations.list()).items.filter((c) => c.lastMessage?.body === 'Hello Globex'), []);
      assert.equal((await globex.admin.conversations.list()).items[0]?.lastMessage?.body, 'Hello Globex');
    }));

    it('suspends an organisation: its people are refused, nothing is sent, inbound is kept flagged; resuming sends what fell due', needs(h, 'manualClock'), withOperator(h, async (fx, operator) => {
      const acme = await organisation(fx, operator, 'acme', '+61480000001');
      const globex = await organisation(fx, operator, 'globex', '+61480000002');
      const sendAt = new Date(fx.now() + 10 * 60_000).toISOString();
      const scheduled = await acme.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Later', sendAt });
      const suspended = await operator.organisations.suspend('acme');
      assert.equal(suspended.status, 'suspended');
      await rejects(acme.alice.conversations.list(), 'PermissionError', { code: 'permission.organisation_suspended' });
      await rejects(acme.admin.settings.get(), 'PermissionError', { code: 'permission.organisation_suspended' });
      await fx.inject({ from: handset(2), to: '+61480000001', body: 'Anyone there?' });
      await fx.advance(11 * 60_000);
      await fx.settle();
      assert.deepEqual(fx.sent(), [], 'no scheduled message and no reply went out');
      await globex.alice.messages.send({ channel: 'sms', to: handset(3), body: 'Globex is fine' });
      await fx.settle();
      assert.deepEqual(fx.sent().map((sms) => sms.body), ['Globex is fine']);
      await operator.organisations.resume('acme');
      await fx.settle();
      assert.equal((await acme.alice.messages.get(scheduled.id)).status === 'scheduled', false);
      assert.ok(fx.sent().some((sms) => sms.body === 'Later'), 'the message that fell due meanwhile went out on resume');
      const [conversation] = (await acme.alice.conversations.list({ filter: 'all' })).items.filter((c) => c.peer === handset(2));
      const [kept] = (await acme.alice.messages.list(conversation!.id)).items;
      assert.equal(kept?.body, 'Anyone there?');
      assert.equal(kept?.error?.code, 'organisation.suspended');
    }));

    it('stops a suspended organisation\'s running campaign; its owner restarts it after the suspension', needs(h, 'manualClock'), withOperator(h, async (fx, operator) => {
      const acme = await organisation(fx, operator, 'acme', '+61480000001');
      await acme.admin.settings.update({ segmentsPerSecond: 1 });
      const list = await acme.alice.lists.create({ name: 'Ten' });
      for (let index = 1; index <= 10; index++) await acme.alice.lists.addEntry(list.id, { e164: handset(index) });
      const campaign = await acme.alice.campaigns.create({ name: 'Slow', sender: { type: 'number', numberId: acme.number.id }, body: 'Hi', recipients: { listId: list.id } });
      await acme.alice.campaigns.start(campaign.id);
      await fx.advance(2500);
      await operator.organisations.suspend('acme');
      const sentBefore = fx.sent().length;
      await fx.advance(20_000);
      await fx.settle();
      assert.equal(fx.sent().length, sentBefore, 'nothing more goes out while suspended');
      await operator.organisations.resume('acme');
      const stopped = await acme.alice.campaigns.get(campaign.id);
      assert.equal(stopped.status, 'stopped');
      await acme.alice.campaigns.restart(campaign.id);
      await fx.advance(20_000);
      await fx.settle();
      assert.equal(new Set(fx.sent().map((sms) => sms.to)).size, 10, 'every recipient once');
    }));

    it('deletes an organisation with all its data after confirmation, and frees its numbers', withOperator(h, async (fx, operator) => {
      const acme = await organisation(fx, operator, 'acme', '+61480000001');
      const globex = await organisation(fx, operator, 'globex', '+61480000002');
      await acme.admin.blocklist.add({ e164: handset(1) });
      await rejects(operator.organisations.remove('acme', { confirmName: 'acme' }), 'ValidationError', { field: 'confirmName' });
      assert.equal((await acme.admin.blocklist.list()).items.length, 1, 'nothing deleted without confirmation');
      await operator.organisations.remove('acme', { confirmName: 'Acme Pty Ltd' });
      await rejects(operator.organisations.get('acme'), 'NotFoundError');
      await rejects(acme.admin.blocklist.list(), 'PermissionError', { code: 'permission.unknown_organisation' });
      assert.equal((await globex.admin.numbers.create({ e164: '+61480000001' })).e164, '+61480000001');
      await operator.organisations.create({ id: 'acme', name: 'Acme again' });
      const fresh = createSmsClient({ backend: fx.backend, principal: { organisationId: 'acme', userId: 'admin', role: 'admin' } });
      assert.deepEqual((await fresh.blocklist.list()).items, [], 'a new organisation of the same id starts empty');
      assert.deepEqual((await fresh.directory.users()).items.map((user) => user.id), ['admin']);
    }));

    it('reports usage per organisation and month for the vendor\'s billing', withOperator(h, async (fx, operator) => {
      const acme = await organisation(fx, operator, 'acme', '+61480000001');
      const globex = await organisation(fx, operator, 'globex', '+61480000002');
      await acme.admin.settings.update({ rate: 5, currency: 'AUD' });
      await acme.alice.messages.send({ channel: 'sms', to: handset(1), body: 'One' });
      await acme.alice.messages.send({ channel: 'sms', to: handset(2), body: 'Two' });
      await globex.alice.messages.send({ channel: 'sms', to: handset(3), body: 'Three' });
      await fx.inject({ from: handset(4), to: '+61480000002', body: 'Hi Globex' });
      await fx.settle();
      const month = new Date(fx.now()).toISOString().slice(0, 7);
      const usage = await operator.organisations.usage();
      const byOrganisation = Object.fromEntries(usage.map((row) => [row.organisationId, row]));
      assert.deepEqual(Object.keys(byOrganisation).sort(), ['acme', 'globex']);
      assert.deepEqual({ ...byOrganisation.acme, name: undefined }, { organisationId: 'acme', name: undefined, month, currency: 'AUD', messages: 2, segments: 2, cost: 10, inbound: 0 });
      assert.equal(byOrganisation.globex?.messages, 1);
      assert.equal(byOrganisation.globex?.inbound, 1);
      assert.deepEqual((await operator.organisations.usage({ organisationId: 'globex' })).map((row) => row.organisationId), ['globex']);
      await rejects(acme.admin.organisations.usage(), 'PermissionError');
    }));
  });
}
