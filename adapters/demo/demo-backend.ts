import {
  DEFAULT_ORGANISATION_ID, DEMO_ADMIN, SYSTEM_SCOPE, createLocalBackend, createSmsClient, seedDemo, type DemoWorld, type LocalBackend, type Principal,
  type Settings,
} from '../../src/index.js';
import { createManualClock } from '../../src/engine/clock.js';
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
  const acme = await seedOrganisation(options, notifier, 1);
  let snapshot = acme.snapshot;
  const worlds: Record<string, DemoWorld> = { [DEFAULT_ORGANISATION_ID]: acme.world };
  if (options.secondOrganisation) {
    const globex = await seedOrganisation({ ...options, listSize: Math.min(options.listSize ?? 240, 80), largeThread: 0 }, notifier, 2, 'globex.example');
    snapshot = besides(snapshot, globex.snapshot, SECOND_ORGANISATION);
    worlds[SECOND_ORGANISATION] = inOrganisation(globex.world, SECOND_ORGANISATION);
  }
  if (!(options.resumeRunning ?? true)) snapshot = stopRunning(snapshot);
  const store = createMemoryStore({ snapshot });

  const carrier = createSimulatedCarrier({
    seed: options.seed ?? 1,
    latencyMs: options.latencyMs ?? [200, 1200],
    deliveryRate: 0.95,
    replies: { rate: 0.03, delayMs: 4000 },
  });
  const backend = createLocalBackend({ store, carrier, notifier, operators: [DEMO_OPERATOR.userId] });
  await backend.ready;
  const operator = createSmsClient({ backend, principal: DEMO_OPERATOR });
  if (options.secondOrganisation) await operator.organisations.update(DEFAULT_ORGANISATION_ID, { name: 'Acme Corporation' });
  for (const world of Object.values(worlds)) {
    const live = createSmsClient({ backend, principal: world.principals.admin });
    if (options.settings) await live.settings.update(options.settings);
  }
  return { backend, world: acme.world, worlds, operator: DEMO_OPERATOR, carrier, outbox: notifier.outbox };
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
