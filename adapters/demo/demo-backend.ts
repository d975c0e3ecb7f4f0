import {
  DEFAULT_ORGANISATION_ID, DEMO_ADMIN, SYSTEM_SCOPE, createLocalBackend, createSmsClient, seedDemo, type DemoWorld, type LocalBackend, type Principal,
  type Settings,
} from '../../src/index.js';
import { createManualClock } from '../../src/engine/clock.js';
import type { Collection, CollectionName, Store, StoreRecords } from '../../src/ports/store.js';
import { type MemoryStoreSnapshot, createMemoryStore } from '../memory-store/index.js';
import { createSimulatedCarrier, createSimulatedNotifier, type SimulatedCarrier } from '../simulated-carrier/index.js';

export interface DemoBackendOptions {
  /**
   * Seed of the simulated carrier: the same seed gives the same deliveries and replies.
   * @default 1
   */
  seed?: number;
  /**
   * Adds a conversation of this many messages (the long-thread case).
   * @default 0
   */
  largeThread?: number;
  /**
   * Recipients in the demo's customer list.
   * @default 240
   */
  listSize?: number;
  /**
   * Carrier latency while the demo runs, in ms: a number or a [min, max] range.
   * @default [200, 1200]
   */
  latencyMs?: number | [number, number];
  /** Settings to apply over the demo's own after seeding (e.g. a slower rate to keep a campaign running). */
  settings?: Partial<Settings>;
  /**
   * Resume the campaign the seed left running (the live engine goes on with it by itself); false leaves it stopped.
   * @default true
   */
  resumeRunning?: boolean;
  /**
   * Seeds a second organisation beside the first, "Globex Logistics" (its own numbers, short code and addresses, the
   * same people's names: organisations are sealed from each other), and names the demo's operator. The first is the
   * default organisation, renamed "Acme Corporation".
   * @default false
   */
  secondOrganisation?: boolean;
}

export interface DemoBackend {
  backend: LocalBackend;
  /** The first organisation (the default one). */
  world: DemoWorld;
  /** Every seeded organisation's world, by organisation id. */
  worlds: Record<string, DemoWorld>;
  /** The hosting vendor's operator, who manages the organisations. */
  operator: Principal;
  carrier: SimulatedCarrier;
  /** E-mails the demo's routing sent. */
  outbox: { to: string; subject: string; text: string }[];
}

const WEEK = 7 * 86_400_000;
/** What the demo's customers answer a campaign with, drawn evenly: half of them opt out. */
const DEMO_REPLIES = ['STOP', 'Stop', 'STOP', 'Thanks!', 'Is the sale on online too?', 'What time do you open on Saturday?'];

/** The demo's records, seeded once, ready to be written into a store (`writeDemoSeed`), and who is who in them. */
export interface DemoSeed {
  /** Every record, by organisation and collection, as a memory store exports them. */
  snapshot: MemoryStoreSnapshot;
  /** The first organisation (the default one). */
  world: DemoWorld;
  /** Every seeded organisation's world, by organisation id. */
  worlds: Record<string, DemoWorld>;
  /** The hosting vendor's operator, who manages the organisations. */
  operator: Principal;
}

/**
 * Seeds the demo's organisations, each with a week of history written by an engine on a manual clock that starts a
 * week ago, and returns their records. `createDemoBackend` opens them in a memory store; a server writes them once
 * into its durable store with `writeDemoSeed`.
 *
 * @example
 * const seed = await createDemoSeed({ secondOrganisation: true });
 * if (await isEmpty(store)) await writeDemoSeed(store, seed);
 */
export async function createDemoSeed(options: DemoBackendOptions = {}, notifier = createSimulatedNotifier()): Promise<DemoSeed> {
  const acme = await seedOrganisation(options, notifier, 1);
  let snapshot = acme.snapshot;
  const worlds: Record<string, DemoWorld> = { [DEFAULT_ORGANISATION_ID]: acme.world };
  if (options.secondOrganisation) {
    const globex = await seedOrganisation({ ...options, listSize: Math.min(options.listSize ?? 240, 80), largeThread: 0 }, notifier, 2, 'globex.example');
    snapshot = besides(snapshot, globex.snapshot, SECOND_ORGANISATION);
    worlds[SECOND_ORGANISATION] = inOrganisation(globex.world, SECOND_ORGANISATION);
  }
  return { snapshot, world: acme.world, worlds, operator: DEMO_OPERATOR };
}

