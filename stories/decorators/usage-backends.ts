import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createSimulatedCarrier } from '../../adapters/simulated-carrier/index.js';
import { DEFAULT_ORGANISATION_ID, createLocalBackend, createSmsClient, type Principal, type SmsBackend } from '../../src/index.js';
import type { UsageRecord } from '../../src/ports/store.js';

/** Cost of a part in the history, in minor units (cents): 5. */
export const HISTORY_RATE = 5;

/**
 * This month's usage of each extension of the history, [messages, parts, received]; earlier months are these
 * scaled by `HISTORY_SCALE` (last month by its second factor, and so on).
 */
export const HISTORY_THIS_MONTH = {
  '201': [120, 150, 12],
  '202': [64, 70, 5],
  '301': [210, 260, 30],
  '302': [18, 18, 1],
} as const satisfies Record<string, readonly [number, number, number]>;
export const HISTORY_SCALE = [1, 0.8, 1.1, 0.9, 0.7, 0.6] as const;

export interface UsageHistory {
  backend: SmsBackend;
  admin: Principal;
  /** Alice Nguyen, a user with extension 201. */
  user: Principal;
  /** Extension ids by number ("201") and department ids by name. */
  extensions: Record<string, string>;
  departments: Record<string, string>;
  /** Adds usage records to the history, as the engine stores the charges of messages the carrier accepted. */
  addUsage(records: ReadonlyArray<Omit<UsageRecord, 'id'>>): Promise<void>;
}

/** The month `back` months before this one (UTC, as usage is counted), `YYYY-MM`. */
export function monthsAgo(back: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
}

/**
 * An organisation with six months of usage (this month and the five before): two departments with their cost codes
 * (Sales SAL-100, Support SUP-200), four extensions (201 Alice Nguyen and 202 Ben Carter in Sales, 301 Chloé Martin
 * and 302 Dev Patel in Support), Alice as a user on 201, costs in `currency` (AUD by default). The history is written
 * into the store as the engine's charge records are, so that its figures are known: see `HISTORY_THIS_MONTH`.
 */
export async function createUsageHistory(options: { currency?: string } = {}): Promise<UsageHistory> {
  const store = createMemoryStore();
  const backend = createLocalBackend({
    store,
    carrier: createSimulatedCarrier({ seed: 5, latencyMs: 0 }),
    settings: { defaultCountry: 'AU', currency: options.currency ?? 'AUD', rate: HISTORY_RATE },
  });
  const admin: Principal = { userId: 'usage-admin', role: 'admin' };
  const { directory } = createSmsClient({ backend, principal: admin });
  const sales = await directory.createDepartment({ name: 'Sales', costCode: 'SAL-100' });
  const support = await directory.createDepartment({ name: 'Support', costCode: 'SUP-200' });
  const people: Array<[string, string, string]> = [
    ['201', 'Alice Nguyen', sales.id],
    ['202', 'Ben Carter', sales.id],
    ['301', 'Chloé Martin', support.id],
    ['302', 'Dev Patel', support.id],
  ];
  const extensions: Record<string, string> = {};
  for (const [number, name, departmentId] of people) extensions[number] = (await directory.createExtension({ number, name, departmentId })).id;
  await directory.createUser({ id: 'usage-alice', name: 'Alice Nguyen', role: 'user', departmentId: sales.id, extensionIds: [extensions['201']!] });
  const user: Principal = { userId: 'usage-alice', role: 'user', extensionId: extensions['201'], departmentId: sales.id };
  const departmentOf = new Map(people.map(([number, , departmentId]) => [extensions[number]!, departmentId]));

  let next = 0;
  const usage = store.scope(DEFAULT_ORGANISATION_ID).collection('usage');
  const addUsage = (records: ReadonlyArray<Omit<UsageRecord, 'id'>>) => usage.insertMany(records.map((record) => ({ id: `history:${next++}`, ...record })));
  await addUsage(
    HISTORY_SCALE.flatMap((scale, back) =>
      Object.entries(HISTORY_THIS_MONTH).map(([number, [messages, segments, inbound]]) => {
        const extensionId = extensions[number]!;
        const parts = Math.round(segments * scale);
        return { month: monthsAgo(back), extensionId, departmentId: departmentOf.get(extensionId)!, messages: Math.round(messages * scale), segments: parts, cost: parts * HISTORY_RATE, inbound: Math.round(inbound * scale) };
      }),
    ),
  );
  return { backend, admin, user, extensions, departments: { Sales: sales.id, Support: support.id }, addUsage };
}
