import type { Month, Settings, UsageRow, UsageSummary, UsageTotals } from '../model/index.js';
import { UsageQuery } from '../model/index.js';
import type { UsageApi } from '../ports/backend.js';
import type { UsageRecord } from '../ports/store.js';
import { loadActor } from './access.js';
import type { EngineContext } from './context.js';
import { parseInput } from './validate.js';

export function monthOf(iso: string): Month {
  return iso.slice(0, 7);
}

function usageKey(month: string, extensionId: string | null): string {
  return `${month}:${extensionId ?? '-'}`;
}

/** Who traffic is billed to: an extension (or none) and its department. */
export interface BillTo {
  extensionId: string | null;
  departmentId: string | null;
}

/** The extension and its department, read once for the many charges of a campaign's batch. */
export async function billToOf(ctx: EngineContext, extensionId: string | null): Promise<BillTo> {
  const extension = extensionId ? await ctx.db.extensions.get(extensionId) : null;
  return { extensionId, departmentId: extension?.departmentId ?? null };
}

/** Counts inbound traffic to an extension and its department for the month of `at`. */
export async function countInbound(ctx: EngineContext, extensionId: string | null, at: string): Promise<void> {
  const month = monthOf(at);
  const { departmentId } = await billToOf(ctx, extensionId);
  const init: UsageRecord = { id: usageKey(month, extensionId), month, extensionId, departmentId, messages: 0, segments: 0, cost: 0, inbound: 0 };
  await ctx.db.usage.increment(init.id, { inbound: 1 }, init);
}

/** What outbound messages the carrier accepted cost: one per recipient, their segments, their price. */
export interface Charge {
  messages: number;
  segments: number;
  cost: number;
}

/** The charge of messages of these segments under the settings. */
export function chargeFor(settings: Pick<Settings, 'rate' | 'chargePer'>, segments: readonly number[]): Charge {
  const charge: Charge = { messages: 0, segments: 0, cost: 0 };
  for (const count of segments) {
    charge.messages += 1;
    charge.segments += count;
    charge.cost += priceFor(settings, count);
  }
  return charge;
}

/**
 * Stores the charge of messages the carrier accepted, as a usage record of its own keyed by the id of the (first)
 * message it charges, before they are marked sent: a crash after it leaves them charged (and `unknown` at worst, as
 * the carrier's answer was not recorded), one before it leaves them `unknown` and uncharged, as nobody knows whether
 * they went. Stored with `insertIfAbsent`, so that storing it again charges nothing more. Usage adds the records up
 * when it is read.
 */
export async function storeCharge(ctx: EngineContext, messageId: string, billTo: BillTo, at: string, charge: Charge): Promise<void> {
  await ctx.db.usage.insertIfAbsent({ id: `charge:${messageId}`, month: monthOf(at), ...billTo, ...charge, inbound: 0 });
}

/** What one outbound message to one recipient costs under the settings. */
export function priceFor(settings: Pick<Settings, 'rate' | 'chargePer'>, segments: number): number {
  return settings.chargePer === 'message' ? settings.rate : settings.rate * segments;
}

function zero(): UsageTotals {
  return { messages: 0, segments: 0, cost: 0, inbound: 0 };
}

function add(into: UsageTotals, row: UsageTotals): void {
  into.messages += row.messages;
  into.segments += row.segments;
  into.cost += row.cost;
  into.inbound += row.inbound;
}

function groupBy<K>(rows: UsageRow[], key: (row: UsageRow) => K): Map<K, UsageTotals> {
  const groups = new Map<K, UsageTotals>();
  for (const row of rows) {
    const group = groups.get(key(row)) ?? zero();
    add(group, row);
    groups.set(key(row), group);
  }
  return groups;
}

/** One row per month, extension and department: the inbound counters and the charges of each, added up. */
function sumRows(records: readonly UsageRecord[]): UsageRow[] {
  const rows = new Map<string, UsageRow>();
  for (const { id: _id, ...record } of records) {
    const key = `${record.month}|${record.extensionId ?? ''}|${record.departmentId ?? ''}`;
    const row = rows.get(key);
    if (row) add(row, record);
    else rows.set(key, { ...record });
  }
  return [...rows.values()];
}

/** The months a usage query asks for, inclusive: by default the current month; a `from` in the future ends there. */
export function monthRange(input: { from?: Month | undefined; to?: Month | undefined }, current: Month): { from: Month; to: Month } {
  const from = input.from ?? input.to ?? current;
  const to = input.to ?? (input.from && input.from > current ? input.from : current);
  return { from, to };
}

/** Every usage record of an organisation in a range of months (of an extension or a department), read a page at a time. */
export async function usageRecords(
  ctx: EngineContext,
  query: { from: Month; to: Month; extensionId?: string | undefined; departmentId?: string | undefined },
): Promise<UsageRecord[]> {
  const records: UsageRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.db.usage.find({
      where: {
        month: { $gte: query.from, $lte: query.to },
        ...(query.extensionId && { extensionId: query.extensionId }),
        ...(query.departmentId && { departmentId: query.departmentId }),
      },
      orderBy: [['month', 'asc']],
      cursor,
      limit: 1000,
    });
    records.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return records;
}

export function createUsageApi(ctx: EngineContext): UsageApi {
  async function rows(principal: Parameters<UsageApi['rows']>[0], query: Parameters<UsageApi['rows']>[1] = {}): Promise<{ rows: UsageRow[]; from: Month; to: Month }> {
    const input = parseInput(UsageQuery, query, 'query');
    const actor = await loadActor(ctx, principal);
    const { from, to } = monthRange(input, monthOf(ctx.nowIso()));
    const records = await usageRecords(ctx, { from, to, extensionId: input.extensionId, departmentId: input.departmentId });
    // Users see the usage of their own extensions only.
    const visible = actor.isAdmin ? records : records.filter((record) => record.extensionId !== null && actor.extensionIds.includes(record.extensionId));
    return { rows: sumRows(visible), from, to };
  }

  return {
    async rows(principal, query) {
      return (await rows(principal, query)).rows;
    },

    async summary(principal, query) {
      const { rows: usage, from, to } = await rows(principal, query);
      const settings = await ctx.settings();
      const totals = zero();
      for (const row of usage) add(totals, row);
      const numbers = await ctx.db.numbers.count({ removedAt: null });
      const senders = await ctx.db.users.count({ role: 'user' });
      const summary: UsageSummary = {
        from, to, currency: settings.currency, totals,
        byMonth: [...groupBy(usage, (row) => row.month)].map(([month, value]) => ({ month, ...value })),
        byExtension: [...groupBy(usage, (row) => row.extensionId)].map(([extensionId, value]) => ({ extensionId, ...value })),
        byDepartment: [...groupBy(usage, (row) => row.departmentId)].map(([departmentId, value]) => ({ departmentId, ...value })),
        numbers, senders,
      };
      return summary;
    },
  };
}
