import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { makeList, rows } from './campaign-helpers.js';
import { type World, handset, rejects, withWorld } from './world.js';

/** Everything a bad call could have changed, as the clients see it. */
async function snapshot(w: World): Promise<unknown> {
  const everyone = [w.admin, w.alice, w.dave];
  return {
    numbers: await w.admin.numbers.list({ includeRemoved: true }),
    departments: await w.admin.directory.departments(),
    extensions: await w.admin.directory.extensions(),
    users: await w.admin.directory.users(),
    settings: await w.admin.settings.get(),
    blocklist: await w.admin.blocklist.list(),
    keywords: await w.admin.keywords.list(),
    perUser: await Promise.all(everyone.map(async (client) => ({
      contacts: await client.contacts.list(),
      templates: await client.templates.list(),
      conversations: await client.conversations.list(),
      campaigns: await client.campaigns.list(),
      lists: await client.lists.list(),
    }))),
    sent: w.fx.sent().length,
  };
}

type Case = [what: string, call: (w: World, ids: { listId: string; campaignId: string; entryId: string }) => Promise<unknown>, field: string];

const CASES: Case[] = [
  ['a number that is not a phone number', (w) => w.admin.numbers.create({ e164: '12345' }), 'e164'],
  ['a number without its e164', (w) => w.admin.numbers.create({ label: 'No number' } as never), 'e164'],
  ['a message to an invalid phone number', (w) => w.alice.messages.send({ channel: 'sms', to: '0412', body: 'Hi' }), 'to'],
  ['a message without a body', (w) => w.alice.messages.send({ channel: 'sms', to: handset(1) } as never), 'body'],
  ['an empty message', (w) => w.alice.messages.send({ channel: 'sms', to: handset(1), body: '' }), 'body'],
  ['a message longer than 1600 characters', (w) => w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'x'.repeat(1601) }), 'body'],
  ['a bad alpha tag', (w) => w.alice.messages.send({ channel: 'sms', to: handset(1), alphaTag: '1-TOO-LONG-TAG', body: 'Hi' }), 'alphaTag'],
  ['a bad sendAt', (w) => w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Hi', sendAt: 'tomorrow' }), 'sendAt'],
  ['a chat without a recipient', (w) => w.alice.messages.send({ channel: 'chat', body: 'Hi' } as never), 'toUserId'],
  ['a conversation with an invalid peer', (w) => w.alice.conversations.open({ channel: 'sms', peer: 'abc' }), 'peer'],
  ['a contact with an invalid number', (w) => w.alice.contacts.create({ scope: 'personal', name: 'Ann', numbers: [{ e164: '999' }] }), 'numbers.0.e164'],
  ['a contact without a name', (w) => w.alice.contacts.create({ scope: 'personal', numbers: [{ e164: handset(1) }] } as never), 'name'],
  ['a contact without numbers', (w) => w.alice.contacts.create({ scope: 'personal', name: 'Ann', numbers: [] }), 'numbers'],
  ['a department with a bad alpha tag', (w) => w.admin.directory.createDepartment({ name: 'Ops', alphaTags: ['9LIVES'] }), 'alphaTags.0'],
  ['a list entry with an invalid number', (w, ids) => w.alice.lists.addEntry(ids.listId, { e164: 'call me' }), 'e164'],
  ['an edited list entry with an invalid number', (w, ids) => w.alice.lists.updateEntry(ids.listId, ids.entryId, { e164: '1' }), 'e164'],
  ['a list without a name', (w) => w.alice.lists.create({ name: '  ' }), 'name'],
  ['a blocklist entry that is not a number', (w) => w.admin.blocklist.add({ e164: 'nobody' }), 'e164'],
  ['a campaign without a name', (w) => w.alice.campaigns.create({} as never), 'name'],
  ['a campaign renamed to nothing', (w, ids) => w.alice.campaigns.update(ids.campaignId, { name: '' }), 'name'],
  ['a campaign scheduled at a bad time', (w, ids) => w.alice.campaigns.schedule(ids.campaignId, 'next week'), 'scheduledAt'],
  ['a keyword of two words', (w) => w.admin.keywords.create({ keyword: 'TWO WORDS' }), 'keyword'],
  ['a keyword routed to an invalid mobile', (w) => w.admin.keywords.create({ keyword: 'CHORUS', routes: { mobile: '12' } }), 'routes.mobile'],
  ['a negative rate', (w) => w.admin.settings.update({ rate: -1 }), 'rate'],
  ['a template without a body', (w) => w.alice.templates.create({ scope: 'personal', name: 'Empty' } as never), 'body'],
  ['a routing e-mail that is not an address', (w) => w.alice.numbers.setRouting(w.num.alice.id, { email: 'not-an-address' }), 'email'],
  ['a routing mobile that is not a number', (w) => w.alice.numbers.setRouting(w.num.alice.id, { mobile: '0412' }), 'mobile'],
  ['a usage month that is not a month', (w) => w.admin.usage.rows({ from: '2025-13' }), 'from'],
];

export function validationContract(h: BackendHarness): void {
  describe('bad input', () => {
    for (const [what, call, field] of CASES) {
      it(`refuses ${what} with a ValidationError naming ${field}, changing nothing`, withWorld(h, async (w) => {
        const listId = await makeList(w.alice, rows(1));
        const [entry] = (await w.alice.lists.entries(listId)).items;
        const campaignId = (await w.alice.campaigns.create({ name: 'Draft' })).id;
        const before = await snapshot(w);
        await rejects(call(w, { listId, campaignId, entryId: entry!.id }), 'ValidationError', { field });
        await w.fx.settle();
        assert.deepEqual(await snapshot(w), before);
      }));
    }

    it('says what kind of problem each is, for elements to put in words', withWorld(h, async (w) => {
      const codeOf = async (call: Promise<unknown>) => (await rejects<{ issues: { code?: string }[] }>(call, 'ValidationError')).issues[0]?.code;
      assert.equal(await codeOf(w.alice.messages.send({ channel: 'sms', to: handset(1), body: '' })), 'too_small');
      assert.equal(await codeOf(w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'x'.repeat(1601) })), 'too_big');
      assert.equal(await codeOf(w.alice.messages.send({ channel: 'sms', to: 'hello', body: 'Hi' })), 'phone.not_a_number');
      assert.equal(await codeOf(w.alice.lists.addEntry((await w.alice.lists.create({ name: 'L' })).id, { e164: '0412' })), 'phone.too_short');
    }));
  });
}
