import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, keys, recipient, recipients, usage } from './fixtures.js';
import type { WithStore } from './harness.js';

export function atomicTests(withStore: WithStore): void {
  describe('update (compare-and-set)', () => {
    it('changes the given fields, keeps the others, and returns the record as changed', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insert(recipient(1));
        const changed = await records.update('c1:000001', { state: 'sent', messageId: 'm1' });
        assert.deepEqual(changed, { ...recipient(1), state: 'sent', messageId: 'm1' });
        assert.deepEqual(await records.get('c1:000001'), changed);
      }));

    it('returns null for a missing key and creates nothing', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        assert.equal(await records.update('c1:000001', { state: 'sent' }), null);
        assert.equal(await records.count(), 0);
      }));

    it('changes only when the record matches `if`; otherwise returns null and leaves it as it was', () =>
      withStore(async (store) => {
        const messages = store.collection('campaignRecipients');
        await messages.insert(recipient(1, { state: 'sending' }));
        assert.equal(await messages.update('c1:000001', { state: 'delivered' }, { if: { state: 'pending' } }), null);
        assert.deepEqual(await messages.get('c1:000001'), recipient(1, { state: 'sending' }));
        const sent = await messages.update('c1:000001', { state: 'sent' }, { if: { state: { $in: ['pending', 'sending'] }, messageId: null } });
        assert.equal(sent?.state, 'sent');
        assert.equal(await messages.update('c1:000001', { state: 'sending' }, { if: { state: { $in: ['pending', 'sending'] } } }), null);
        assert.equal((await messages.get('c1:000001'))?.state, 'sent');
        assert.equal(await messages.update('c1:000009', { state: 'sent' }, { if: { state: 'pending' } }), null);
      }));

    it('compares an object field in `if` by value, as the engine does on a conversation\'s last message', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insert(recipient(1));
        assert.equal(await records.update('c1:000001', { state: 'sent' }, { if: { fields: { first_name: 'Someone else' } } }), null);
        assert.equal(await records.update('c1:000001', { state: 'sent' }, { if: { fields: { first_name: 'Ann1', extra: 'x' } } }), null);
        const changed = await records.update('c1:000001', { state: 'sent' }, { if: { fields: { first_name: 'Ann1' } } });
        assert.equal(changed?.state, 'sent');
      }));

    it('lets exactly one of several racing compare-and-sets win', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insert(recipient(1));
        const results = await Promise.all(
          ['r1', 'r2', 'r3', 'r4'].map((error) => records.update('c1:000001', { state: 'failed', error }, { if: { state: 'pending' } })),
        );
        const winners = results.filter((result) => result !== null);
        assert.equal(winners.length, 1);
        assert.deepEqual(await records.get('c1:000001'), winners[0]);
      }));
  });

  describe('updateEach', () => {
    it('patches each named record, in order, and returns the keys it changed (missing ones are skipped)', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany(recipients(4));
        const changed = await records.updateEach([
          ['c1:000002', { state: 'sent', messageId: 'm2' }],
          ['c1:000009', { state: 'sent' }],
          ['c1:000000', { error: 'first', updatedAt: at(50) }],
        ]);
        assert.deepEqual(changed, ['c1:000002', 'c1:000000']);
        assert.deepEqual(await records.get('c1:000002'), recipient(2, { state: 'sent', messageId: 'm2' }));
        assert.deepEqual(await records.get('c1:000000'), recipient(0, { error: 'first', updatedAt: at(50) }));
        assert.deepEqual(await records.get('c1:000001'), recipient(1));
        assert.equal(await records.get('c1:000009'), null, 'nothing is created');
        assert.equal(await records.count({ state: 'sent' }), 1);
        assert.deepEqual(await records.updateEach([]), []);
      }));

    it('changes only records that match `if` when their turn comes; a key named twice sees its first change', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany([recipient(0), recipient(1, { state: 'failed' }), recipient(2)]);
        const changed = await records.updateEach(
          [['c1:000000', { state: 'sent' }], ['c1:000001', { state: 'sent' }], ['c1:000002', { state: 'sent', error: 'first' }], ['c1:000002', { state: 'sent', error: 'second' }]],
          { if: { state: 'pending' } },
        );
        assert.deepEqual(changed, ['c1:000000', 'c1:000002']);
        assert.equal((await records.get('c1:000001'))?.state, 'failed');
        assert.equal((await records.get('c1:000002'))?.error, 'first');
        assert.equal(await records.count({ state: 'pending' }), 0);
      }));

    it('lets exactly one of several racing conditional batches change each record', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany(recipients(30));
        const batch = (run: number) => records.updateEach(recipients(30).map((record) => [record.id, { state: 'sent', error: `run ${run}` }] as const), { if: { state: 'pending' } });
        const runs = await Promise.all([batch(1), batch(2), batch(3)]);
        assert.equal(runs.flat().length, 30);
        assert.equal(new Set(runs.flat()).size, 30);
        for (const [position, keys] of runs.entries()) {
          for (const key of keys) assert.equal((await records.get(key))?.error, `run ${position + 1}`);
        }
      }));
  });

  describe('updateMany (claiming)', () => {
    it('claims exactly `limit` matching records in the query order and returns them as changed', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        // Inserted out of order, with another campaign and a non-pending one in between.
        const mine = recipients(30).reverse();
        await records.insertMany([...mine.slice(0, 15), ...recipients(10, { campaignId: 'c2' }), ...mine.slice(15)]);
        await records.update('c1:000002', { state: 'sent' });
        const claim = { where: { campaignId: 'c1', state: 'pending' as const }, orderBy: [['index', 'asc']] as const, limit: 5 };
        const first = await records.updateMany(claim, { state: 'sending', error: 'run 1', updatedAt: at(100) });
        assert.deepEqual(first.map((record) => record.index), [0, 1, 3, 4, 5]);
        for (const record of first) assert.deepEqual(record, recipient(record.index, { state: 'sending', error: 'run 1', updatedAt: at(100) }));
        const second = await records.updateMany(claim, { state: 'sending', error: 'run 2' });
        assert.deepEqual(second.map((record) => record.index), [6, 7, 8, 9, 10]);
        assert.equal(await records.count({ campaignId: 'c1', state: 'sending' }), 10);
        assert.equal(await records.count({ campaignId: 'c2', state: 'pending' }), 10);
        const descending = await records.updateMany({ ...claim, orderBy: [['index', 'desc']], limit: 3 }, { state: 'sending' });
        assert.deepEqual(descending.map((record) => record.index), [29, 28, 27]);
      }));

    it('claims what is left, then nothing', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany(recipients(7));
        const claim = { where: { state: 'pending' as const }, orderBy: [['index', 'asc']] as const, limit: 5 };
        assert.equal((await records.updateMany(claim, { state: 'sending' })).length, 5);
        assert.equal((await records.updateMany(claim, { state: 'sending' })).length, 2);
        assert.deepEqual(await records.updateMany(claim, { state: 'sending' }), []);
      }));

    it('never gives the same record to two concurrent claims', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany(recipients(100));
        const claim = (attempt: number) =>
          records.updateMany({ where: { campaignId: 'c1', state: 'pending' }, orderBy: [['index', 'asc']], limit: 30 }, { state: 'sending', error: `run ${attempt}` });
        const batches = await Promise.all([claim(1), claim(2), claim(3), claim(4)]);
        const claimed = batches.flat();
        assert.equal(claimed.length, 100);
        assert.equal(new Set(keys(claimed)).size, 100);
        for (const [position, batch] of batches.entries()) {
          for (const record of batch) assert.equal((await records.get(record.id))?.error, `run ${position + 1}`);
        }
        assert.equal(await records.count({ state: 'pending' }), 0);
      }));
  });

  describe('increment', () => {
    it('creates the record from `init`, then adds the deltas', () =>
      withStore(async (store) => {
        const counters = store.collection('usage');
        const first = await counters.increment('2025-03:x1', { messages: 1, segments: 2, cost: 5 }, usage('2025-03:x1'));
        assert.deepEqual(first, usage('2025-03:x1', { messages: 1, segments: 2, cost: 5 }));
        const second = await counters.increment('2025-03:x1', { segments: 3, inbound: 1 }, usage('2025-03:x1', { messages: 100 }));
        assert.deepEqual(second, usage('2025-03:x1', { messages: 1, segments: 5, cost: 5, inbound: 1 }));
        assert.deepEqual(await counters.get('2025-03:x1'), second);
        const seeded = await counters.increment('2025-04:x1', {}, usage('2025-04:x1', { month: '2025-04', cost: 7 }));
        assert.equal(seeded.cost, 7);
        const negative = await counters.increment('2025-04:x1', { cost: -2 }, usage('2025-04:x1'));
        assert.equal(negative.cost, 5);
      }));

    it('counts every one of many concurrent increments, including those racing to create', () =>
      withStore(async (store) => {
        const counters = store.collection('usage');
        await Promise.all(
          Array.from({ length: 50 }, (_, index) => counters.increment(`2025-03:x${index % 2}`, { messages: 1, segments: index }, usage(`2025-03:x${index % 2}`))),
        );
        const even = await counters.get('2025-03:x0');
        const odd = await counters.get('2025-03:x1');
        assert.equal(even?.messages, 25);
        assert.equal(odd?.messages, 25);
        assert.equal((even?.segments ?? 0) + (odd?.segments ?? 0), (49 * 50) / 2);
        assert.equal(await counters.count(), 2);
      }));
  });
}
