import { DEMO_ADMIN, createLocalBackend, createSmsClient, seedDemo, type DemoWorld, type LocalBackend, type Settings } from '../../src/index.js';
import { createManualClock } from '../../src/engine/clock.js';
import { createMemoryStore } from '../memory-store/index.js';
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
   * Resume the campaign the seed left running.
   * @default true
   */
  resumeRunning?: boolean;
}

export interface DemoBackend {
  backend: LocalBackend;
  world: DemoWorld;
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
  const store = createMemoryStore();
  const notifier = createSimulatedNotifier();
  const clock = createManualClock({ start: Date.now() - WEEK });
  const seedCarrier = createSimulatedCarrier({ seed: options.seed ?? 1, latencyMs: 0, deliveryRate: 0.96, clock });
  const seeding = createLocalBackend({ store, carrier: seedCarrier, notifier, clock });
  // The organisation's first administrator is stored from its principal (the directory has no name for it yet).
  const admin = createSmsClient({ backend: seeding, principal: { userId: 'demo-admin', role: 'admin' } });
  await admin.directory.me();
  await admin.directory.updateUser('demo-admin', { name: DEMO_ADMIN.name, email: DEMO_ADMIN.email });
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
    ...(options.largeThread !== undefined && { largeThread: options.largeThread }),
    ...(options.listSize !== undefined && { listSize: options.listSize }),
  });
  await seeding.close();

  const carrier = createSimulatedCarrier({
    seed: options.seed ?? 1,
    latencyMs: options.latencyMs ?? [200, 1200],
    deliveryRate: 0.95,
    replies: { rate: 0.03, delayMs: 4000 },
  });
  const backend = createLocalBackend({ store, carrier, notifier });
  await backend.ready;
  const live = createSmsClient({ backend, principal: world.principals.admin });
  if (options.settings) await live.settings.update(options.settings);
  if (options.resumeRunning ?? true) {
    const alice = createSmsClient({ backend, principal: world.principals.alice });
    await alice.campaigns.restart(world.campaigns.running);
  }
  return { backend, world, carrier, outbox: notifier.outbox };
}
