import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSmsError } from '../../../src/errors/sms-error.js';
import { isStoreConflictError, type StoreConflictError } from '../../../src/errors/store-conflict-error.js';
import { keys, recipient, recipients } from './fixtures.js';
import type { WithStore } from './harness.js';

function isConflictOn(key: string): (error: unknown) => boolean {
  return (error) => {
    assert.ok(isStoreConflictError(error), `expected a StoreConflictError, got ${String(error)}`);
    assert.ok(isSmsError(error));
    const conflict = error as StoreConflictError;
    assert.equal(conflict.code, 'store.conflict');
    assert.equal(conflict.collection, 'campaignRecipients');
    assert.equal(conflict.key, key);
    return true;
  };
}

export function writeTests(withStore: WithStore): void {
  describe('reads and writes by key', () => {
    it('gets null for a missing key, and an inserted record as it was given', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        assert.equal(await records.get('c1:000001'), null);
        await records.insert(recipient(1));
        assert.deepEqual(await records.get('c1:000001'), recipient(1));
      }));

    it('refuses to insert a taken key with a StoreConflictError naming the collection and key, keeping the first', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insert(recipient(1));
        await assert.rejects(records.insert(recipient(1, { state: 'sent' })), isConflictOn('c1:000001'));
        assert.equal((await records.get('c1:000001'))?.state, 'pending');
      }));

    it('gets many in the order of the keys asked for, leaving out missing ones', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany(recipients(5));
        const found = await records.getMany(['c1:000003', 'c1:999999', 'c1:000000', 'c1:000004']);
        assert.deepEqual(keys(found), ['c1:000003', 'c1:000000', 'c1:000004']);
        assert.deepEqual(await records.getMany([]), []);
      }));

    it('inserts many at once, all or nothing when a key is taken or repeated', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany(recipients(3));
        assert.equal(await records.count(), 3);
        const clashing = [recipient(10), recipient(11), recipient(2)];
        await assert.rejects(records.insertMany(clashing), isConflictOn('c1:000002'));
        assert.equal(await records.count(), 3);
        assert.equal(await records.get('c1:000010'), null);
        const repeated = [recipient(20), recipient(21), recipient(20)];
        await assert.rejects(records.insertMany(repeated), isConflictOn('c1:000020'));
        assert.equal(await records.count(), 3);
        await records.insertMany([]);
        assert.equal(await records.count(), 3);
      }));

    it('inserts if absent: true the first time, false after, the first record kept', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        assert.equal(await records.insertIfAbsent(recipient(1)), true);
        assert.equal(await records.insertIfAbsent(recipient(1, { state: 'sent' })), false);
        assert.equal(await records.insertIfAbsent(recipient(1, { state: 'failed' })), false);
        assert.equal((await records.get('c1:000001'))?.state, 'pending');
        assert.equal(await records.count(), 1);
      }));

    it('inserts if absent exactly once when racing itself', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        const results = await Promise.all(Array.from({ length: 10 }, (_, index) => records.insertIfAbsent(recipient(1, { error: `run ${index}` }))));
        assert.equal(results.filter(Boolean).length, 1);
        assert.equal((await records.get('c1:000001'))?.error, `run ${results.indexOf(true)}`);
      }));

    it('inserts many if absent: adds each whose key is free, once, and returns their keys in order', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany([recipient(1), recipient(3)]);
        const batch = [recipient(0), recipient(1, { state: 'sent' }), recipient(2), recipient(3, { state: 'failed' }), recipient(2, { error: 'again' })];
        assert.deepEqual(await records.insertManyIfAbsent(batch), ['c1:000000', 'c1:000002']);
        assert.deepEqual(await records.getMany(['c1:000000', 'c1:000001', 'c1:000002', 'c1:000003']), [recipient(0), recipient(1), recipient(2), recipient(3)]);
        assert.deepEqual(await records.insertManyIfAbsent(batch), []);
        assert.deepEqual(await records.insertManyIfAbsent([]), []);
        assert.equal(await records.count(), 4);
        assert.equal(await records.count({ state: 'pending' }), 4, 'the indexes hold what was added, and only that');
      }));

    it('inserts many if absent exactly once per key when racing itself', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        const runs = await Promise.all(Array.from({ length: 5 }, (_, run) => records.insertManyIfAbsent(recipients(20, { error: `run ${run}` }))));
        const added = runs.flat();
        assert.equal(added.length, 20);
        assert.equal(new Set(added).size, 20);
        for (const [run, keys] of runs.entries()) {
          for (const key of keys) assert.equal((await records.get(key))?.error, `run ${run}`);
        }
      }));

    it('puts: adds a new record, or replaces the whole of an existing one', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.put(recipient(1));
        assert.deepEqual(await records.get('c1:000001'), recipient(1));
        const replacement = recipient(1, { state: 'sent', fields: {}, messageId: 'm1' });
        await records.put(replacement);
        assert.deepEqual(await records.get('c1:000001'), replacement);
        assert.equal(await records.count(), 1);
        assert.equal(await records.count({ state: 'pending' }), 0);
        assert.equal(await records.count({ state: 'sent' }), 1);
      }));

    it('deletes one by key (true once), and many by a condition (how many)', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany([...recipients(4), ...recipients(3, { campaignId: 'c2' })]);
        assert.equal(await records.delete('c1:000000'), true);
        assert.equal(await records.delete('c1:000000'), false);
        assert.equal(await records.get('c1:000000'), null);
        assert.equal(await records.deleteMany({ campaignId: 'c2' }), 3);
        assert.equal(await records.deleteMany({ campaignId: 'c2' }), 0);
        assert.deepEqual(keys((await records.find()).items), ['c1:000001', 'c1:000002', 'c1:000003']);
        assert.equal(await records.deleteMany({ index: { $gte: 2 } }), 2);
        assert.equal(await records.count(), 1);
        assert.equal(await records.deleteMany({}), 1);
        assert.equal(await records.count(), 0);
        // A deleted key can be used again.
        await records.insert(recipient(0));
        assert.equal(await records.count({ campaignId: 'c1' }), 1);
      }));
  });
}
