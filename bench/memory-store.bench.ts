// The memory store under the loads the engine puts on it: insertMany of a 100k-recipient campaign; claiming its
// recipients 500 at a time by query with updateMany (a sorted view; the baseline is what a store without one does per
// claim: filter the collection and sort the matches); paging through a 100k blocklist; counting. Then the calls a
// dispatch makes per message, each one at a time and batched as dispatch makes them: the claim (its message stored
// `sending`: insertIfAbsent, or insertManyIfAbsent 64 at a time), the provider id recorded (update, or updateEach 64 at
// a time) and the recipient marked sent (updateEach 256 at a time). The budget: dispatch must reach 50k recipients/s,
// i.e. 20 µs per recipient.
import { createMemoryStore } from '../adapters/memory-store/index.js';
import type { BlocklistEntry } from '../src/model/blocklist.js';
import type { E164 } from '../src/phone.js';
import type { CampaignRecipientRecord, MessageRecord } from '../src/ports/store.js';
import { heapUsed, mb, rate, table } from './support.js';

const RECIPIENTS = 100_000;
const BATCH = 500;
const BUDGET_US = 20;
const T0 = Date.parse('2025-03-01T00:00:00.000Z');

function recipient(campaignId: string, index: number): CampaignRecipientRecord {
  return {
    id: `${campaignId}:${index}`, campaignId, index, e164: `+61412${String(index).padStart(6, '0')}`, fields: { first_name: `Ann ${index}`, code: String(index % 97) },
    line: index + 2, state: 'pending', messageId: null, error: null, updatedAt: new Date(T0).toISOString(),
  };
}

function blocked(index: number): BlocklistEntry {
  return {
    e164: `+61413${String(index).padStart(6, '0')}` as E164, source: index % 3 === 0 ? 'opt-out' : 'manual', reason: 'Asked to stop',
    addedBy: 'u1', addedAt: new Date(T0 + (index % 5000) * 1000).toISOString(), message: index % 3 === 0 ? 'STOP' : null,
  };
}

const AT = new Date(T0).toISOString();

function message(index: number): MessageRecord {
  const at = AT;
  return {
    id: `cm_c1:${index}`, conversationId: null, direction: 'outbound', channel: 'sms', from: '+61480000001', to: `+61412${String(index).padStart(6, '0')}`,
    body: `Hello Ann ${index}, this is a benchmark message.`, encoding: 'GSM-7', segments: 1, status: 'sending', error: null, createdAt: at, updatedAt: at,
    sendAt: null, campaignId: 'c1', senderId: 'u1', numberId: 'n1', providerId: null,
  };
}

const us = (ms: number, count: number) => `${((ms * 1000) / count).toFixed(2)} µs`;

async function campaign(): Promise<Record<string, string | number>[]> {
  const store = createMemoryStore();
  const records = store.scope('acme').collection('campaignRecipients');
  const batch = Array.from({ length: RECIPIENTS }, (_, index) => recipient('c1', index));
  // A second, smaller campaign shares the `pending` bucket, as it would in a real store.
  const other = Array.from({ length: 10_000 }, (_, index) => recipient('c2', index));
  const before = heapUsed();
  let started = performance.now();
  await records.insertMany(batch);
  const insertMs = performance.now() - started;
  await records.insertMany(other);
  const perRecipient = (heapUsed() - before) / (RECIPIENTS + other.length);

  let claims = 0;
  let claimMs = 0;
  let claimed = 0;
  for (;;) {
    started = performance.now();
    const got = await records.updateMany({ where: { campaignId: 'c1', state: 'pending' }, orderBy: [['index', 'asc']], limit: BATCH }, { state: 'sending' });
    claimMs += performance.now() - started;
    if (got.length === 0) break;
    claims += 1;
    claimed += got.length;
  }
  if (claimed !== RECIPIENTS) throw new Error(`Claimed ${claimed} of ${RECIPIENTS}.`);
  started = performance.now();
  const counts = await records.countBy({ campaignId: 'c1' }, 'state');
  const countMs = performance.now() - started;
  if (counts.sending !== RECIPIENTS) throw new Error('Not every recipient was claimed.');
  return [
    { step: `insertMany ${RECIPIENTS.toLocaleString('en-US')} recipients`, total: `${insertMs.toFixed(0)} ms`, rate: rate(RECIPIENTS, insertMs), 'per record': us(insertMs, RECIPIENTS) },
    { step: `claim ${BATCH} by query (updateMany) ×${claims + 1}`, total: `${claimMs.toFixed(0)} ms`, rate: rate(claimed, claimMs), 'per record': us(claimMs, claimed), 'per claim': `${(claimMs / (claims + 1)).toFixed(3)} ms` },
    { step: 'countBy state over the campaign', total: `${countMs.toFixed(1)} ms`, rate: '', 'per record': us(countMs, RECIPIENTS) },
    { step: 'heap per recipient stored', total: mb(perRecipient * RECIPIENTS), rate: '', 'per record': `${Math.round(perRecipient)} B` },
  ];
}

