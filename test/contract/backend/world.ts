import assert from 'node:assert/strict';
import { type SmsClient, createSmsClient } from '../../../src/client.js';
import type { Page, Principal, SmsEventMap, SmsEventType, SmsNumber } from '../../../src/model/index.js';
import type { SmsBackend } from '../../../src/ports/backend.js';
import type { BackendFixture, BackendHarness, CarrierSetup } from '../backend.contract.js';

/** A handset's number: `+61412000001` for 1. */
export function handset(index: number): string {
  return `+614120${String(index).padStart(5, '0')}`;
}

export const NUMBERS = {
  alice: '+61480000001',
  group: '+61480000002',
  dave1: '+61480000003',
  dave2: '+61480000004',
  spare: '+61480000005',
} as const;

/** The price of one segment in the world's settings, in minor units. */
export const RATE = 5;
export const SHORT_CODE = '55123';

type UserKey = 'alice' | 'bob' | 'carol' | 'dave' | 'erin';

/**
 * A small organisation on a fresh backend: Sales (alpha tag ACME) and Support; alice (ext 201, own number), bob
 * (ext 202) and carol (ext 203, Support) sharing the group number, dave with two extensions and two numbers, erin
 * (ext 206) with no number, and ext 207 spare.
 */
export interface World {
  fx: BackendFixture;
  /** The hosting vendor's operator (the first operator principal, stored on first sight). */
  operator: SmsClient;
  admin: SmsClient;
  alice: SmsClient;
  bob: SmsClient;
  carol: SmsClient;
  dave: SmsClient;
  erin: SmsClient;
  principals: Record<UserKey | 'admin', Principal>;
  dep: { sales: string; support: string };
  ext: { alice: string; bob: string; carol: string; dave1: string; dave2: string; erin: string; spare: string };
  num: { alice: SmsNumber; group: SmsNumber; dave1: SmsNumber; dave2: SmsNumber };
  /** Clients for the same principals on another backend (after a crash). */
  clientsOn(backend: SmsBackend): Record<UserKey | 'admin', SmsClient>;
}

export interface WorldOptions {
  carrier?: CarrierSetup;
}

async function buildWorld(fx: BackendFixture): Promise<World> {
  const principals: World['principals'] = { admin: { userId: 'admin', role: 'admin' } } as World['principals'];
  const admin = createSmsClient({ backend: fx.backend, principal: principals.admin });
  await admin.settings.update({ defaultCountry: 'AU', segmentsPerSecond: 0, rate: RATE, currency: 'AUD', chargePer: 'segment' });
  const sales = await admin.directory.createDepartment({ name: 'Sales', costCode: 'S-100', alphaTags: ['ACME'] });
  const support = await admin.directory.createDepartment({ name: 'Support', costCode: 'S-200' });
  const extension = async (number: string, name: string, departmentId: string) => (await admin.directory.createExtension({ number, name, departmentId })).id;
  const ext = {
    alice: await extension('201', 'Alice desk', sales.id),
    bob: await extension('202', 'Bob desk', sales.id),
    carol: await extension('203', 'Carol desk', support.id),
    dave1: await extension('204', 'Dave desk', support.id),
    dave2: await extension('205', 'Dave mobile', support.id),
    erin: await extension('206', 'Erin desk', support.id),
    spare: await extension('207', 'Spare', sales.id),
  };
  const users: [UserKey, string, string, string[]][] = [
    ['alice', 'Alice Adams', sales.id, [ext.alice]],
    ['bob', 'Bob Brown', sales.id, [ext.bob]],
    ['carol', 'Carol Chen', support.id, [ext.carol]],
    ['dave', 'Dave Diaz', support.id, [ext.dave1, ext.dave2]],
    ['erin', 'Erin Evans', support.id, [ext.erin]],
  ];
  for (const [key, name, departmentId, extensionIds] of users) {
    await admin.directory.createUser({ id: key, name, email: `${key}@example.com`, role: 'user', departmentId, extensionIds });
    principals[key] = { userId: key, role: 'user', extensionId: extensionIds[0]!, departmentId };
  }
  const num = {
    alice: await admin.numbers.create({ e164: NUMBERS.alice, label: 'Alice', extensionIds: [ext.alice] }),
    group: await admin.numbers.create({ e164: NUMBERS.group, label: 'Front desk', extensionIds: [ext.bob, ext.carol] }),
    dave1: await admin.numbers.create({ e164: NUMBERS.dave1, label: 'Dave desk', extensionIds: [ext.dave1] }),
    dave2: await admin.numbers.create({ e164: NUMBERS.dave2, label: 'Dave mobile', extensionIds: [ext.dave2] }),
  };
  const clientsOn = (backend: SmsBackend) => {
    const entries = Object.entries(principals).map(([key, principal]) => [key, createSmsClient({ backend, principal })]);
    return Object.fromEntries(entries) as Record<UserKey | 'admin', SmsClient>;
  };
  const clients = clientsOn(fx.backend);
  const operator = createSmsClient({ backend: fx.backend, principal: { userId: 'operator', role: 'operator' } });
  return { fx, ...clients, operator, admin, principals, dep: { sales: sales.id, support: support.id }, ext, num, clientsOn };
}

