import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COLLECTIONS, type CollectionName } from '../../../src/ports/store.js';
import { conversation, recipient, usage } from './fixtures.js';
import type { WithStore } from './harness.js';

/** A record for any collection: its key, and a value in each indexed field (an array where the model has one). */
function anyRecord(name: CollectionName, suffix: string): Record<string, unknown> {
  const spec = COLLECTIONS[name];
  const record: Record<string, unknown> = { [spec.key]: `${name}-${suffix}`, note: `note ${suffix}` };
  for (const field of spec.indexes) record[field] = field === 'audience' ? [`user:${suffix}`] : `${field}-${suffix}`;
  return record;
}

export function copyTests(withStore: WithStore): void {
  describe('records are values', () => {
    it('gives copies: changing a record read back changes nothing stored', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany([recipient(1), recipient(2), recipient(3)]);
        const got = (await records.get('c1:000001'))!;
        got.state = 'failed';
        got.fields.first_name = 'Changed';
        const [many] = await records.getMany(['c1:000001']);
        many!.fields.extra = 'x';
        const found = (await records.find({ where: { index: 1 } })).items[0]!;
        found.fields.first_name = 'Found';
        const updated = (await records.update('c1:000002', { state: 'sent' }))!;
        updated.fields.first_name = 'Updated';
        const [claimed] = await records.updateMany({ where: { index: 3 } }, { state: 'sending' });
        claimed!.fields.first_name = 'Claimed';
        assert.deepEqual(await records.get('c1:000001'), recipient(1));
        assert.deepEqual(await records.get('c1:000002'), recipient(2, { state: 'sent' }));
        assert.deepEqual(await records.get('c1:000003'), recipient(3, { state: 'sending' }));
        const counters = store.collection('usage');
        const counted = await counters.increment('u', { messages: 1 }, usage('u'));
        counted.messages = 99;
        assert.equal((await counters.get('u'))?.messages, 1);
      }));

    it('keeps copies: changing an object after writing it changes nothing stored', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        const inserted = recipient(1);
        await records.insert(inserted);
        inserted.fields.first_name = 'Changed';
        inserted.state = 'failed';
        const batch = [recipient(2), recipient(3)];
        await records.insertMany(batch);
        batch[0]!.fields.first_name = 'Changed';
        const put = recipient(4);
        await records.put(put);
        put.fields.first_name = 'Changed';
        const patch = { fields: { first_name: 'Patched' } };
        await records.update('c1:000003', patch);
        patch.fields.first_name = 'Changed';
        const claimed = [recipient(5), recipient(6)];
        await records.insertManyIfAbsent(claimed);
        claimed[0]!.fields.first_name = 'Changed';
        const each = { fields: { first_name: 'Each' } };
        await records.updateEach([['c1:000006', each]]);
        each.fields.first_name = 'Changed';
        const init = usage('u');
        await store.collection('usage').increment('u', { messages: 1 }, init);
        init.month = 'Changed';
        assert.deepEqual(await records.get('c1:000001'), recipient(1));
        assert.deepEqual(await records.get('c1:000002'), recipient(2));
        assert.deepEqual(await records.get('c1:000003'), recipient(3, { fields: { first_name: 'Patched' } }));
        assert.deepEqual(await records.get('c1:000004'), recipient(4));
        assert.deepEqual(await records.get('c1:000005'), recipient(5));
        assert.deepEqual(await records.get('c1:000006'), recipient(6, { fields: { first_name: 'Each' } }));
        assert.equal((await store.collection('usage').get('u'))?.month, '2025-03');
        assert.equal(await records.count({ state: 'failed' }), 0);
      }));

    it('keeps what JSON keeps: nested objects, arrays, null, numbers, booleans and any text', () =>
      withStore(async (store) => {
        const conversations = store.collection('conversations');
        const record = conversation('x', {
          participants: ['u1', 'ü2 ✓ 😀', ''],
          lastMessage: { id: 'm1', body: 'Line 1\nLine 2 "quoted" \\ émoji 😀 \t', direction: 'inbound', status: 'received', createdAt: '2025-03-01T00:00:00.000Z' },
          keyword: null,
        });
        await conversations.insert(record);
        assert.deepEqual(await conversations.get('x'), record);
        const campaigns = store.collection('usage');
        const numbers = usage('n', { messages: 0, segments: -3, cost: 2 ** 40 + 1, inbound: 1.5 });
        await campaigns.insert(numbers);
        assert.deepEqual(await campaigns.get('n'), numbers);
        const settings = store.collection('settings');
        const nested = { id: 's', deep: { list: [1, 'two', null, true, { three: [3] }], flag: false, empty: {}, none: [] } };
        await settings.insert(nested as never);
        assert.deepEqual(await settings.get('s'), nested);
      }));

    it('drops fields set to undefined from a patch (they keep their value)', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insert(recipient(1, { error: 'kept' }));
        const updated = await records.update('c1:000001', { state: 'sent', error: undefined });
        assert.deepEqual(updated, recipient(1, { state: 'sent', error: 'kept' }));
      }));
  });

  describe('collections', () => {
    for (const name of Object.keys(COLLECTIONS) as CollectionName[]) {
      it(`${name}: stores, finds by key and by each indexed field, counts and deletes`, () =>
        withStore(async (store) => {
          const collection = store.collection(name);
          const spec = COLLECTIONS[name];
          const [one, two] = [anyRecord(name, 'a'), anyRecord(name, 'b')];
          await collection.insertMany([one, two] as never);
          const key = one[spec.key] as string;
          assert.deepEqual(await collection.get(key), one);
          for (const field of spec.indexes) {
            const where = field === 'audience' ? { audience: { $contains: 'user:a' } } : { [field]: one[field] };
            const page = await collection.find({ where: where as never });
            assert.deepEqual(page.items, [one], `find by ${field}`);
          }
          assert.equal(await collection.count(), 2);
          assert.equal(await collection.delete(key), true);
          assert.deepEqual((await collection.find()).items, [two]);
        }));
    }

    it('keeps collections apart: the same key in two collections is two records', () =>
      withStore(async (store) => {
        await store.collection('templates').insert(anyRecord('templates', 'same') as never);
        await store.collection('keywords').insert({ ...anyRecord('keywords', 'same'), id: 'templates-same' } as never);
        assert.equal(await store.collection('templates').count(), 1);
        assert.equal(await store.collection('keywords').count(), 1);
        assert.equal(await store.collection('lists').count(), 0);
        assert.equal(await store.collection('keywords').delete('templates-same'), true);
        assert.notEqual(await store.collection('templates').get('templates-same'), null);
      }));
  });
}
