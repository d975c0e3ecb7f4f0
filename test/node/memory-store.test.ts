import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { isValidationError } from '../../src/errors/validation-error.js';
import { MAX_QUERY_LIMIT, type CampaignRecipientRecord, type Query } from '../../src/ports/store.js';
import { runStoreContract } from '../contract/store.contract.js';
import { at, recipient, recipients } from '../contract/store/fixtures.js';
import { modelFind } from '../contract/store/model.js';

runStoreContract({ name: 'memory', create: () => createMemoryStore() });

/** Big enough that the store keeps sorted views of buckets and of the whole collection. */
const MANY = 150;

type Op =
  | { kind: 'update'; at: number; state: CampaignRecipientRecord['state']; index: number | null }
  | { kind: 'delete'; at: number }
  | { kind: 'insert'; at: number; campaignId: string }
  | { kind: 'insertMany'; at: number[]; campaignId: string }
  | { kind: 'each'; at: number[]; state: CampaignRecipientRecord['state']; index: number | null; onlyPending: boolean }
  | { kind: 'claim'; campaignId: string; limit: number; descending: boolean }
  | { kind: 'find'; query: Query<CampaignRecipientRecord>; limit: number };

// `sent` and `delivered` are left out of the state index (COLLECTIONS' `unindexed`): queries for them still answer.
const state = fc.constantFrom('pending', 'sending', 'sent', 'delivered' as const);
const queries: fc.Arbitrary<Query<CampaignRecipientRecord>> = fc.record({
  where: fc.constantFrom(
    {}, { campaignId: 'c1' }, { state: 'pending' }, { campaignId: 'c2', state: { $in: ['pending', 'sent'] } }, { state: 'delivered' },
    { campaignId: 'c1', state: 'sent' }, { messageId: null, state: 'sending' },
  ),
  orderBy: fc.constantFrom([], [['index', 'asc']], [['index', 'desc'], ['updatedAt', 'asc']], [['state', 'asc']]),
}) as fc.Arbitrary<Query<CampaignRecipientRecord>>;
const ops: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('update' as const), at: fc.nat(MANY + 20), state, index: fc.option(fc.nat(30), { nil: null }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(MANY + 20) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(MANY + 20), campaignId: fc.constantFrom('c1', 'c2') }),
  fc.record({ kind: fc.constant('insertMany' as const), at: fc.array(fc.nat(MANY + 20), { maxLength: 8 }), campaignId: fc.constantFrom('c1', 'c2') }),
  fc.record({
    kind: fc.constant('each' as const), at: fc.array(fc.nat(MANY + 20), { maxLength: 8 }), state, index: fc.option(fc.nat(30), { nil: null }), onlyPending: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('claim' as const), campaignId: fc.constantFrom('c1', 'c2'), limit: fc.integer({ min: 1, max: 40 }), descending: fc.boolean() }),
  fc.record({ kind: fc.constant('find' as const), query: queries, limit: fc.integer({ min: 1, max: 60 }) }),
);

function keyOf(position: number): string {
  return `r${String(position).padStart(4, '0')}`;
}

