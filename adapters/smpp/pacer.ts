import { RateLimiter } from '../../src/engine/rate-limiter.js';
import type { Clock } from '../../src/ports/carrier.js';

/** The first wait after the SMSC throttles, doubled each time it throttles again, up to THROTTLE_MAX_MS. */
const THROTTLE_MIN_MS = 100;
const THROTTLE_MAX_MS = 5000;
/** How far ahead of its even spacing (1000 / tps ms apart) a submit may go: small bursts, never a second's worth at once. */
const BURST_MS = 10;

interface Waiter {
  resolve(release: () => void): void;
  reject(error: unknown): void;
  settled: boolean;
  timer: unknown;
}

/**
 * Lets submit_sm go in turn (first come, first served): at most `windowSize` waiting for their response, at most `tps`
 * in any one second (0: no cap) and evenly spread over it (an SMSC counts them as they arrive, and many count over
 * parts of a second), and none while the SMSC's throttling backoff lasts.
 */
export class Pacer {
  private readonly queue: Waiter[] = [];
  private head = 0;
  private inFlight = 0;
  private wake: unknown = null;
  private pausedUntil = 0;
  private backoffMs = 0;
  /** When the next submit is due at the even spacing (GCRA's theoretical arrival time), in ms on the clock. */
  private due = 0;
  private readonly limiter: RateLimiter;

  constructor(
    private readonly windowSize: number,
    private readonly tps: number,
    private readonly clock: Clock,
  ) {
    this.limiter = new RateLimiter(clock);
  }

  /**
   * Waits for a turn; resolves with the function that gives it back (call it once the response came, or never will).
   * Rejects with `onTimeout()` at `deadline` (ms on the clock; Infinity waits on).
   */
  acquire(deadline: number, onTimeout: () => unknown): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, settled: false, timer: null };
      if (Number.isFinite(deadline)) {
        waiter.timer = this.clock.setTimeout(() => {
          if (waiter.settled) return;
          waiter.settled = true;
          reject(onTimeout());
        }, Math.max(0, deadline - this.clock.now()));
      }
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** The SMSC throttled (ESME_RTHROTTLED, ESME_RMSGQFUL): nothing goes for a while, longer each time in a row. */
  throttled(): void {
    this.backoffMs = this.backoffMs === 0 ? THROTTLE_MIN_MS : Math.min(this.backoffMs * 2, THROTTLE_MAX_MS);
    this.pausedUntil = this.clock.now() + this.backoffMs;
  }

  /** The SMSC took a submit: the next throttling starts from the shortest wait again. */
  accepted(): void {
    this.backoffMs = 0;
  }

  /** Refuses every waiting turn with `error` (the carrier closes). */
  close(error: unknown): void {
    if (this.wake !== null) this.clock.clearTimeout(this.wake);
    this.wake = null;
    for (let index = this.head; index < this.queue.length; index++) this.settle(this.queue[index]!)?.reject(error);
    this.queue.length = 0;
    this.head = 0;
  }

  /** Turns in use (submits waiting for their response), and sends waiting for a turn. */
  get counts(): { inFlight: number; waiting: number } {
    let waiting = 0;
    for (let index = this.head; index < this.queue.length; index++) if (!this.queue[index]!.settled) waiting += 1;
    return { inFlight: this.inFlight, waiting };
  }

  private pump(): void {
    if (this.wake !== null) return;
    while (this.head < this.queue.length) {
      const next = this.queue[this.head]!;
      if (next.settled) {
        this.shift();
        continue;
      }
      if (this.inFlight >= this.windowSize) return;
      const wait = this.waitForTurn();
      if (wait > 0) {
        this.wake = this.clock.setTimeout(() => {
          this.wake = null;
          this.pump();
        }, wait);
        return;
      }
      this.shift();
      this.inFlight += 1;
      let given = false;
      this.settle(next)!.resolve(() => {
        if (given) return;
        given = true;
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  /** 0 when a submit may go now (and counts it), else how many ms to wait. */
  private waitForTurn(): number {
    const now = this.clock.now();
    if (this.pausedUntil > now) return this.pausedUntil - now;
    if (this.tps <= 0) return 0;
    if (this.due - BURST_MS > now) return Math.ceil(this.due - BURST_MS - now);
    const wait = this.limiter.tryTake('submit', 1, this.tps);
    if (wait === 0) this.due = Math.max(this.due, now) + 1000 / this.tps;
    return wait;
  }

  private shift(): void {
    this.head += 1;
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }

  private settle(waiter: Waiter): Waiter | null {
    if (waiter.settled) return null;
    waiter.settled = true;
    if (waiter.timer !== null) this.clock.clearTimeout(waiter.timer);
    return waiter;
  }
}
