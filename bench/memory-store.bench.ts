// The memory store under the loads the engine puts on it: insertMany of a 100k-recipient campaign, then claiming its
// recipients 500 at a time with updateMany (what dispatch does), and marking each one sent with update; paging through
// a 100k blocklist; counting. The baseline is what a store without sorted views does per claim: filter the
// collection and sort the matches. The budget: dispatch must reach 50k recipients/s, i.e. 20 µs per recipient.
import { createMemoryStore } from '../adapters/memory-store/index.js';
import type { BlocklistEntry } from '../src/model/blocklist.js';
import type { E164 } from '../src/phone.js';
import type { CampaignRecipientRecord } from '../src/ports/store.js';
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

const us = (ms: number, count: number) => `${((ms * 1000) / count).toFixed(2)} µs`;

async function campaign(): Promise<Record<string, string | number>[]> {
  const store = createMemoryStore();
  const records = store.collection('campaignRecipients');
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
  let updateMs = 0;
  let claimed = 0;
  for (;;) {
    started = performance.now();
    const got = await records.updateMany({ where: { campaignId: 'c1', state: 'pending' }, orderBy: [['index', 'asc']], limit: BATCH }, { state: 'sending' });
    claimMs += performance.now() - started;
    if (got.length === 0) break;
    claims += 1;
    claimed += got.length;
    started = performance.now();
    for (const record of got) await records.update(record.id, { state: 'sent', messageId: `m${record.index}` }, { if: { state: 'sending' } });
    updateMs += performance.now() - started;
  }
  if (claimed !== RECIPIENTS) throw new Error(`Claimed ${claimed} of ${RECIPIENTS}.`);
  started = performance.now();
  const counts = await records.countBy({ campaignId: 'c1' }, 'state');
  const countMs = performance.now() - started;
  if (counts.sent !== RECIPIENTS) throw new Error('Not every recipient was marked sent.');
  return [
    { step: `insertMany ${RECIPIENTS.toLocaleString('en-US')} recipients`, total: `${insertMs.toFixed(0)} ms`, rate: rate(RECIPIENTS, insertMs), 'per record': us(insertMs, RECIPIENTS) },
    { step: `claim ${BATCH} (updateMany) ×${claims + 1}`, total: `${claimMs.toFixed(0)} ms`, rate: rate(claimed, claimMs), 'per record': us(claimMs, claimed), 'per claim': `${(claimMs / (claims + 1)).toFixed(3)} ms` },
    { step: 'mark sent (conditional update)', total: `${updateMs.toFixed(0)} ms`, rate: rate(claimed, updateMs), 'per record': us(updateMs, claimed) },
    { step: 'countBy state over the campaign', total: `${countMs.toFixed(1)} ms`, rate: '', 'per record': us(countMs, RECIPIENTS) },
    { step: 'heap per recipient stored', total: mb(perRecipient * RECIPIENTS), rate: '', 'per record': `${Math.round(perRecipient)} B` },
  ];
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
  const entries = store.collection('blocklist');
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
const claimRow = rows[1]!;
const perClaim = Number.parseFloat(String(claimRow['per claim']));
rows.push({ step: 'baseline: filter + sort per claim', total: '', rate: rate(BATCH, naive), 'per record': us(naive, BATCH), 'per claim': `${naive.toFixed(3)} ms` });
rows.push(...(await blocklistPaging()));
table(rows);
const claimUs = (perClaim * 1000) / BATCH;
const updateUs = Number.parseFloat(String(rows[2]!['per record']));
console.log(`claim: ${(naive / perClaim).toFixed(0)}× faster than the baseline (filter + sort per claim).`);
console.log(
  `store share of the ${BUDGET_US} µs/recipient dispatch budget (50k/s): claim ${claimUs.toFixed(2)} µs + one update ${updateUs.toFixed(2)} µs = ` +
    `${(((claimUs + updateUs) / BUDGET_US) * 100).toFixed(0)}%; each further store call per recipient costs about ${updateUs.toFixed(2)} µs.`,
);
