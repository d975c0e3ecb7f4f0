import type { EngineContext } from './context.js';

/** The shared rate's window: one second of the clock. */
const SECOND = 1000;
/** How long a window's counter is kept in the store after the window (then the sweep deletes it). */
const KEEP_MS = 60_000;
/** A take counts at most this share of a second's rate, so that the instances sending for one sender take turns. */
const SHARE = 4;

/** What a sender may hand over now: how many of the messages asked for, and the window their segments count in. */
export interface SharedTurn {
  /** How many of the messages (a prefix of them) may go now. */
  count: number;
  /** When none may go: how long until the next window (ms). */
  wait: number;
  /** The counter their segments were counted in, to give back those that did not go after all. */
  key: string;
}

/**
 * A sender's rate across every instance over the store: the segments it hands over are counted per second of the
 * clock in a counter the instances share (`counters`, key `rate:<sender>:<second>`), with `increment`, a window of sends
 * at a time, at most a quarter of the rate per take (so that the instances take turns within a second). A window's
 * messages go as far as the count leaves room in that second; the rest wait for the next second.
 * Together with each instance's sliding window (`RateLimiter`), this holds a sender to its rate within each second of
 * the clock, whatever the number of instances (a message with more segments than the rate goes alone in its second);
 * across a second's boundary, two seconds' worth may go within one sliding second, and instances whose clocks differ
 * shift the seconds by as much.
 */
export class SharedRate {
  constructor(private readonly ctx: EngineContext) {}

  /** Counts the segments of as many of these messages (in order) as `sender` may hand over in this second. */
  async take(sender: string, perSecond: number, segments: readonly number[]): Promise<SharedTurn> {
    if (perSecond <= 0 || segments.length === 0) return { count: segments.length, wait: 0, key: '' };
    const now = this.ctx.clock.now();
    const second = Math.floor(now / SECOND);
    const key = `rate:${sender}:${second}`;
    const share = Math.ceil(perSecond / SHARE);
    let asked = 0;
    let total = 0;
    while (asked < segments.length && (asked === 0 || total + segments[asked]! <= share)) total += segments[asked++]!;
    const { value } = await this.ctx.db.counters.increment(key, { value: total }, this.init(key, second));
    const before = value - total;
    const room = before === 0 ? Math.max(perSecond, segments[0]!) : perSecond - before;
    let count = 0;
    let used = 0;
    while (count < asked && used + segments[count]! <= room) used += segments[count++]!;
    if (used < total) await this.ctx.db.counters.increment(key, { value: used - total }, this.init(key, second));
    return { count, wait: count === 0 ? (second + 1) * SECOND - now : 0, key };
  }

  /** Uncounts segments counted in `turn` for messages that did not go after all (their claim lost). */
  async giveBack(turn: SharedTurn, segments: number): Promise<void> {
    if (turn.key === '' || segments <= 0) return;
    const second = Number(turn.key.slice(turn.key.lastIndexOf(':') + 1));
    await this.ctx.db.counters.increment(turn.key, { value: -segments }, this.init(turn.key, second));
  }

  private init(key: string, second: number) {
    return { id: key, value: 0, expiresAt: new Date((second + 1) * SECOND + KEEP_MS).toISOString() };
  }
}
