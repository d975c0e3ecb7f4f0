import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BackendHarness } from '../backend.contract.js';
import { makeList, rows } from './campaign-helpers.js';
import { type World, all, handset, rejects, withWorld } from './world.js';

/** Everything a bad call could have changed, as the clients see it. */
async function snapshot(w: World): Promise<unknown> {
  const everyone = [w.admin, w.alice, w.dave];
  const lists = await all((cursor) => w.admin.lists.list({ cursor }));
  return {
    numbers: await w.admin.numbers.list({ includeRemoved: true }),
    departments: await w.admin.directory.departments(),
    extensions: await w.admin.directory.extensions(),
    users: await w.admin.directory.users(),
    settings: await w.admin.settings.get(),
    blocklist: await w.admin.blocklist.list(),
    blocklistHistory: await w.admin.blocklist.history(),
    listEntries: await Promise.all(lists.map((list) => all((cursor) => w.admin.lists.entries(list.id, { cursor })))),
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

type Case = [what: string, call: (w: World, ids: { listId: string; campaignId: string; entryId: string; contactId: string }) => Promise<unknown>, field: string];

/** A list import that is sound but for what a case changes; its first entry would be stored. */
const listImport = (changes: Record<string, unknown>): never =>
  ({ fileName: 'customers.csv', columns: ['first_name'], entries: [{ e164: handset(2), fields: { first_name: 'Ben' }, line: 2 }], errors: [], duplicates: 0, ...changes }) as never;
const sound = { e164: handset(2), fields: {}, line: 2 };
const MB = 'x'.repeat(1 << 20);
const manyNames = Array.from({ length: 100_000 }, (_, index) => `column${index}`);

const CASES: Case[] = [
  ['a number that is not a phone number', (w) => w.admin.numbers.create({ e164: '12345' }), 'e164'],
  ['a number without its e164', (w) => w.admin.numbers.create({ label: 'No number' } as never), 'e164'],
  ['a number in national form that is too short', (w) => w.admin.numbers.create({ e164: '0480 000' }), 'e164'],
  ['a message to an invalid phone number', (w) => w.alice.messages.send({ channel: 'sms', to: '0412', body: 'Hi' }), 'to'],
  ['a message without a body', (w) => w.alice.messages.send({ channel: 'sms', to: handset(1) } as never), 'body'],
  ['an empty message', (w) => w.alice.messages.send({ channel: 'sms', to: handset(1), body: '' }), 'body'],
  ['a message longer than 1600 characters', (w) => w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'x'.repeat(1601) }), 'body'],
  ['a bad alpha tag', (w) => w.alice.messages.send({ channel: 'sms', to: handset(1), alphaTag: '1-TOO-LONG-TAG', body: 'Hi' }), 'alphaTag'],
  ['a bad sendAt', (w) => w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'Hi', sendAt: 'tomorrow' }), 'sendAt'],
  ['a chat without a recipient', (w) => w.alice.messages.send({ channel: 'chat', body: 'Hi' } as never), 'toUserId'],
  ['a conversation with an invalid peer', (w) => w.alice.conversations.open({ channel: 'sms', peer: 'abc' }), 'peer'],
  ['a contact with an invalid number', (w) => w.alice.contacts.create({ scope: 'personal', name: 'Ann', numbers: [{ e164: '999' }] }), 'numbers.0.e164'],
  ['an edited contact with an invalid number', (w, ids) => w.alice.contacts.update(ids.contactId, { numbers: [{ e164: handset(3) }, { e164: '0412' }] }), 'numbers.1.e164'],
  ['a contact without a name', (w) => w.alice.contacts.create({ scope: 'personal', numbers: [{ e164: handset(1) }] } as never), 'name'],
  ['a contact without numbers', (w) => w.alice.contacts.create({ scope: 'personal', name: 'Ann', numbers: [] }), 'numbers'],
  ['a department with a bad alpha tag', (w) => w.admin.directory.createDepartment({ name: 'Ops', alphaTags: ['9LIVES'] }), 'alphaTags.0'],
  ['a list entry with an invalid number', (w, ids) => w.alice.lists.addEntry(ids.listId, { e164: 'call me' }), 'e164'],
  ['an edited list entry with an invalid number', (w, ids) => w.alice.lists.updateEntry(ids.listId, ids.entryId, { e164: '1' }), 'e164'],
  ['a list without a name', (w) => w.alice.lists.create({ name: '  ' }), 'name'],
  ['a blocklist entry that is not a number', (w) => w.admin.blocklist.add({ e164: 'nobody' }), 'e164'],
  ['a null list import', (w, ids) => w.alice.lists.import(ids.listId, null as never), 'import'],
  ['a list import with a null entry', (w, ids) => w.alice.lists.import(ids.listId, listImport({ entries: [sound, null] })), 'entries.1'],
  ['a list import whose entries are not a list', (w, ids) => w.alice.lists.import(ids.listId, listImport({ entries: 'nope' })), 'entries'],
  ['a list import counting NaN duplicates', (w, ids) => w.alice.lists.import(ids.listId, listImport({ duplicates: Number.NaN })), 'duplicates'],
  ['a list import of 100,000 columns', (w, ids) => w.alice.lists.import(ids.listId, listImport({ columns: manyNames })), 'columns'],
  ['a list import of an entry with 100,000 fields', (w, ids) => w.alice.lists.import(ids.listId, listImport({ entries: [{ ...sound, fields: Object.fromEntries(manyNames.map((name) => [name, 'x'])) }] })), 'entries.0.fields'],
  ['a list import with a 1 MB file name', (w, ids) => w.alice.lists.import(ids.listId, listImport({ fileName: MB })), 'fileName'],
  ['a list import with a 1 MB merge field', (w, ids) => w.alice.lists.import(ids.listId, listImport({ entries: [{ ...sound, fields: { note: MB } }] })), 'entries.0.fields.note'],
  ['a list import with a 1 MB refused value', (w, ids) => w.alice.lists.import(ids.listId, listImport({ errors: [{ line: 3, value: MB, code: 'phone.invalid', message: 'Bad' }] })), 'errors.0.value'],
  ['a contact import of a 1 MB name', (w) => w.alice.contacts.import({ scope: 'personal', rows: [{ line: 2, name: MB, e164: handset(1) }] }), 'rows.0.name'],
  ['a contact import of more than 1000 rows in a call', (w) => w.alice.contacts.import({ scope: 'personal', rows: Array.from({ length: 1001 }, (_, index) => ({ line: index + 2, name: 'Ann', e164: handset(10 + index) })) }), 'rows'],
  ['a null blocklist import', (w) => w.admin.blocklist.import(null as never), 'import'],
  ['a blocklist import with a null entry', (w) => w.admin.blocklist.import({ entries: [sound, null as never] }), 'entries.1'],
  ['a blocklist import whose entries are not a list', (w) => w.admin.blocklist.import({ entries: 'nope' as never }), 'entries'],
  ['a blocklist import with a 1 MB reason', (w) => w.admin.blocklist.import({ entries: [{ ...sound, reason: MB }] }), 'entries.0.reason'],
  ['a blocklist import with a 1 MB number', (w) => w.admin.blocklist.import({ entries: [sound, { e164: MB, line: 3 }] }), 'entries.1.e164'],
  ['a blocklist import with a line that is not a line', (w) => w.admin.blocklist.import({ entries: [{ ...sound, line: Number.NaN }] }), 'entries.0.line'],
  ['a blocklist import of more than 1000 numbers in a call', (w) => w.admin.blocklist.import({ entries: Array.from({ length: 1001 }, (_, index) => ({ e164: handset(10 + index), line: index + 2 })) }), 'entries'],
  ['a campaign without a name', (w) => w.alice.campaigns.create({} as never), 'name'],
  ['a campaign renamed to nothing', (w, ids) => w.alice.campaigns.update(ids.campaignId, { name: '' }), 'name'],
  ['a campaign scheduled at a bad time', (w, ids) => w.alice.campaigns.schedule(ids.campaignId, 'next week'), 'scheduledAt'],
  ['a keyword of two words', (w) => w.admin.keywords.create({ keyword: 'TWO WORDS' }), 'keyword'],
  ['a keyword routed to an invalid mobile', (w) => w.admin.keywords.create({ keyword: 'CHORUS', routes: { mobile: '12' } }), 'routes.mobile'],
  ['a user with an invalid mobile', (w) => w.admin.directory.createUser({ name: 'Fay', role: 'user', mobile: '0412 34' }), 'mobile'],
  ['a user given an invalid mobile', (w) => w.admin.directory.updateUser('alice', { mobile: 'call me' }), 'mobile'],
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
        const contactId = (await w.alice.contacts.create({ scope: 'personal', name: 'Ann', numbers: [{ e164: handset(2) }] })).id;
        const before = await snapshot(w);
        await rejects(call(w, { listId, campaignId, entryId: entry!.id, contactId }), 'ValidationError', { field });
        await w.fx.settle();
        assert.deepEqual(await snapshot(w), before);
      }));
    }

    it('says on which line of the file a refused row of an import or an upload is, and no line elsewhere', withWorld(h, async (w) => {
      const listId = await makeList(w.alice, rows(1));
      const entries = [{ e164: handset(2), fields: {}, line: 2 }, { e164: handset(3), fields: { note: 'x'.repeat(1001) }, line: 7 }];
      await rejects(w.alice.lists.import(listId, listImport({ entries })), 'ValidationError', { field: 'entries.1.fields.note', line: 7 });
      await rejects(w.admin.blocklist.import({ entries: [{ e164: handset(4), line: 12 }, { e164: handset(5), reason: 'r'.repeat(501), line: 13 }] }), 'ValidationError', { field: 'entries.1.reason', line: 13 });
      const upload = { name: 'customers.csv', columns: ['phone'], phoneColumn: 'phone', recipients: [{ e164: handset(6), fields: {}, line: 2 }, { e164: '0412', fields: {}, line: 9 }], errors: [], duplicates: [] };
      await rejects(w.alice.campaigns.createUpload(upload), 'ValidationError', { field: 'recipients.1.e164', line: 9 });
      await rejects(w.admin.blocklist.import({ entries: [{ e164: handset(4), line: Number.NaN }] }), 'ValidationError', { field: 'entries.0.line', line: undefined });
      await rejects(w.alice.messages.send({ channel: 'sms', to: handset(1), body: '' }), 'ValidationError', { field: 'body', line: undefined });
    }));

    it('says what kind of problem each is, for elements to put in words', withWorld(h, async (w) => {
      const codeOf = async (call: Promise<unknown>) => (await rejects<{ issues: { code?: string }[] }>(call, 'ValidationError')).issues[0]?.code;
      assert.equal(await codeOf(w.alice.messages.send({ channel: 'sms', to: handset(1), body: '' })), 'too_small');
      assert.equal(await codeOf(w.alice.messages.send({ channel: 'sms', to: handset(1), body: 'x'.repeat(1601) })), 'too_big');
      assert.equal(await codeOf(w.alice.messages.send({ channel: 'sms', to: 'hello', body: 'Hi' })), 'phone.not_a_number');
      assert.equal(await codeOf(w.alice.lists.addEntry((await w.alice.lists.create({ name: 'L' })).id, { e164: '0412' })), 'phone.too_short');
    }));
  });
}