/**
 * Runs a test in a fresh world and closes it afterwards.
 *
 * @example
 * it('sends', withWorld(harness, async (w) => { await w.alice.messages.send(...); }));
 */
export function withWorld(harness: BackendHarness, test: (world: World) => Promise<void>): () => Promise<void>;
export function withWorld(harness: BackendHarness, options: WorldOptions, test: (world: World) => Promise<void>): () => Promise<void>;
export function withWorld(
  harness: BackendHarness,
  optionsOrTest: WorldOptions | ((world: World) => Promise<void>),
  maybeTest?: (world: World) => Promise<void>,
): () => Promise<void> {
  const options = typeof optionsOrTest === 'function' ? {} : optionsOrTest;
  const test = typeof optionsOrTest === 'function' ? optionsOrTest : maybeTest!;
  return async () => {
    const fx = await harness.createBackend(options.carrier ? { carrier: options.carrier } : {});
    try {
      await test(await buildWorld(fx));
    } finally {
      await fx.close();
    }
  };
}

/** Skips a test when the harness lacks a capability. */
export function needs(harness: BackendHarness, capability: keyof BackendHarness['capabilities']): { skip?: string } {
  return harness.capabilities[capability] ? {} : { skip: `the harness has no ${capability}` };
}

type ErrorName = 'ValidationError' | 'PermissionError' | 'NotFoundError' | 'ConflictError' | 'StateError';

/** The typed error a call fails with (compared by name, as the errors' guards do across bundles and HTTP). */
export async function rejects<E extends Record<string, unknown> = Record<string, unknown>>(
  call: Promise<unknown>,
  name: ErrorName,
  expected: Record<string, unknown> = {},
): Promise<Error & E> {
  let failure: unknown;
  try {
    await call;
  } catch (error) {
    failure = error;
  }
  assert.ok(failure instanceof Error, `expected a ${name}, but the call succeeded`);
  assert.equal(failure.name, name, `expected a ${name}, got ${failure.name}: ${failure.message}`);
  for (const [key, value] of Object.entries(expected)) assert.deepEqual((failure as unknown as Record<string, unknown>)[key], value, `${name}.${key}`);
  return failure as Error & E;
}

/** Records one type of live event a client receives. */
export function record<T extends SmsEventType>(client: SmsClient, type: T): { events: SmsEventMap[T][]; stop(): void } {
  const events: SmsEventMap[T][] = [];
  const stop = client.on(type, (data) => events.push(data));
  return { events, stop };
}

/** Every item of a paginated list. */
export async function all<T>(page: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const result = await page(cursor);
    items.push(...result.items);
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** What the carrier was handed for one recipient. */
export function sentTo(fx: BackendFixture, to: string): ReturnType<BackendFixture['sent']> {
  return fx.sent().filter((sms) => sms.to === to);
}

/** How many times each recipient was handed to the carrier. */
export function sendsPerRecipient(fx: BackendFixture): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sms of fx.sent()) counts.set(sms.to, (counts.get(sms.to) ?? 0) + 1);
  return counts;
}

/** Advances the clock in steps until `done()` holds (or fails after `limitMs`). */
export async function advanceUntil(fx: BackendFixture, done: () => Promise<boolean>, stepMs = 1000, limitMs = 3_600_000): Promise<void> {
  for (let waited = 0; ; waited += stepMs) {
    await fx.settle();
    if (await done()) return;
    assert.ok(waited < limitMs, `still waiting after ${limitMs} ms`);
    await fx.advance(stepMs);
  }
}
