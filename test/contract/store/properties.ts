import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CampaignRecipientRecord, Collection, ConversationRecord, Query } from '../../../src/ports/store.js';
import { at, conversation, recipient } from './fixtures.js';
import type { WithStore } from './harness.js';
import { modelFind } from './model.js';

/** Runs per property. */
const RUNS = 60;

/** Lowercase text and small numbers: orders that any collation agrees on. */
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 3 });
const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null, freq: 3 });

const recipientRows = fc.array(
  fc.record({
    campaignId: fc.constantFrom('c1', 'c2', 'c3'),
    index: fc.integer({ min: 0, max: 12 }),
    state: fc.constantFrom('pending', 'sent', 'failed' as const),
    messageId: nullable(fc.constantFrom('m1', 'm2', 'm3')),
    line: nullable(fc.integer({ min: -2, max: 4 })),
    error: nullable(word),
    updatedAt: fc.constantFrom(at(0), at(1), at(2)),
  }),
  { maxLength: 40 },
).map((rows) => rows.map((row, position) => recipient(row.index, { ...row, id: `r${String(position).padStart(3, '0')}` })));

/** One condition for a field, from values of its kind. */
function condition<V>(values: fc.Arbitrary<V>): fc.Arbitrary<unknown> {
  return fc.oneof(
    values,
    fc.record({ $in: fc.array(values, { maxLength: 3 }) }),
    fc.record({ $ne: values }),
    fc.record({ $exists: fc.boolean() }),
    fc.record({ $gt: values, $lte: values }, { requiredKeys: [] }).filter((range) => Object.keys(range).length > 0),
    fc.record({ $gte: values, $lt: values }, { requiredKeys: [] }).filter((range) => Object.keys(range).length > 0),
  );
}

const recipientQuery = fc.record(
  {
    where: fc.record(
      {
        campaignId: condition(fc.constantFrom('c1', 'c2', 'c4')),
        state: condition(fc.constantFrom('pending', 'sent')),
        messageId: condition(nullable(fc.constantFrom('m1', 'm2'))),
        line: condition(nullable(fc.integer({ min: -1, max: 3 }))),
        index: condition(fc.integer({ min: 0, max: 12 })),
        error: condition(nullable(word)),
        updatedAt: condition(fc.constantFrom(at(0), at(1), at(2))),
      },
      { requiredKeys: [] },
    ),
    search: fc.record({ fields: fc.constantFrom(['error'], ['error', 'campaignId']), text: fc.string({ unit: fc.constantFrom('a', 'B', 'c', '1'), minLength: 1, maxLength: 2 }) }),
    orderBy: fc.array(
      fc.tuple(fc.constantFrom('index', 'state', 'line', 'error', 'updatedAt', 'messageId'), fc.constantFrom('asc' as const, 'desc' as const)),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Query<CampaignRecipientRecord>>;

const conversationRows = fc.array(
  fc.record({
    numberId: nullable(fc.constantFrom('n1', 'n2')),
    audience: fc.subarray(['user:a', 'user:b', 'number:n1', 'number:*']),
    participants: fc.subarray(['a', 'b', 'c']),
    keyword: nullable(word),
    updatedAt: fc.constantFrom(at(0), at(1), at(2)),
  }),
  { maxLength: 40 },
).map((rows) => rows.map((row, position) => conversation(`v${String(position).padStart(3, '0')}`, row)));

const conversationQuery = fc.record(
  {
    where: fc.record(
      {
        audience: fc.oneof(
          fc.record({ $contains: fc.constantFrom('user:a', 'number:*', 'user:z') }),
          fc.record({ $overlaps: fc.subarray(['user:a', 'user:b', 'number:n1', 'user:z']) }),
        ),
        participants: fc.oneof(fc.record({ $contains: fc.constantFrom('a', 'c') }), fc.record({ $overlaps: fc.subarray(['b', 'c']) })),
        numberId: condition(nullable(fc.constantFrom('n1', 'n2'))),
      },
      { requiredKeys: [] },
    ),
    search: fc.record({ fields: fc.constantFrom(['participants'], ['keyword', 'audience']), text: fc.constantFrom('A', 'b', 'user', 'n1', ':') }),
    orderBy: fc.array(fc.tuple(fc.constantFrom('updatedAt', 'numberId', 'keyword'), fc.constantFrom('asc' as const, 'desc' as const)), { maxLength: 2 }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Query<ConversationRecord>>;

/** Lists a query page by page with `limit` and returns the keys. */
async function listKeys<T extends { id: string }>(collection: Collection<T>, query: Query<T>, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await collection.find({ ...query, cursor, limit });
    seen.push(...page.items.map((item) => item.id));
    if (page.nextCursor === null) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('The walk does not end.');
}

type Row = { id: string };

/**
 * Checks `check` on random rows and queries: one store for all runs (emptied and refilled for each), so that slow
 * stores stay affordable.
 */
function againstModel<T extends Row>(
  collection: Collection<T>,
  rows: fc.Arbitrary<T[]>,
  queries: fc.Arbitrary<Query<T>>,
  check: (expected: string[], query: Query<T>, limit: number) => Promise<void>,
): Promise<void> {
  return fc.assert(
    fc.asyncProperty(rows, queries, fc.integer({ min: 1, max: 9 }), async (records, query, limit) => {
      await collection.deleteMany({});
      await collection.insertMany(records);
      const expected = modelFind(records as unknown as Record<string, unknown>[], query as never).map((row) => row.id as string);
      await check(expected, query, limit);
    }),
    { numRuns: RUNS },
  );
}

export function propertyTests(withStore: WithStore): void {
  describe('against a model (fast-check)', () => {
    it('find lists, page after page, exactly what the model filters and sorts; count agrees', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await againstModel(records, recipientRows, recipientQuery, async (expected, query, limit) => {
          assert.deepEqual(await listKeys(records, query, limit), expected);
          if (!query.search) assert.equal(await records.count(query.where), expected.length);
        });
      }));

    it('$contains, $overlaps and search on arrays agree with the model', () =>
      withStore(async (store) => {
        const conversations = store.collection('conversations');
        await againstModel(conversations, conversationRows, conversationQuery, async (expected, query, limit) => {
          assert.deepEqual(await listKeys(conversations, query, limit), expected);
        });
      }));

    it('updateMany changes the first `limit` records the model lists, and only those', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await againstModel(records, recipientRows, recipientQuery, async (expected, query, limit) => {
          const changed = await records.updateMany({ ...query, limit }, { error: 'marked' });
          assert.deepEqual(changed.map((record) => record.id), expected.slice(0, limit));
          const marked = await records.find({ where: { error: 'marked' }, limit: 100 });
          assert.deepEqual(marked.items.map((record) => record.id), expected.slice(0, limit).sort());
        });
      }));
  });
}
