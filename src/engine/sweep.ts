import type { Store } from '../ports/store.js';
import type { EngineCore } from './core.js';

/** What the sweep asks of the deployment, per organisation. */
export interface SweepTarget {
  /** Every organisation's id. */
  organisationIds(): Promise<string[]>;
  /** Starts the engine of an organisation this instance had not loaded (made on another instance since). */
  ensureStarted(organisationId: string): Promise<void>;
  /** Forgets what was read of the organisations (another instance may have changed them). */
  refreshOrganisations(): void;
  /** Settles what dead instances left in an organisation, and runs its running campaigns not running here. */
  recover(organisationId: string): Promise<void>;
  /** Releases what fell due in an organisation (whichever instance scheduled it), once over every instance. */
  release(organisationId: string): Promise<void>;
}

/** Records read per kind and sweep: enough for a sweep's work, bounded. */
const LIMIT = 1000;
/** While sweeps find nothing to do, the interval doubles, up to 2^MAX_BACK_OFF times `sweepIntervalMs`. */
const MAX_BACK_OFF = 8;

/**
 * Every `sweepIntervalMs`, the instance looks across the store for what no signal told it, or what a dead instance left:
 * organisations made or changed elsewhere, campaigns running (which it dispatches too), messages claimed by an instance
 * that died (held `unknown`), schedules fallen due (released by exactly one instance, by a conditional update), and
 * expired shared counters and relayed events (deleted). A sweep costs a few indexed reads when there is nothing to do;
 * while sweeps find nothing (no campaign running, nothing in flight or due anywhere), the interval doubles, up to 256
 * times `sweepIntervalMs` (43 minutes by default), and a signal from another instance brings it back at once.
 */
export class Sweep {
  private timer: unknown = null;
  /** When the armed sweep is due (ms of the clock). */
  private dueAt = Number.POSITIVE_INFINITY;
  private running = false;
  /** Sweeps in a row that found nothing to do. */
  private idleRounds = 0;

  constructor(private readonly core: EngineCore, private readonly target: SweepTarget) {}

  get store(): Store {
    return this.core.ports.store;
  }

  /** Arms the next sweep: `sweepIntervalMs` from now, more while sweeps find nothing to do. */
  arm(): void {
    if (this.core.isClosed) return;
    const { clock, sweepIntervalMs } = this.core.ports;
    const wait = sweepIntervalMs * 2 ** Math.min(this.idleRounds, MAX_BACK_OFF);
    if (this.timer !== null && this.dueAt <= clock.now() + wait) return;
    this.stop();
    this.dueAt = clock.now() + wait;
    this.timer = clock.setTimeout(() => {
      this.timer = null;
      this.dueAt = Number.POSITIVE_INFINITY;
      this.core.background(async () => {
        try {
          this.idleRounds = (await this.sweep()) ? 0 : this.idleRounds + 1;
        } finally {
          this.arm();
        }
      });
    }, wait);
    // A sweep's timer alone does not keep a Node process alive.
    (this.timer as { unref?: () => void } | null)?.unref?.();
  }

  /** Another instance is at work: the next sweep comes within `sweepIntervalMs` again. */
  wake(): void {
    this.idleRounds = 0;
    if (!this.running) this.arm();
  }

  stop(): void {
    if (this.timer !== null) this.core.ports.clock.clearTimeout(this.timer);
    this.timer = null;
    this.dueAt = Number.POSITIVE_INFINITY;
  }

  /** One sweep; resolves whether it found anything to do or watch. */
  async sweep(): Promise<boolean> {
    if (this.running || this.core.isClosed) return true;
    this.running = true;
    try {
      this.target.refreshOrganisations();
      for (const id of await this.target.organisationIds()) await this.target.ensureStarted(id);
      const now = this.core.nowIso();
      const touched = async (name: 'campaigns' | 'messages', where: Record<string, unknown>) =>
        new Set((await this.store.across(name).find({ where: where as never, limit: LIMIT })).map((found) => found.organisationId));
      const recover = new Set([
        ...(await touched('campaigns', { status: 'running' })),
        ...(await touched('messages', { status: 'sending', providerId: null, updatedAt: { $lt: this.core.orphanedBefore() } })),
      ]);
      for (const id of recover) await this.target.recover(id);
      const due = new Set([
        ...(await touched('messages', { status: 'scheduled', sendAt: { $lte: now } })),
        ...(await touched('campaigns', { status: 'scheduled', scheduledAt: { $lte: now } })),
      ]);
      for (const id of due) await this.target.release(id);
      await this.deleteExpired(now);
      const inFlight = await touched('messages', { status: { $in: ['sending', 'queued'] } });
      return recover.size + due.size + inFlight.size > 0;
    } finally {
      this.running = false;
    }
  }

  private async deleteExpired(now: string): Promise<void> {
    for (const name of ['counters', 'relayedEvents'] as const) {
      const expired = await this.store.across(name).find({ where: { expiresAt: { $lt: now } }, limit: LIMIT });
      for (const id of new Set(expired.map((found) => found.organisationId))) {
        await this.store.scope(id).collection(name).deleteMany({ expiresAt: { $lt: now } });
      }
    }
  }
}
