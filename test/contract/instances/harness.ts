import assert from 'node:assert/strict';
import { createSimulatedCarrier } from '../../../adapters/simulated-carrier/index.js';
import { type SmsClient, createSmsClient } from '../../../src/client.js';
import { type ManualClock, createManualClock } from '../../../src/engine/clock.js';
import { type LocalBackend, createLocalBackend } from '../../../src/engine/local-backend.js';
import type { Carrier, CarrierSink, OutboundSms } from '../../../src/ports/carrier.js';
import type { Store } from '../../../src/ports/store.js';
import { handset } from '../../fixtures/desk-campaign.js';
import { salesDesk } from '../../fixtures/sales-desk.js';

export { handset };

/**
 * One database that several instances open: each `connect()` is an instance's own handle on it (a memory store is
 * one object, so every handle is that object; PostgreSQL gives each its own connection).
 */
export interface SharedStore {
  connect(): Promise<Store>;
  /** Ends the database after the test (each engine has closed its handle). */
  close(): Promise<void>;
}

export interface InstancesContractOptions {
  /** Names the store in the test report. */
  name: string;
  /** A fresh, empty database for each test. */
  shared(): Promise<SharedStore>;
}

/** What the carrier was handed, by which instance, when. */
export interface Carried extends OutboundSms {
  instance: string;
  at: number;
}

/** Two instances (`a` and `b`) over one database, on one manual clock and one simulated carrier. */
export interface Twins {
  clock: ManualClock;
  a: LocalBackend;
  b: LocalBackend;
  /** Every send, in order. */
  log: Carried[];
  /** Alice (a user with the desk's number) on each instance, and the administrator on `a`. */
  alice: { a: SmsClient; b: SmsClient };
  admin: SmsClient;
  numberId: string;
  e164: string;
  /** Bob: a user of the same organisation without the desk's number. */
  bob: { a: SmsClient; b: SmsClient };
  /** Moves the clock in steps until `done()` holds, or fails after `limitMs`. */
  until(done: () => Promise<boolean>, stepMs?: number, limitMs?: number): Promise<void>;
  /** Lets the instances' in-memory work run (a few host tasks and the carrier's due answers). */
  settle(): Promise<void>;
  close(): Promise<void>;
}

export interface TwinOptions {
  /** The carrier's latency (ms). @default 20 */
  latencyMs?: number;
  /** The sender's rate (segments per second; 0: none). @default 0 */
  segmentsPerSecond?: number;
}

/** How many times each recipient was handed to the carrier. */
export function sendsPerRecipient(log: readonly Carried[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sms of log) counts.set(sms.to, (counts.get(sms.to) ?? 0) + 1);
  return counts;
}

async function ticks(count = 5): Promise<void> {
  for (let index = 0; index < count; index++) await new Promise((resolve) => setImmediate(resolve));
}

/** Two engines over one shared database, set up with one organisation's desk. */
export async function twins(options: InstancesContractOptions, setup: TwinOptions = {}): Promise<Twins> {
  const shared = await options.shared();
  const clock = createManualClock({ start: Date.UTC(2025, 0, 1, 9), settle: () => ticks(3) });
  const carrier = createSimulatedCarrier({ seed: 1, clock, latencyMs: setup.latencyMs ?? 20, deliveryRate: 1, failureRate: 0, retryableShare: 0, log: false });
  const log: Carried[] = [];
  const view = (instance: string): Carrier => ({
    capabilities: carrier.capabilities,
    send(message) {
      log.push({ ...message, instance, at: clock.now() });
      return carrier.send(message);
    },
    connect: (sink: CarrierSink) => carrier.connect(sink),
  });
  const settings = { segmentsPerSecond: setup.segmentsPerSecond ?? 0 };
  const open = async (instance: string) => createLocalBackend({ store: await shared.connect(), carrier: view(instance), clock, settings });
  const a = await open('a');
  await a.ready;
  const desk = await salesDesk(a, settings);
  const b = await open('b');
  await b.ready;
  const departmentId = desk.principal.departmentId!;
  const bobExtension = await desk.admin.directory.createExtension({ number: '202', name: 'Bob desk', departmentId });
  await desk.admin.directory.createUser({ id: 'bob', name: 'Bob', role: 'user', departmentId, extensionIds: [bobExtension.id] });
  const bobPrincipal = { userId: 'bob', role: 'user' as const, extensionId: bobExtension.id, departmentId };
  const settle = async () => {
    await ticks();
    await carrier.flush();
    await ticks();
  };
  let closed = false;
  return {
    clock, a, b, log, admin: desk.admin, numberId: desk.number.id, e164: desk.number.e164,
    alice: { a: desk.alice, b: createSmsClient({ backend: b, principal: desk.principal }) },
    bob: { a: createSmsClient({ backend: a, principal: bobPrincipal }), b: createSmsClient({ backend: b, principal: bobPrincipal }) },
    settle,
    async until(done, stepMs = 100, limitMs = 600_000) {
      for (let waited = 0; ; waited += stepMs) {
        await settle();
        if (await done()) return;
        assert.ok(waited < limitMs, `still waiting after ${limitMs} ms of the clock`);
        await clock.advance(stepMs);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([a.close(), b.close()]);
      await shared.close();
    },
  };
}

/** A campaign of alice's to `count` handsets (from 1), from an uploaded file, as a draft. */
export async function campaignOf(twin: Twins, count: number): Promise<string> {
  const recipients = Array.from({ length: count }, (_, index) => ({ e164: handset(index + 1), fields: {}, line: index + 2 }));
  const upload = await twin.alice.a.campaigns.createUpload({ name: 'recipients.csv', columns: ['phone'], phoneColumn: 'phone', recipients, errors: [], duplicates: [] });
  const campaign = await twin.alice.a.campaigns.create({ name: `To ${count}`, sender: { type: 'number', numberId: twin.numberId }, body: 'Hello', recipients: { uploadId: upload.id } });
  return campaign.id;
}
