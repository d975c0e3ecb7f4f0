import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_QUERY_LIMIT, SYSTEM_SCOPE } from '../../../src/ports/store.js';
import { at, blocked, mobile, recipient } from './fixtures.js';
import type { WithStore } from './harness.js';

/** Each organisation's records are its own: the same keys in two scopes are two records, and no query crosses. */
export function scopeTests(withStore: WithStore): void {
  describe('organisation scopes', () => {
    it('keeps the same key in two organisations as two records, each read and changed in its own scope alone', () =>
      withStore(async (_, store) => {
        const a = store.scope('acme').collection('blocklist');
        const b = store.scope('globex').collection('blocklist');
        await a.insert(blocked(1, { reason: 'Acme customer' }));
        await b.insert(blocked(1, { reason: 'Globex customer' }));
        assert.equal((await a.get(mobile(1)))?.reason, 'Acme customer');
        assert.equal((await b.get(mobile(1)))?.reason, 'Globex customer');
        await a.update(mobile(1), { reason: 'Changed at Acme' });
        assert.equal((await b.get(mobile(1)))?.reason, 'Globex customer');
        assert.equal(await b.insertIfAbsent(blocked(2)), true);
        assert.equal(await a.get(mobile(2)), null);
        assert.equal(await a.delete(mobile(2)), false);
        assert.equal(await a.count(), 1);
        assert.deepEqual((await a.find({ search: { fields: ['reason'], text: 'globex' } })).items, []);
        assert.deepEqual(await a.deleteMany({ source: 'manual' }), 1);
        assert.equal(await b.count(), 2, 'the other organisation keeps its records');
      }));

    it('answers every query of a scope from its own records: find, count, countBy, updateMany, updateEach', () =>
      withStore(async (_, store) => {
        const a = store.scope('acme').collection('campaignRecipients');
        const b = store.scope('globex').collection('campaignRecipients');
        await a.insertMany([recipient(0), recipient(1)]);
        await b.insertMany([recipient(0), recipient(1), recipient(2)]);
        assert.equal(await a.count({ state: 'pending' }), 2);
        assert.deepEqual(await a.countBy({}, 'state'), { pending: 2 });
        assert.equal((await a.find({ orderBy: [['index', 'asc']], limit: 10 })).items.length, 2);
        assert.equal((await a.updateMany({ where: { state: 'pending' }, limit: 10 }, { state: 'sent' })).length, 2);
        assert.deepEqual(await b.countBy({}, 'state'), { pending: 3 });
        assert.deepEqual(await b.updateEach([[recipient(2).id, { state: 'failed' }]]), [recipient(2).id]);
        assert.deepEqual(await a.updateEach([[recipient(2).id, { state: 'failed' }]]), [], 'no such record in this scope');
      }));

    it('clears one organisation, every collection of it, and nothing of another', () =>
      withStore(async (_, store) => {
        const acme = store.scope('acme');
        await acme.collection('blocklist').insert(blocked(1));
        await acme.collection('campaignRecipients').insertMany([recipient(0), recipient(1)]);
        await store.scope('globex').collection('blocklist').insert(blocked(1));
        assert.equal(await acme.clear(), 3);
        assert.equal(await store.scope('acme').collection('blocklist').count(), 0);
        assert.equal(await store.scope('acme').collection('campaignRecipients').count(), 0);
        assert.equal(await store.scope('globex').collection('blocklist').count(), 1);
      }));

    it('finds across organisations, each record with its organisation, in order, up to the limit', () =>
      withStore(async (_, store) => {
        await store.scope('acme').collection('blocklist').insertMany([blocked(1, { addedAt: at(3) }), blocked(2, { addedAt: at(1) })]);
        await store.scope('globex').collection('blocklist').insertMany([blocked(1, { addedAt: at(2) }), blocked(3, { source: 'import', addedAt: at(0) })]);
        const all = await store.across('blocklist').find({ where: { source: 'manual' }, orderBy: [['addedAt', 'asc']], limit: 10 });
        assert.deepEqual(all.map(({ organisationId, record }) => [organisationId, record.e164]), [
          ['acme', mobile(2)], ['globex', mobile(1)], ['acme', mobile(1)],
        ]);
        const first = await store.across('blocklist').find({ orderBy: [['addedAt', 'desc']], limit: 1 });
        assert.deepEqual(first.map(({ organisationId, record }) => [organisationId, record.e164]), [['acme', mobile(1)]]);
        const same = await store.across('blocklist').find({ where: { e164: mobile(1) } });
        assert.deepEqual(same.map(({ organisationId }) => organisationId).sort(), ['acme', 'globex']);
        await assert.rejects(store.across('blocklist').find({ limit: MAX_QUERY_LIMIT + 1 }), { name: 'ValidationError' });
      }));

    it('keeps the system scope apart like any organisation', () =>
      withStore(async (scope, store) => {
        await store.scope(SYSTEM_SCOPE).collection('addresses').insert({ address: '+61480000001', organisationId: 'acme', numberId: 'num1' });
        assert.equal(await scope.collection('addresses').count(), 0);
        const found = await store.across('addresses').find({ where: { address: '+61480000001' } });
        assert.deepEqual(found, [{ organisationId: SYSTEM_SCOPE, record: { address: '+61480000001', organisationId: 'acme', numberId: 'num1' } }]);
      }));
  });
}
