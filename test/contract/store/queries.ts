import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BlocklistEntry } from '../../../src/model/blocklist.js';
import type {
  CampaignRecipientRecord, Collection, ContactRecord, ConversationRecord, Query, StoreScope, Where,
} from '../../../src/ports/store.js';
import { at, blocked, contact, conversation, keys, recipient } from './fixtures.js';
import type { WithStore } from './harness.js';

/** Ten recipients with varied states, indexes, messages and errors (some null). */
async function sample(store: StoreScope): Promise<Collection<CampaignRecipientRecord>> {
  const records = store.collection('campaignRecipients');
  await records.insertMany([
    recipient(0, { state: 'pending' }),
    recipient(1, { state: 'sent', messageId: 'm1' }),
    recipient(2, { state: 'sent', messageId: 'm2', error: 'late' }),
    recipient(3, { state: 'failed', messageId: 'm3', error: 'Rejected' }),
    recipient(4, { state: 'blocked', error: 'On the blocklist' }),
    recipient(5, { state: 'pending', line: null }),
    recipient(6, { state: 'delivered', messageId: 'm6' }),
    recipient(7, { state: 'pending', campaignId: 'c2' }),
    recipient(8, { state: 'sent', campaignId: 'c2', messageId: 'm8' }),
    recipient(9, { state: 'invalid', line: null, error: 'Not a number' }),
  ]);
  return records;
}

async function indexesWhere(records: Collection<CampaignRecipientRecord>, where: Where<CampaignRecipientRecord>): Promise<number[]> {
  const page = await records.find({ where, orderBy: [['index', 'asc']], limit: 100 });
  assert.equal(page.nextCursor, null);
  assert.equal(await records.count(where), page.items.length, 'count agrees with find');
  return page.items.map((record) => record.index);
}

