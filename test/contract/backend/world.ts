import assert from 'node:assert/strict';
import { type SmsClient, createSmsClient } from '../../../src/client.js';
import type { Page, SmsEventMap, SmsEventType } from '../../../src/model/index.js';
import type { BackendFixture, BackendHarness, CarrierSetup } from '../backend.contract.js';
import { handset } from './handsets.js';
import { type RecordsSpec, type SeededRecords, seedRecords } from './organisation-records.js';
import { type OrganisationSpec, type WorldOrganisation, buildOrganisation } from './world-organisation.js';

export { handset } from './handsets.js';
export type { WorldOrganisation } from './world-organisation.js';

/** The numbers of the world's own organisation ('acme'). */
export const NUMBERS = {
  alice: '+61480000001',
  group: '+61480000002',
  dave1: '+61480000003',
  dave2: '+61480000004',
  spare: '+61480000005',
} as const;

/** The numbers of its twin ('globex'): a number belongs to one organisation. */
export const TWIN_NUMBERS = {
  alice: '+61480000201',
  group: '+61480000202',
  dave1: '+61480000203',
  dave2: '+61480000204',
} as const;

/** The price of one segment in the world's settings, in minor units. */
export const RATE = 5;
export const SHORT_CODE = '55123';
/** The twin's short code (a short code, like a number, belongs to one organisation). */
export const TWIN_SHORT_CODE = '55124';

const ACME: OrganisationSpec = {
  id: 'acme', name: 'Acme', numbers: NUMBERS, alphaTags: ['ACME'], emailDomain: 'example.com',
  settings: { defaultCountry: 'AU', segmentsPerSecond: 0, rate: RATE, currency: 'AUD', chargePer: 'segment' },
};

/** The twin differs where a leak would show: its country and prices, and it blocks direct sends. */
const GLOBEX: OrganisationSpec = {
  id: 'globex', name: 'Globex', numbers: TWIN_NUMBERS, alphaTags: ['GLOBEX'], emailDomain: 'globex.example',
  settings: { defaultCountry: 'NZ', segmentsPerSecond: 0, rate: 7, currency: 'NZD', chargePer: 'segment', blockDirectSends: true },
};

/** The twin's records: it blocks handsets 1 and 2, and has a user "zoe" the world's organisation has not. */
export const TWIN_RECORDS: RecordsSpec = { marker: 'Globex', blocked: [handset(1), handset(2)], onlyUser: 'zoe', shortCode: TWIN_SHORT_CODE };

/**
 * A fresh backend where every test lives in the organisation 'acme' (see `WorldOrganisation`), which the hosting
 * vendor's operator made, beside its twin 'globex', made the same way with the same user ids, department and extension
 * names, and seeded with clashing records (`twin.records`): contacts with the same numbers, lists and templates of the
 * same names, the keyword CHORUS, a blocklist, an upload, a draft campaign, an inbound SMS and a chat between alice and
 * bob. Nothing of the twin reaches the carrier. A test that sees any of it has found a leak.
 */
export interface World extends WorldOrganisation {
  fx: BackendFixture;
  /** The hosting vendor's operator (the first operator principal, stored on first sight). */
  operator: SmsClient;
  twin: WorldOrganisation & { records: SeededRecords };
}

export interface WorldOptions {
  carrier?: CarrierSetup;
}

/** Builds the world through `fx.seedBackend` (the backend itself unless the fixture has a shorter way to it). */
async function buildWorld(fx: BackendFixture): Promise<World> {
  const seed = fx.seedBackend ?? fx.backend;
  const operatorPrincipal = { userId: 'operator', role: 'operator' } as const;
  const seeding = createSmsClient({ backend: seed, principal: operatorPrincipal });
  const own = await buildOrganisation(seed, fx.backend, seeding, ACME);
  const twin = await buildOrganisation(seed, fx.backend, seeding, GLOBEX);
  const records = await seedRecords(fx, { ...twin, ...twin.clientsOn(seed) }, TWIN_RECORDS);
  const operator = createSmsClient({ backend: fx.backend, principal: operatorPrincipal });
  return { fx, operator, ...own, twin: { ...twin, records } };
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

type ErrorName = 'ValidationError' | 'PermissionError' | 'NotFoundError' | 'ConflictError' | 'StateError' | 'RecipientFileError';

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