/** Microseconds per message of each store call dispatch makes, one at a time and batched as dispatch batches them. */
async function dispatchCalls(): Promise<{ rows: Record<string, string | number>[]; batchedUs: number }> {
  const rows: Record<string, string | number>[] = [];
  const time = async (work: () => Promise<void>) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  const ids = Array.from({ length: RECIPIENTS }, (_, index) => index);
  const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, at) => items.slice(at * size, (at + 1) * size));
  const sentAt = new Date(T0 + 1000).toISOString();
  const sent = (index: number) => ({ status: 'sent' as const, providerId: `SM${index.toString(16)}`, updatedAt: sentAt });
  const toClaim = ids.map(message);

  // As dispatch goes: a window of 64 claimed, then its provider ids recorded, so that few messages are `sending` at once.
  let claimOne = 0;
  let recordOne = 0;
  const single = createMemoryStore().scope('acme').collection('messages');
  for (const chunk of chunks(ids, 64)) {
    claimOne += await time(async () => {
      for (const index of chunk) await single.insertIfAbsent(toClaim[index]!);
    });
    recordOne += await time(async () => {
      for (const index of chunk) await single.update(`cm_c1:${index}`, sent(index), { if: { status: 'sending' } });
    });
  }
  let claimMany = 0;
  let recordMany = 0;
  const batched = createMemoryStore();
  const messages = batched.scope('acme').collection('messages');
  for (const chunk of chunks(ids, 64)) {
    claimMany += await time(async () => {
      await messages.insertManyIfAbsent(chunk.map((index) => toClaim[index]!));
    });
    recordMany += await time(async () => {
      await messages.updateEach(chunk.map((index) => [`cm_c1:${index}`, sent(index)] as const), { if: { status: 'sending' } });
    });
  }
  const recipients = batched.scope('acme').collection('campaignRecipients');
  await recipients.insertMany(ids.map((index) => recipient('c1', index)));
  const mark = { state: 'sent' as const, updatedAt: new Date(T0 + 2000).toISOString() };
  const markMany = await time(async () => {
    for (const chunk of chunks(ids, 256)) await recipients.updateEach(chunk.map((index) => [`c1:${index}`, mark] as const), { if: { state: 'pending' } });
  });
  if ((await messages.count({ status: 'sending' })) !== 0 || (await recipients.count({ state: 'pending' })) !== 0) throw new Error('A batch left records behind.');
  const per = (ms: number) => (ms * 1000) / RECIPIENTS;
  for (const [step, ms, one] of [
    ['claim: insertManyIfAbsent ×64', claimMany, claimOne],
    ['record provider id: updateEach ×64', recordMany, recordOne],
    ['mark recipient sent: updateEach ×256', markMany, null],
  ] as const) {
    rows.push({ step, total: `${ms.toFixed(0)} ms`, rate: rate(RECIPIENTS, ms), 'per record': us(ms, RECIPIENTS), 'one at a time': one === null ? '' : `${us(one, RECIPIENTS)} (${(one / ms).toFixed(2)}×)` });
  }
  return { rows, batchedUs: per(claimMany) + per(recordMany) + per(markMany) };
}

/** The baseline: each claim filters 100k plain objects and sorts the matches (sampled over 20 claims). */
function naiveClaimMs(): number {
  const rows = Array.from({ length: RECIPIENTS }, (_, index) => recipient('c1', index)).reverse();
  const samples = 20;
  const started = performance.now();
  for (let claim = 0; claim < samples; claim++) {
    const next = rows.filter((row) => row.campaignId === 'c1' && row.state === 'pending').sort((a, b) => a.index - b.index || (a.id < b.id ? -1 : 1)).slice(0, BATCH);
    for (const row of next) row.state = 'sending';
  }
  return (performance.now() - started) / samples;
}

async function blocklistPaging(): Promise<Record<string, string | number>[]> {
  const store = createMemoryStore();
  const entries = store.scope('acme').collection('blocklist');
  await entries.insertMany(Array.from({ length: RECIPIENTS }, (_, index) => blocked(index)));
  const rows: Record<string, string | number>[] = [];
  const newest = { orderBy: [['addedAt', 'desc']] as const };
  for (const [label, query] of [
    ['page through 100k blocklist (addedAt desc, 50), first walk', newest],
    ['  ... again (sorted view kept)', newest],
    ['  ... only opt-outs, first walk', { where: { source: 'opt-out' as const }, ...newest }],
  ] as const) {
    let pages = 0;
    let seen = 0;
    let cursor: string | undefined;
    const started = performance.now();
    do {
      const page = await entries.find({ ...query, cursor, limit: 50 });
      pages += 1;
      seen += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const ms = performance.now() - started;
    rows.push({ step: `${label}: ${pages} pages, ${seen} entries`, total: `${ms.toFixed(0)} ms`, rate: `${rate(pages, ms).replace('/s', '')} pages/s`, 'per record': us(ms, seen), 'per claim': `${(ms / pages).toFixed(3)} ms/page` });
  }
  const started = performance.now();
  const found = await entries.find({ search: { fields: ['e164', 'reason', 'message'], text: '0042' }, orderBy: [['addedAt', 'desc']], limit: 50 });
  const ms = performance.now() - started;
  rows.push({ step: `search 100k blocklist (${found.items.length} shown)`, total: `${ms.toFixed(1)} ms`, rate: '', 'per record': us(ms, RECIPIENTS) });
  return rows;
}

const rows = await campaign();
const naive = naiveClaimMs();
const perClaim = Number.parseFloat(String(rows[1]!['per claim']));
rows.push({ step: 'baseline: filter + sort per claim', total: '', rate: rate(BATCH, naive), 'per record': us(naive, BATCH), 'per claim': `${naive.toFixed(3)} ms` });
rows.push(...(await blocklistPaging()));
const dispatch = await dispatchCalls();
rows.push(...dispatch.rows);
table(rows);
console.log(`claim by query: ${(naive / perClaim).toFixed(0)}× faster than the baseline (filter + sort per claim).`);
console.log(
  `store share of the ${BUDGET_US} µs/recipient dispatch budget (50k/s): claim, provider id and mark sent, batched as dispatch ` +
    `batches them, ${dispatch.batchedUs.toFixed(2)} µs = ${((dispatch.batchedUs / BUDGET_US) * 100).toFixed(0)}%.`,
);