describe('memory store', () => {
  it('stays right through any mix of writes (one at a time and in batches), claims and paged reads (the sorted views it keeps)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ops, { minLength: 10, maxLength: 60, size: 'max' }), async (sequence) => {
        const store = createMemoryStore();
        const records = store.scope('acme').collection('campaignRecipients');
        const model = new Map<string, CampaignRecipientRecord>();
        const seed = Array.from({ length: MANY }, (_, position) =>
          recipient(position % 30, { id: keyOf(position), campaignId: position % 3 === 0 ? 'c2' : 'c1', updatedAt: at(position % 5) }),
        );
        await records.insertMany(seed);
        for (const record of seed) model.set(record.id, record);
        const rows = () => [...model.values()] as unknown as Record<string, unknown>[];
        for (const op of sequence) {
          if (op.kind === 'update') {
            const patch = op.index === null ? { state: op.state } : { state: op.state, index: op.index };
            const changed = await records.update(keyOf(op.at), patch);
            const before = model.get(keyOf(op.at));
            assert.equal(changed !== null, before !== undefined);
            if (before) model.set(before.id, { ...before, ...patch });
          } else if (op.kind === 'delete') {
            assert.equal(await records.delete(keyOf(op.at)), model.delete(keyOf(op.at)));
          } else if (op.kind === 'insert') {
            const record = recipient(op.at % 30, { id: keyOf(op.at), campaignId: op.campaignId });
            assert.equal(await records.insertIfAbsent(record), !model.has(record.id));
            if (!model.has(record.id)) model.set(record.id, record);
          } else if (op.kind === 'insertMany') {
            const batch = op.at.map((position) => recipient(position % 30, { id: keyOf(position), campaignId: op.campaignId }));
            const expected: string[] = [];
            for (const record of batch) {
              if (model.has(record.id)) continue;
              model.set(record.id, record);
              expected.push(record.id);
            }
            assert.deepEqual(await records.insertManyIfAbsent(batch), expected);
          } else if (op.kind === 'each') {
            const patch = op.index === null ? { state: op.state } : { state: op.state, index: op.index };
            const expected: string[] = [];
            for (const position of op.at) {
              const before = model.get(keyOf(position));
              if (!before || (op.onlyPending && before.state !== 'pending')) continue;
              model.set(before.id, { ...before, ...patch });
              expected.push(before.id);
            }
            const changed = await records.updateEach(op.at.map((position) => [keyOf(position), patch] as const), op.onlyPending ? { if: { state: 'pending' } } : {});
            assert.deepEqual(changed, expected);
          } else if (op.kind === 'claim') {
            const query: Query<CampaignRecipientRecord> = {
              where: { campaignId: op.campaignId, state: 'pending' },
              orderBy: [['index', op.descending ? 'desc' : 'asc']],
            };
            const expected = modelFind(rows(), query as never).slice(0, op.limit).map((row) => row.id as string);
            const claimed = await records.updateMany({ ...query, limit: op.limit }, { state: 'sending' });
            assert.deepEqual(claimed.map((record) => record.id), expected);
            for (const id of expected) model.set(id, { ...model.get(id)!, state: 'sending' });
          } else {
            const expected = modelFind(rows(), op.query as never).map((row) => row.id as string);
            const seen: string[] = [];
            let cursor: string | undefined;
            do {
              const page = await records.find({ ...op.query, cursor, limit: op.limit });
              seen.push(...page.items.map((record) => record.id));
              cursor = page.nextCursor ?? undefined;
            } while (cursor && seen.length <= expected.length);
            assert.deepEqual(seen, expected);
            assert.equal(await records.count(op.query.where), expected.length);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('claims a large campaign batch after batch in order, however the buckets compare in size', async () => {
    const store = createMemoryStore();
    const records = store.scope('acme').collection('campaignRecipients');
    await records.insertMany([...recipients(2000, { campaignId: 'big' }), ...recipients(500, { campaignId: 'small' })]);
    const claimed: number[] = [];
    for (;;) {
      const batch = await records.updateMany({ where: { campaignId: 'big', state: 'pending' }, orderBy: [['index', 'asc']], limit: 150 }, { state: 'sending' });
      if (batch.length === 0) break;
      claimed.push(...batch.map((record) => record.index));
      // Another campaign's recipients come and go meanwhile.
      await records.updateMany({ where: { campaignId: 'small', state: 'pending' }, orderBy: [['index', 'desc']], limit: 20 }, { state: 'sent' });
    }
    assert.deepEqual(claimed, Array.from({ length: 2000 }, (_, index) => index));
    assert.equal(await records.count({ campaignId: 'small', state: 'sent' }), 280);
  });

  it('starts from a snapshot and exports one, as plain data', async () => {
    const store = createMemoryStore();
    await store.scope('acme').collection('campaignRecipients').insertMany(recipients(3));
    await store.scope('acme').collection('usage').increment('2025-03:x1', { messages: 2 }, { id: '2025-03:x1', month: '2025-03', extensionId: 'x1', departmentId: null, messages: 0, segments: 0, cost: 0, inbound: 0 });
    await store.scope('globex').collection('campaignRecipients').insertMany(recipients(1));
    const snapshot = store.exportSnapshot();
    assert.deepEqual(Object.keys(snapshot).sort(), ['acme', 'globex']);
    assert.deepEqual(Object.keys(snapshot.acme!).sort(), ['campaignRecipients', 'usage']);
    assert.deepEqual(JSON.parse(JSON.stringify(snapshot)), snapshot);
    const copy = createMemoryStore({ snapshot });
    assert.deepEqual(await copy.scope('acme').collection('campaignRecipients').get('c1:000002'), recipient(2));
    assert.equal((await copy.scope('acme').collection('usage').get('2025-03:x1'))?.messages, 2);
    assert.equal(await copy.scope('acme').collection('campaignRecipients').count({ state: 'pending' }), 3);
    assert.equal(await copy.scope('globex').collection('campaignRecipients').count(), 1);
  });

  it('keeps its records after close, so that a new engine can open the same store', async () => {
    const store = createMemoryStore();
    await store.scope('acme').collection('campaignRecipients').insert(recipient(1));
    await store.close();
    assert.deepEqual(await store.scope('acme').collection('campaignRecipients').get('c1:000001'), recipient(1));
  });

  it('refuses what it cannot answer with a ValidationError: unknown operators, foreign cursors, bad limits, keyless records', async () => {
    const records = createMemoryStore().scope('acme').collection('campaignRecipients');
    await records.insertMany(recipients(5));
    const invalid = (field: string) => (error: unknown) => isValidationError(error) && error.field === field;
    await assert.rejects(records.find({ where: { index: { $regex: 'x' } as never } }), invalid('where.index'));
    await assert.rejects(records.find({ where: { index: { $in: [1], $ne: 2 } as never } }), invalid('where.index'));
    await assert.rejects(records.find({ cursor: '!!!' }), invalid('cursor'));
    const other = (await records.find({ orderBy: [['index', 'asc'], ['state', 'asc']], limit: 1 })).nextCursor!;
    await assert.rejects(records.find({ cursor: other }), invalid('cursor'));
    await assert.rejects(records.find({ limit: 0 }), invalid('limit'));
    await assert.rejects(records.updateMany({ limit: 1.5 }, { state: 'sent' }), invalid('limit'));
    await assert.rejects(records.insert({ ...recipient(9), id: undefined } as never), invalid('id'));
    await assert.rejects(records.update('c1:000001', { id: 'other' }), invalid('id'));
    // A batch with one bad record or patch changes nothing.
    await assert.rejects(records.insertManyIfAbsent([recipient(7), { ...recipient(8), id: '' }]), invalid('id'));
    assert.equal(await records.get('c1:000007'), null);
    await assert.rejects(records.updateEach([['c1:000001', { state: 'sent' }], ['c1:000001', { id: 'other' }]]), invalid('id'));
    assert.notEqual((await records.get('c1:000001'))?.state, 'sent');
    assert.equal(await records.count(), 5);
  });

  it('caps the limit at MAX_QUERY_LIMIT', async () => {
    const records = createMemoryStore().scope('acme').collection('campaignRecipients');
    await records.insertMany(recipients(MAX_QUERY_LIMIT + 5));
    const page = await records.find({ limit: MAX_QUERY_LIMIT * 2 });
    assert.equal(page.items.length, MAX_QUERY_LIMIT);
    assert.notEqual(page.nextCursor, null);
  });

  it('writes cursors as base64url of JSON, whatever text the order values hold', async () => {
    const contacts = createMemoryStore().scope('acme').collection('contacts');
    const names = ['Zoë', '李雷', '😀 Smile', 'Ann'];
    await contacts.insertMany(names.map((name, index) => ({
      id: `k${index}`, scope: 'global', ownerId: null, name, company: '', email: null, numbers: [], e164s: [], createdAt: at(0), updatedAt: at(0),
    })));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await contacts.find({ orderBy: [['name', 'desc']], cursor, limit: 1 });
      seen.push(...page.items.map((contact) => contact.name));
      if (page.nextCursor) assert.match(page.nextCursor, /^[A-Za-z0-9_-]+$/);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(seen, [...names].sort().reverse());
  });

  it('stores the JSON form of values: dates as ISO strings, undefined fields left out', async () => {
    const records = createMemoryStore().scope('acme').collection('campaignRecipients');
    await records.insert({ ...recipient(1), updatedAt: new Date(0) as never, error: undefined as never });
    const stored = (await records.get('c1:000001'))!;
    assert.equal(stored.updatedAt, '1970-01-01T00:00:00.000Z');
    assert.equal('error' in stored, false);
    assert.equal(await records.count({ error: null }), 1);
  });
});
