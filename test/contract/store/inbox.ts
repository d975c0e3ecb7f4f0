import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Collection, ConversationRecord, Query, Where } from '../../../src/ports/store.js';
import { at, conversation, keys } from './fixtures.js';
import type { WithStore } from './harness.js';
import { modelFind } from './model.js';

type Conversations = Collection<ConversationRecord>;

/** The inbox's queries: who sees a conversation (any of several members, one member, none), newest first. */
const WHERES: readonly Where<ConversationRecord>[] = [
  { audience: { $overlaps: ['number:n1', 'user:u2'] } },
  { audience: { $overlaps: ['number:*'] } },
  { audience: { $overlaps: ['user:u1', 'number:n2', 'user:u9', 'user:u1'] } },
  { audience: { $overlaps: ['user:u9'] } },
  { audience: { $contains: 'user:u2' } },
  { audience: { $overlaps: ['number:n1', 'user:u2'] }, numberId: 'n1' },
  { audience: { $overlaps: ['number:n2', 'user:u1'] }, channel: 'chat' },
];

const AUDIENCES: readonly string[][] = [
  ['number:n1', 'number:*'], ['number:n2', 'number:*'], ['user:u1', 'user:u2'], ['user:u2'], [], ['number:n1', 'number:n1', 'user:u2'],
];

/** Conversation `index` of the sample: six audiences, seven instants (ties on purpose). */
function sample(index: number, overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  const audience = AUDIENCES[index % AUDIENCES.length]!;
  const chat = audience.some((member) => member.startsWith('user:'));
  return conversation(`v${String(index).padStart(2, '0')}`, {
    audience, channel: chat ? 'chat' : 'sms', numberId: chat ? null : audience[0]?.slice('number:'.length) ?? null, updatedAt: at(index % 7), ...overrides,
  });
}

/** Every key of a query, page after page of `limit`, following cursors. */
async function walk(conversations: Conversations, query: Query<ConversationRecord>, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 200; pages++) {
    const page = await conversations.find({ ...query, cursor, limit });
    seen.push(...keys(page.items));
    if (page.nextCursor === null) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('The walk does not end.');
}

/**
 * Each inbox query lists what the model finds among all the records (as the store lists them by key): in one page,
 * and (`walk`) page after page of 4.
 */
async function assertInboxes(conversations: Conversations, step: string, options: { walk?: boolean } = {}): Promise<void> {
  const all = (await conversations.find({ limit: 1000 })).items;
  for (const where of WHERES) {
    const query: Query<ConversationRecord> = { where, orderBy: [['updatedAt', 'desc']] };
    const expected = keys(modelFind(all as unknown as Record<string, unknown>[], query as never) as unknown as ConversationRecord[]);
    assert.deepEqual(keys((await conversations.find({ ...query, limit: 50 })).items), expected, `${step}: ${JSON.stringify(where)} in one page`);
    if (options.walk) assert.deepEqual(await walk(conversations, query, 4), expected, `${step}: ${JSON.stringify(where)} in pages of 4`);
  }
}

export function inboxTests(withStore: WithStore): void {
  describe('inbox: $overlaps on an array, newest first', () => {
    it('lists each audience page by page in order, and stays right through every kind of write', () =>
      withStore(async (store, whole) => {
        const conversations = store.collection('conversations');
        await conversations.insertMany(Array.from({ length: 30 }, (_, index) => sample(index)));
        await assertInboxes(conversations, 'insertMany');

        await conversations.insert(sample(30, { updatedAt: null as unknown as string }));
        await conversations.insertIfAbsent(sample(31, { audience: [7, 'user:u2', null] as unknown as string[] }));
        await conversations.insertIfAbsent(sample(0, { updatedAt: at(99) }));
        await conversations.insertManyIfAbsent([sample(1, { updatedAt: at(99) }), sample(32), sample(32, { updatedAt: at(98) })]);
        await assertInboxes(conversations, 'insert');

        await conversations.put(sample(3, { audience: ['number:n2', 'user:u1'], updatedAt: at(50) }));
        await conversations.put(sample(33, { updatedAt: at(51) }));
        await assertInboxes(conversations, 'put');

        await conversations.update('v04', { updatedAt: at(60) });
        await conversations.update('v05', { audience: ['user:u9'] });
        await conversations.update('v06', { lastMessage: { id: 'm1', body: 'Hi', direction: 'inbound', status: 'received', createdAt: at(61) } });
        await conversations.update('v07', { updatedAt: at(62) }, { if: { numberId: 'nobody' } });
        await assertInboxes(conversations, 'update');

        await conversations.updateEach([['v08', { updatedAt: at(70) }], ['v09', { audience: ['number:*'] }], ['v08', { audience: ['user:u1'] }], ['v99', { updatedAt: at(71) }]]);
        await conversations.updateMany({ where: { audience: { $contains: 'user:u2' } }, orderBy: [['updatedAt', 'asc']], limit: 3 }, { updatedAt: at(80) });
        await assertInboxes(conversations, 'updateEach and updateMany', { walk: true });

        await conversations.increment('v10', {}, sample(10, { updatedAt: at(90) }));
        await conversations.increment('v34', {}, sample(34, { updatedAt: at(91) }));
        await assertInboxes(conversations, 'increment');

        // Another organisation's conversations of the same audiences are not this one's.
        await whole.scope('org-b').collection('conversations').insertMany([sample(35, { updatedAt: at(95) }), sample(11, { updatedAt: at(96) })]);
        await whole.scope('org-b').collection('conversations').delete('v11');
        await conversations.delete('v12');
        await conversations.deleteMany({ numberId: 'n2' });
        await assertInboxes(conversations, 'delete');

        await store.clear();
        await assertInboxes(conversations, 'clear');
        assert.deepEqual(keys((await whole.scope('org-b').collection('conversations').find({ where: { audience: { $overlaps: ['user:u2'] } }, orderBy: [['updatedAt', 'desc']] })).items), ['v35']);
      }));
  });
}
