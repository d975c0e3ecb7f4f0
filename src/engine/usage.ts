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

/** Charges (or counts) traffic to an extension and its department for the month of `at`. */
export async function recordUsage(
  ctx: EngineContext,
  extensionId: string | null,
  at: string,
  deltas: { messages?: number; segments?: number; cost?: number; inbound?: number },
): Promise<void> {
  const month = monthOf(at);
  const extension = extensionId ? await ctx.db.extensions.get(extensionId) : null;
  const init: UsageRecord = {
    id: usageKey(month, extensionId), month, extensionId, departmentId: extension?.departmentId ?? null, messages: 0, segments: 0, cost: 0, inbound: 0,
  };
  await ctx.db.usage.increment(init.id, deltas, init);
}

/** What one outbound message to one recipient costs under the settings. */
export function priceFor(settings: Pick<Settings, 'rate' | 'chargePer'>, segments: number): number {
  return settings.chargePer === 'message' ? settings.rate : settings.rate * segments;
}

export async function priceOf(ctx: EngineContext, segments: number): Promise<number> {
  return priceFor(await ctx.settings(), segments);
}

export async function chargeMessage(ctx: EngineContext, extensionId: string | null, at: string, segments: number): Promise<void> {
  await recordUsage(ctx, extensionId, at, { messages: 1, segments, cost: await priceOf(ctx, segments) });
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

export function createUsageApi(ctx: EngineContext): UsageApi {
  async function rows(principal: Parameters<UsageApi['rows']>[0], query: Parameters<UsageApi['rows']>[1] = {}): Promise<{ rows: UsageRow[]; from: Month; to: Month }> {
    const input = parseInput(UsageQuery, query, 'query');
    const actor = await loadActor(ctx, principal);
    const current = monthOf(ctx.nowIso());
    const from = input.from ?? input.to ?? current;
    const to = input.to ?? (input.from && input.from > current ? input.from : current);
    const records: UsageRecord[] = [];
    let cursor: string | undefined;
    do {
      const page = await ctx.db.usage.find({
        where: {
          month: { $gte: from, $lte: to },
          ...(input.extensionId && { extensionId: input.extensionId }),
          ...(input.departmentId && { departmentId: input.departmentId }),
        },
        orderBy: [['month', 'asc']],
        cursor,
        limit: 1000,
      });
      records.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // Users see the usage of their own extensions only.
    const visible = actor.isAdmin ? records : records.filter((record) => record.extensionId !== null && actor.extensionIds.includes(record.extensionId));
    return { rows: visible.map(({ id: _id, ...row }) => row), from, to };
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