/**
 * Writes a seed's records into a store (empty, or at least holding none of them), a thousand at a time.
 * Returns how many records it wrote.
 */
export async function writeDemoSeed(store: Store, seed: Pick<DemoSeed, 'snapshot'>): Promise<number> {
  let written = 0;
  for (const [organisationId, collections] of Object.entries(seed.snapshot)) {
    const scope = store.scope(organisationId);
    for (const [name, records] of Object.entries(collections) as [CollectionName, StoreRecords[CollectionName][]][]) {
      const collection = scope.collection(name) as Collection<StoreRecords[CollectionName]>;
      for (let start = 0; start < records.length; start += 1000) await collection.insertMany(records.slice(start, start + 1000));
      written += records.length;
    }
  }
  return written;
}

/** The live engine and the simulated carrier over a store holding the demo's records (see `openDemoEngine`). */
export type DemoEngine = Pick<DemoBackend, 'backend' | 'carrier' | 'outbox' | 'operator'>;

/**
 * The live engine over a store that holds the demo's records, on the simulated carrier (its replies and delivery
 * reports on the real clock) with the demo's operator, as a restarted server opens it. The engine resumes what was
 * running by itself.
 */
export async function openDemoEngine(store: Store, options: DemoBackendOptions = {}, notifier = createSimulatedNotifier()): Promise<DemoEngine> {
  const carrier = createSimulatedCarrier({
    seed: options.seed ?? 1,
    latencyMs: options.latencyMs ?? [200, 1200],
    deliveryRate: 0.95,
    // Most who answer a campaign opt out; some ask something or say thanks. Answers come over the next minute or so.
    replies: { rate: 0.03, bodies: DEMO_REPLIES, delayMs: [4000, 60_000] },
  });
  const backend = createLocalBackend({ store, carrier, notifier, operators: [DEMO_OPERATOR.userId] });
  await backend.ready;
  return { backend, carrier, outbox: notifier.outbox, operator: DEMO_OPERATOR };
}

/**
 * Opens a store holding the demo's records just written (`writeDemoSeed`) on the live engine: renames the first
 * organisation when there are two and applies `options.settings`; the engine resumes the campaign the seed left running.
 */
export async function openDemoBackend(store: Store, seed: Omit<DemoSeed, 'snapshot'>, options: DemoBackendOptions = {}, notifier = createSimulatedNotifier()): Promise<DemoBackend> {
  const engine = await openDemoEngine(store, options, notifier);
  const { backend } = engine;
  const operator = createSmsClient({ backend, principal: DEMO_OPERATOR });
  if (Object.keys(seed.worlds).length > 1) await operator.organisations.update(DEFAULT_ORGANISATION_ID, { name: 'Acme Corporation' });
  for (const world of Object.values(seed.worlds)) {
    const live = createSmsClient({ backend, principal: world.principals.admin });
    if (options.settings) await live.settings.update(options.settings);
  }
  return { ...engine, world: seed.world, worlds: seed.worlds };
}

/**
 * A seeded demo backend with a week of history. The history is written by an engine on a manual clock that starts a
 * week ago; the live engine then opens the same store on the real clock, as a restarted server would.
 *
 * @example
 * const { backend, world } = await createDemoBackend();
 * const alice = createSmsClient({ backend, principal: world.principals.alice });
 */
export async function createDemoBackend(options: DemoBackendOptions = {}): Promise<DemoBackend> {
  const notifier = createSimulatedNotifier();
  const { snapshot, ...seed } = await createDemoSeed(options, notifier);
  // The engine resumes a running campaign by itself: one the caller does not want resumed is stopped in the records.
  const records = (options.resumeRunning ?? true) ? snapshot : stopRunning(snapshot);
  return openDemoBackend(createMemoryStore({ snapshot: records }), seed, options, notifier);
}