export function queryTests(withStore: WithStore): void {
  describe('conditions', () => {
    it('matches equality, on indexed and plain fields, and every condition together', () =>
      withStore(async (store) => {
        const records = await sample(store);
        assert.deepEqual(await indexesWhere(records, { state: 'sent' }), [1, 2, 8]);
        assert.deepEqual(await indexesWhere(records, { e164: recipient(3).e164 }), [3]);
        assert.deepEqual(await indexesWhere(records, { state: 'sent', campaignId: 'c1' }), [1, 2]);
        assert.deepEqual(await indexesWhere(records, { state: 'sent', campaignId: 'c1', error: 'late' }), [2]);
        assert.deepEqual(await indexesWhere(records, { state: 'nope' as never }), []);
        assert.deepEqual(await indexesWhere(records, {}), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      }));

    it('matches null by equality, on indexed and plain fields', () =>
      withStore(async (store) => {
        const records = await sample(store);
        assert.deepEqual(await indexesWhere(records, { messageId: null }), [0, 4, 5, 7, 9]);
        assert.deepEqual(await indexesWhere(records, { line: null }), [5, 9]);
        assert.deepEqual(await indexesWhere(records, { messageId: null, error: null }), [0, 5, 7]);
      }));

    it('matches $in (a null among the values matches null) and $ne (null is a value like any other)', () =>
      withStore(async (store) => {
        const records = await sample(store);
        assert.deepEqual(await indexesWhere(records, { state: { $in: ['failed', 'blocked', 'invalid'] } }), [3, 4, 9]);
        assert.deepEqual(await indexesWhere(records, { index: { $in: [2, 4, 40] } }), [2, 4]);
        assert.deepEqual(await indexesWhere(records, { state: { $in: [] } }), []);
        assert.deepEqual(await indexesWhere(records, { messageId: { $in: ['m3', null] } }), [0, 3, 4, 5, 7, 9]);
        assert.deepEqual(await indexesWhere(records, { state: { $ne: 'pending' } }), [1, 2, 3, 4, 6, 8, 9]);
        assert.deepEqual(await indexesWhere(records, { error: { $ne: 'late' } }), [0, 1, 3, 4, 5, 6, 7, 8, 9]);
        assert.deepEqual(await indexesWhere(records, { messageId: { $ne: null } }), [1, 2, 3, 6, 8]);
      }));

    it('matches ranges on numbers and on ISO instants, bounds alone or together; null is in no range', () =>
      withStore(async (store) => {
        const records = await sample(store);
        assert.deepEqual(await indexesWhere(records, { index: { $gt: 7 } }), [8, 9]);
        assert.deepEqual(await indexesWhere(records, { index: { $gte: 7 } }), [7, 8, 9]);
        assert.deepEqual(await indexesWhere(records, { index: { $lt: 2 } }), [0, 1]);
        assert.deepEqual(await indexesWhere(records, { index: { $lte: 2 } }), [0, 1, 2]);
        assert.deepEqual(await indexesWhere(records, { index: { $gt: 2, $lte: 5 } }), [3, 4, 5]);
        assert.deepEqual(await indexesWhere(records, { index: { $gt: 5, $lt: 5 } }), []);
        assert.deepEqual(await indexesWhere(records, { updatedAt: { $gte: at(4), $lt: at(6) } }), [4, 5]);
        assert.deepEqual(await indexesWhere(records, { line: { $gte: 0 } }), [0, 1, 2, 3, 4, 6, 7, 8]);
        assert.deepEqual(await indexesWhere(records, { error: { $lt: 'zzz' } }), [2, 3, 4, 9]);
      }));

    it('matches $exists: present and not null, or null', () =>
      withStore(async (store) => {
        const records = await sample(store);
        assert.deepEqual(await indexesWhere(records, { error: { $exists: true } }), [2, 3, 4, 9]);
        assert.deepEqual(await indexesWhere(records, { error: { $exists: false } }), [0, 1, 5, 6, 7, 8]);
        assert.deepEqual(await indexesWhere(records, { messageId: { $exists: true }, state: 'sent' }), [1, 2, 8]);
      }));

    it('matches $contains and $overlaps on arrays, indexed or not', () =>
      withStore(async (store) => {
        const conversations = store.collection('conversations');
        await conversations.insertMany([
          conversation('a', { audience: ['number:n1', 'number:*'], participants: [] }),
          conversation('b', { audience: ['number:n2', 'number:*'], participants: [] }),
          conversation('c', { channel: 'chat', numberId: null, audience: ['user:u1', 'user:u2'], participants: ['u1', 'u2'] }),
          conversation('d', { channel: 'chat', numberId: null, audience: ['user:u2', 'user:u3'], participants: ['u2', 'u3'] }),
          conversation('e', { audience: [], participants: [] }),
        ]);
        const ids = async (where: Where<ConversationRecord>) =>
          keys((await conversations.find({ where, limit: 100 })).items);
        assert.deepEqual(await ids({ audience: { $contains: 'number:*' } }), ['a', 'b']);
        assert.deepEqual(await ids({ audience: { $contains: 'user:u2' } }), ['c', 'd']);
        assert.deepEqual(await ids({ participants: { $contains: 'u3' } }), ['d']);
        assert.deepEqual(await ids({ participants: { $contains: 'u9' } }), []);
        assert.deepEqual(await ids({ audience: { $overlaps: ['number:n2', 'user:u1'] } }), ['b', 'c']);
        assert.deepEqual(await ids({ audience: { $overlaps: ['user:u1', 'user:u2'] } }), ['c', 'd']);
        assert.deepEqual(await ids({ participants: { $overlaps: ['u1', 'u3'] } }), ['c', 'd']);
        assert.deepEqual(await ids({ audience: { $overlaps: [] } }), []);
        assert.deepEqual(await ids({ audience: { $overlaps: ['user:u2'] }, channel: 'chat', numberId: null }), ['c', 'd']);
        assert.equal(await conversations.count({ audience: { $contains: 'number:*' } }), 2);
      }));
    it('refuses a condition that is undefined, in every call that takes one, instead of matching every record', () =>
      withStore(async (store) => {
        const records = await sample(store);
        // A value missing by mistake, as in `{ messageId: report.messageId }` when the report has none.
        const where = { messageId: undefined } as unknown as Where<CampaignRecipientRecord>;
        const refused = async (call: () => Promise<unknown>, field = 'where.messageId') => {
          await assert.rejects(call, (error: Error) => error.name === 'ValidationError' && (error as Error & { field?: string }).field === field);
        };
        await refused(() => records.find({ where }));
        await refused(() => records.count(where));
        await refused(() => records.countBy(where, 'state'));
        await refused(() => records.deleteMany(where));
        await refused(() => records.updateMany({ where, limit: 10 }, { state: 'failed' }));
        await refused(() => records.update('c1:000000', { state: 'failed' }, { if: where }));
        await refused(() => records.updateEach([['c1:000000', { state: 'failed' }]], { if: where }));
        await refused(() => records.find({ where: { state: 'pending', index: { $gte: undefined } } as unknown as Where<CampaignRecipientRecord> }), 'where.index');
        assert.deepEqual(await indexesWhere(records, { state: 'pending' }), [0, 5, 7], 'nothing changed');
        assert.equal(await records.count(), 10);
      }));
  });

  describe('search', () => {
    it('finds a case-insensitive substring in any of the named fields, strings or string arrays', () =>
      withStore(async (store) => {
        const contacts = store.collection('contacts');
        await contacts.insertMany([
          contact('k1', { name: 'Bob Smith', company: 'Acme' }),
          contact('k2', { name: 'Alice Jones', company: 'SMITHERS Ltd' }),
          contact('k3', { name: 'Carol', company: '', e164s: ['+61412000777', '+61398765432'] }),
          contact('k4', { name: 'Dan', company: 'Blacksmith', scope: 'personal', ownerId: 'u1' }),
        ]);
        const ids = async (query: Query<ContactRecord>) => keys((await contacts.find({ ...query, limit: 100 })).items);
        assert.deepEqual(await ids({ search: { fields: ['name'], text: 'smith' } }), ['k1']);
        assert.deepEqual(await ids({ search: { fields: ['name', 'company'], text: 'SMITH' } }), ['k1', 'k2', 'k4']);
        assert.deepEqual(await ids({ search: { fields: ['e164s'], text: '000777' } }), ['k3']);
        assert.deepEqual(await ids({ search: { fields: ['name', 'e164s'], text: '987' } }), ['k3']);
        assert.deepEqual(await ids({ search: { fields: ['name', 'company'], text: 'smith' }, where: { scope: 'global' } }), ['k1', 'k2']);
        assert.deepEqual(await ids({ search: { fields: ['name'], text: 'nobody' } }), []);
        assert.deepEqual(await ids({ search: { fields: ['name', 'company'], text: 'ice jo' } }), ['k2']);
        assert.deepEqual(await ids({ search: { fields: ['name', 'company'], text: '%' } }), [], 'no wildcards');
        assert.deepEqual(await ids({ search: { fields: ['name', 'company'], text: '_' } }), [], 'no wildcards');
      }));
  });

  describe('order', () => {
    it('sorts by the key ascending unless told otherwise', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany([recipient(3), recipient(1), recipient(2), recipient(0)]);
        assert.deepEqual(keys((await records.find()).items), ['c1:000000', 'c1:000001', 'c1:000002', 'c1:000003']);
      }));

    it('sorts by several fields, each ascending or descending, with the key breaking ties', () =>
      withStore(async (store) => {
        const entries = store.collection('blocklist');
        await entries.insertMany([
          blocked(1, { source: 'manual', addedAt: at(10) }),
          blocked(2, { source: 'opt-out', addedAt: at(20) }),
          blocked(3, { source: 'manual', addedAt: at(20) }),
          blocked(4, { source: 'opt-out', addedAt: at(20) }),
          blocked(5, { source: 'import', addedAt: at(5) }),
          blocked(6, { source: 'manual', addedAt: at(20) }),
        ]);
        const order = async (orderBy: Query<BlocklistEntry>['orderBy']) =>
          (await entries.find({ orderBy })).items.map((entry) => Number(entry.e164.slice(-2)));
        assert.deepEqual(await order([['addedAt', 'desc']]), [2, 3, 4, 6, 1, 5]);
        assert.deepEqual(await order([['addedAt', 'asc']]), [5, 1, 2, 3, 4, 6]);
        assert.deepEqual(await order([['source', 'asc'], ['addedAt', 'desc']]), [5, 3, 6, 1, 2, 4]);
        assert.deepEqual(await order([['source', 'desc'], ['addedAt', 'asc']]), [2, 4, 1, 3, 6, 5]);
        assert.deepEqual(await order([['e164', 'desc']]), [6, 5, 4, 3, 2, 1]);
      }));

    it('puts null after every value ascending, and before them descending', () =>
      withStore(async (store) => {
        const records = await sample(store);
        const ascending = await records.find({ orderBy: [['line', 'asc']], limit: 100 });
        assert.deepEqual(ascending.items.map((record) => record.index), [0, 1, 2, 3, 4, 6, 7, 8, 5, 9]);
        const descending = await records.find({ orderBy: [['line', 'desc']], limit: 100 });
        assert.deepEqual(descending.items.map((record) => record.index), [5, 9, 8, 7, 6, 4, 3, 2, 1, 0]);
      }));

    it('sorts numbers as numbers, not as text', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany([5, 100, 20, 3, 1000].map((index) => recipient(index, { id: `r${index}` })));
        const page = await records.find({ orderBy: [['index', 'asc']] });
        assert.deepEqual(page.items.map((record) => record.index), [3, 5, 20, 100, 1000]);
      }));
  });

  describe('counting', () => {
    it('counts all records, or those matching', () =>
      withStore(async (store) => {
        const records = await sample(store);
        assert.equal(await records.count(), 10);
        assert.equal(await records.count({}), 10);
        assert.equal(await records.count({ campaignId: 'c1' }), 8);
        assert.equal(await records.count({ campaignId: 'c1', state: 'pending' }), 2);
        assert.equal(await records.count({ campaignId: 'c3' }), 0);
      }));

    it('counts by the values of a field, only the values present', () =>
      withStore(async (store) => {
        const records = await sample(store);
        assert.deepEqual(await records.countBy({ campaignId: 'c1' }, 'state'), {
          pending: 2, sent: 2, failed: 1, blocked: 1, delivered: 1, invalid: 1,
        });
        assert.deepEqual(await records.countBy({}, 'campaignId'), { c1: 8, c2: 2 });
        assert.deepEqual(await records.countBy({ campaignId: 'c3' }, 'state'), {});
      }));
  });
}
