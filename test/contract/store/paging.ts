import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from '../../../src/model/common.js';
import type { CampaignRecipientRecord, Collection, Query } from '../../../src/ports/store.js';
import { at, keys, recipient, recipients } from './fixtures.js';
import type { WithStore } from './harness.js';

type Recipients = Collection<CampaignRecipientRecord>;

/** Every page of a query, following cursors; fails on a runaway walk. */
async function walk(records: Recipients, query: Query<CampaignRecipientRecord>, limit: number): Promise<Page<CampaignRecipientRecord>[]> {
  const pages: Page<CampaignRecipientRecord>[] = [];
  let cursor = query.cursor;
  do {
    const page = await records.find({ ...query, cursor, limit });
    pages.push(page);
    assert.ok(page.items.length <= limit);
    assert.ok(pages.length < 1000, 'the walk does not end');
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

/** Many ties on purpose: 3 states, 10 distinct instants, some lines null. */
function tied(count: number): CampaignRecipientRecord[] {
  const states = ['pending', 'sent', 'failed'] as const;
  return Array.from({ length: count }, (_, index) =>
    recipient(index, { state: states[index % 3]!, updatedAt: at(index % 10), line: index % 7 === 0 ? null : index % 4 }),
  );
}

function assertEveryOnce(pages: Page<CampaignRecipientRecord>[], expected: readonly string[]): void {
  const seen = pages.flatMap((page) => keys(page.items));
  assert.equal(new Set(seen).size, seen.length, 'no record repeated');
  assert.deepEqual(seen, expected, 'every record once, in order');
  for (const page of pages.slice(0, -1)) assert.notEqual(page.nextCursor, null);
  assert.equal(pages.at(-1)!.nextCursor, null);
}

export function pagingTests(withStore: WithStore): void {
  describe('keyset pagination', () => {
    const orders: Query<CampaignRecipientRecord>['orderBy'][] = [
      undefined,
      [['updatedAt', 'desc']],
      [['state', 'asc'], ['updatedAt', 'desc']],
      [['line', 'asc'], ['updatedAt', 'asc']],
      [['line', 'desc'], ['state', 'desc']],
    ];
    for (const orderBy of orders) {
      it(`walks ${JSON.stringify(orderBy ?? 'the key')} in pages of 7 through 300 tied records: each once, in order`, () =>
        withStore(async (store) => {
          const records = store.collection('campaignRecipients');
          await records.insertMany(tied(300));
          const all = await records.find({ orderBy, limit: 1000 });
          assert.equal(all.items.length, 300);
          assert.equal(all.nextCursor, null);
          assertEveryOnce(await walk(records, { orderBy }, 7), keys(all.items));
        }));
    }

    it('walks a filtered, searched query the same way', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany([...tied(300), ...recipients(50, { campaignId: 'c2' })]);
        const query: Query<CampaignRecipientRecord> = {
          where: { campaignId: 'c1', state: { $in: ['pending', 'failed'] } },
          search: { fields: ['e164'], text: '5' },
          orderBy: [['updatedAt', 'desc'], ['line', 'asc']],
        };
        const all = await records.find({ ...query, limit: 1000 });
        assert.ok(all.items.length > 20 && all.items.length < 100);
        for (const record of all.items) assert.ok(record.e164.includes('5') && record.state !== 'sent' && record.campaignId === 'c1');
        assertEveryOnce(await walk(records, query, 7), keys(all.items));
      }));

    it('gives a cursor only when more records follow: a full last page has none', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany(recipients(14));
        const first = await records.find({ limit: 7 });
        assert.equal(first.items.length, 7);
        assert.notEqual(first.nextCursor, null);
        const second = await records.find({ limit: 7, cursor: first.nextCursor! });
        assert.deepEqual(second.items.map((record) => record.index), [7, 8, 9, 10, 11, 12, 13]);
        assert.equal(second.nextCursor, null);
        assert.deepEqual(await records.find({ where: { state: 'sent' } }), { items: [], nextCursor: null });
      }));

    it('returns 50 records when no limit is given', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany(recipients(60));
        const page = await records.find();
        assert.equal(page.items.length, 50);
        assert.notEqual(page.nextCursor, null);
      }));

    it('keeps a cursor valid when records are added or removed elsewhere, or the last one shown changes', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        // Even indexes 0..98.
        await records.insertMany(Array.from({ length: 50 }, (_, index) => recipient(index * 2)));
        const query: Query<CampaignRecipientRecord> = { where: { campaignId: 'c1' }, orderBy: [['index', 'asc']] };
        const first = await records.find({ ...query, limit: 10 });
        assert.deepEqual(first.items.map((record) => record.index), [0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
        await records.insertMany([recipient(1), recipient(19), recipient(99), recipient(5, { campaignId: 'c2' })]);
        await records.delete('c1:000000');
        await records.delete('c1:000018');
        await records.update('c1:000016', { state: 'sent' });
        const rest = await walk(records, { ...query, cursor: first.nextCursor! }, 10);
        const expected = [19, ...Array.from({ length: 40 }, (_, index) => 20 + index * 2), 99];
        assert.deepEqual(rest.flatMap((page) => page.items.map((record) => record.index)), expected);
      }));

    it('keeps paging right while the records shown are being claimed', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany(recipients(100));
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await records.find({ where: { campaignId: 'c1' }, orderBy: [['index', 'asc']], cursor, limit: 9 });
          seen.push(...keys(page.items));
          await records.updateMany({ where: { state: 'pending' }, orderBy: [['index', 'desc']], limit: 3 }, { state: 'sending' });
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        assert.deepEqual(seen, keys(recipients(100)));
      }));

    it('refuses a cursor it did not make', () =>
      withStore(async (store) => {
        const records = store.collection('campaignRecipients');
        await records.insertMany(recipients(10));
        await assert.rejects(records.find({ cursor: 'not a cursor', limit: 5 }));
      }));
  });
}