/** The second organisation's id, when there is one. */
const SECOND_ORGANISATION = 'globex';

/** The demo's operator: the hosting vendor's staff member who manages the organisations. */
const DEMO_OPERATOR: Principal = { userId: 'demo-operator', role: 'operator' };

/**
 * Seeds one organisation on a store of its own, as the default organisation, with a week of history written by an
 * engine on a manual clock that starts a week ago (each organisation on its own week). Returns its records.
 */
async function seedOrganisation(options: DemoBackendOptions, notifier: ReturnType<typeof createSimulatedNotifier>, numberBlock: number, emailDomain?: string) {
  const store = createMemoryStore();
  const clock = createManualClock({ start: Date.now() - WEEK });
  const seedCarrier = createSimulatedCarrier({ seed: options.seed ?? 1, latencyMs: 0, deliveryRate: 0.96, clock });
  const seeding = createLocalBackend({ store, carrier: seedCarrier, notifier, clock });
  // The organisation's first administrator is stored from its principal (the directory has no name for it yet).
  const admin = createSmsClient({ backend: seeding, principal: { userId: 'demo-admin', role: 'admin' } });
  await admin.directory.me();
  await admin.directory.updateUser('demo-admin', { name: DEMO_ADMIN.name, email: emailDomain ? DEMO_ADMIN.email.replace(/@.*$/, `@${emailDomain}`) : DEMO_ADMIN.email });
  const world = await seedDemo(admin, {
    inject: (sms) => seeding.inbound.sms(sms),
    advance: async (ms) => {
      await clock.advance(ms);
    },
    now: () => clock.now(),
    settle: async () => {
      await seedCarrier.flush();
      await seeding.idle();
    },
    numberBlock,
    ...(emailDomain !== undefined && { emailDomain }),
    ...(options.largeThread !== undefined && { largeThread: options.largeThread }),
    ...(options.listSize !== undefined && { listSize: options.listSize }),
  });
  await seeding.close();
  return { snapshot: store.exportSnapshot(), world };
}

/**
 * The records of `other`'s default organisation put beside `base`'s under the id `organisationId`: its scope, its
 * organisation record (renamed) and the addresses it holds.
 */
/** The snapshot with the campaigns it has running stopped, as if stopped before the live engine opened it. */
function stopRunning(snapshot: MemoryStoreSnapshot): MemoryStoreSnapshot {
  const stopped: MemoryStoreSnapshot = {};
  for (const [organisationId, scoped] of Object.entries(snapshot)) {
    const campaigns = scoped.campaigns?.map((campaign) => (campaign.status === 'running' ? { ...campaign, status: 'stopped' as const } : campaign));
    stopped[organisationId] = { ...scoped, ...(campaigns && { campaigns }) };
  }
  return stopped;
}

function besides(base: MemoryStoreSnapshot, other: MemoryStoreSnapshot, organisationId: string): MemoryStoreSnapshot {
  const system = base[SYSTEM_SCOPE] ?? {};
  const theirs = other[SYSTEM_SCOPE] ?? {};
  const organisation = theirs.organisations?.find((record) => record.id === DEFAULT_ORGANISATION_ID);
  return {
    ...base,
    [organisationId]: other[DEFAULT_ORGANISATION_ID] ?? {},
    [SYSTEM_SCOPE]: {
      ...system,
      organisations: [...(system.organisations ?? []), ...(organisation ? [{ ...organisation, id: organisationId, name: 'Globex Logistics' }] : [])],
      addresses: [...(system.addresses ?? []), ...(theirs.addresses ?? []).map((address) => ({ ...address, organisationId }))],
    },
  };
}

/** A world seeded as the default organisation, its principals naming the organisation it now lives in. */
function inOrganisation(world: DemoWorld, organisationId: string): DemoWorld {
  const principals = Object.fromEntries(Object.entries(world.principals).map(([key, principal]) => [key, { ...principal, organisationId }]));
  return { ...world, principals: principals as DemoWorld['principals'] };
}
