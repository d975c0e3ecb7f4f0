import { LimitError } from '../errors/limit-error.js';
import type { MessageError, OrganisationLimits } from '../model/index.js';
import type { EngineContext } from './context.js';
import { RateLimiter, pause } from './rate-limiter.js';
import type { SendKind } from './send-slots.js';

const DAY = 86_400_000;
/** The per-second cap counts every send of the organisation under one key. */
const ALL = 'all';

/** The UTC day of a time, `YYYY-MM-DD`: the key its sends are counted under. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The start of the UTC day after the one of `ms`: when that day's cap lifts. */
export function nextDay(ms: number): number {
  return (Math.floor(ms / DAY) + 1) * DAY;
}

/** Sends counted for a day in the store. */
export interface Counted {
  day: string;
  count: number;
}

/**
 * Sends of a campaign run counted for their day but not stored yet: an organisation without a daily cap has its
 * campaign sends stored a batch at a time (`countToday` with a tally, then `storeTally`) rather than a window at a time,
 * as no cap reads the count meanwhile.
 */
export interface DayTally {
  day: string;
  count: number;
}

/** A one-to-one send refused, and why. */
export interface Refused {
  refused: MessageError;
}

/**
 * The caps the operator puts on one organisation's sends (`Organisation.limits`), for its one-to-one messages and its
 * campaigns alike. `sendsPerSecond`: a sliding one-second window on the engine's clock, in which a one-to-one message
 * waiting goes before the campaigns' sends. `sendsPerDay`: every send is counted for its UTC day in the store
 * (`sendCounts`, with `increment`, a window of sends at a time), so that the cap holds across instances and restarts;
 * a count past the cap is taken back at once, so that no more than the cap go.
 */
export class SendCaps {
  private readonly perSecond: RateLimiter;
  /** One-to-one sends waiting for the per-second cap: campaign sends wait while there are any. */
  private directWaiting = 0;

  constructor(private readonly ctx: EngineContext) {
    this.perSecond = new RateLimiter(ctx.clock);
  }

  /**
   * Counts one send against the per-second cap: 0 when it may go now, else how many ms to wait (counting nothing).
   * A campaign's send also waits while a one-to-one send of the organisation does.
   */
  trySecond(limits: OrganisationLimits, kind: SendKind): number {
    const cap = limits.sendsPerSecond;
    if (cap === null) return 0;
    if (kind === 'campaign' && this.directWaiting > 0) return Math.max(1, this.perSecond.waitFor(ALL, 1, cap));
    return this.perSecond.tryTake(ALL, 1, cap);
  }

  /** Uncounts sends counted against the per-second cap that did not go after all. */
  giveBackSecond(limits: OrganisationLimits, count = 1): void {
    if (limits.sendsPerSecond !== null) this.perSecond.giveBack(ALL, count, limits.sendsPerSecond);
  }

  /**
   * Counts up to `count` sends for today in the store: as many as the daily cap lets go (all without a cap), and
   * returns them. The store's count holds across instances: two that count at once never let more than the cap go.
   * Without a cap, sends counted with a `tally` are added to it instead, for `storeTally` to store later.
   */
  async countToday(limits: OrganisationLimits, count: number, tally?: DayTally): Promise<Counted> {
    const day = dayOf(this.ctx.clock.now());
    if (tally && limits.sendsPerDay === null) {
      if (tally.day !== day) await this.storeTally(tally);
      tally.day = day;
      tally.count += count;
      return { day, count };
    }
    const { sends } = await this.ctx.db.sendCounts.increment(day, { sends: count }, { id: day, sends: 0 });
    const cap = limits.sendsPerDay;
    const allowed = cap === null ? count : Math.max(0, Math.min(count, cap - (sends - count)));
    if (allowed < count) await this.ctx.db.sendCounts.increment(day, { sends: allowed - count }, { id: day, sends: 0 });
    return { day, count: allowed };
  }

  /** Uncounts sends counted for their day that did not go after all (blocked, or claimed by another run). */
  async uncount(day: string, count: number, tally?: DayTally): Promise<void> {
    if (tally?.day === day && tally.count >= count) tally.count -= count;
    else if (count > 0) await this.ctx.db.sendCounts.increment(day, { sends: -count }, { id: day, sends: 0 });
  }

  /** Stores the sends a tally holds for their day (one `increment`), and empties it. */
  async storeTally(tally: DayTally): Promise<void> {
    const { day, count } = tally;
    tally.count = 0;
    if (count !== 0) await this.ctx.db.sendCounts.increment(day, { sends: count }, { id: day, sends: 0 });
  }

  /** When the daily cap lifts again, if it is reached now; else null. */
  async spentUntil(limits: OrganisationLimits): Promise<number | null> {
    const cap = limits.sendsPerDay;
    if (cap === null) return null;
    const now = this.ctx.clock.now();
    const counted = await this.ctx.db.sendCounts.get(dayOf(now));
    return (counted?.sends ?? 0) >= cap ? nextDay(now) : null;
  }

  /** Refuses a one-to-one message with a `LimitError` when the organisation's daily cap is reached. */
  async assertNotSpent(): Promise<void> {
    const limits = await this.ctx.limits();
    const until = await this.spentUntil(limits);
    if (until !== null) throw this.spent(limits.sendsPerDay!, until);
  }

  /**
   * Waits for a one-to-one message's turn: under the per-second cap, with one of the engine's send slots (the
   * caller releases it once the carrier has answered), and counted for today. Refused when the daily cap is reached
   * (holding no slot then).
   */
  async directTurn(): Promise<Counted | Refused> {
    let waiting = false;
    try {
      for (;;) {
        await this.ctx.sendSlots.take(this.ctx.organisationId, 'direct', 1);
        const limits = await this.ctx.limits();
        const wait = this.trySecond(limits, 'direct');
        if (wait === 0) {
          const counted = await this.countToday(limits, 1).catch((error: unknown) => ({ error }));
          if ('count' in counted && counted.count === 1) return counted;
          this.ctx.sendSlots.release();
          this.giveBackSecond(limits);
          if ('error' in counted) throw counted.error;
          const { code, message } = this.spent(limits.sendsPerDay!, nextDay(this.ctx.clock.now()));
          return { refused: { code, message } };
        }
        this.ctx.sendSlots.release();
        if (!waiting) this.directWaiting += 1;
        waiting = true;
        await pause(this.ctx.clock, wait);
      }
    } finally {
      if (waiting) this.directWaiting -= 1;
    }
  }

  private spent(cap: number, until: number): LimitError {
    const resetAt = new Date(until).toISOString();
    return new LimitError(`The organisation has sent its ${cap} messages for today (UTC): more can go from ${resetAt}.`, { limit: 'sendsPerDay', value: cap, resetAt });
  }
}
