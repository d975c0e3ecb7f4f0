import type { Clock } from '../ports/carrier.js';

/** What ends a wait early: a stop request. */
export interface StopSignal {
  readonly stopped: boolean;
  /** Calls `callback` when the stop is requested; returns the function that forgets it. */
  onStop(callback: () => void): () => void;
}

/** Segments a sender handed over in the last second, oldest first. */
interface Window {
  at: number[];
  segments: number[];
  head: number;
  used: number;
}

const SECOND = 1000;

/**
 * Segments per second per sender, on the engine's clock: a sliding one-second window, so that a sender never hands
 * over more than its rate within any one second (a token bucket lets twice the rate through in the first second).
 * A rate of 0 means no limit; a message with more segments than the rate goes alone in its second.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly clock: Clock) {}

  /**
   * Waits until `segments` may be sent by `sender` at `perSecond`, and counts them. Resolves false, counting nothing,
   * when `signal` asks to stop first.
   */
  async take(sender: string, segments: number, perSecond: number, signal?: StopSignal): Promise<boolean> {
    for (;;) {
      if (signal?.stopped) return false;
      const wait = this.tryTake(sender, segments, perSecond);
      if (wait === 0) return true;
      await pause(this.clock, wait, signal);
    }
  }

  /**
   * `take` without waiting: counts the segments and returns 0 when they may go now, or returns how many ms to wait
   * (counting nothing). The hot path of dispatch, which awaits `take` only when it must wait.
   */
  tryTake(sender: string, segments: number, perSecond: number): number {
    if (perSecond <= 0) return 0;
    const window = this.windowOf(sender);
    const wait = this.waitIn(window, segments, perSecond);
    if (wait === 0) {
      window.at.push(this.clock.now());
      window.segments.push(segments);
      window.used += segments;
    }
    return wait;
  }

  /** How many ms `sender` must wait before `segments` may go at `perSecond` (0: now), counting nothing. */
  waitFor(sender: string, segments: number, perSecond: number): number {
    return perSecond <= 0 ? 0 : this.waitIn(this.windowOf(sender), segments, perSecond);
  }

  private windowOf(sender: string): Window {
    let window = this.windows.get(sender);
    if (!window) this.windows.set(sender, (window = { at: [], segments: [], head: 0, used: 0 }));
    return window;
  }

  /** Forgets what left the window a second ago, then says how long `segments` must wait. */
  private waitIn(window: Window, segments: number, perSecond: number): number {
    const now = this.clock.now();
    while (window.head < window.at.length && window.at[window.head]! <= now - SECOND) window.used -= window.segments[window.head++]!;
    if (window.head > 1024 && window.head * 2 > window.at.length) {
      window.at.splice(0, window.head);
      window.segments.splice(0, window.head);
      window.head = 0;
    }
    if (window.used === 0 || window.used + segments <= perSecond) return 0;
    return Math.max(1, window.at[window.head]! + SECOND - now);
  }

  /**
   * Gives back segments taken for a message that did not go after all (found blocked, or its claim lost): the most
   * recent ones counted for `sender` are uncounted, so that the next message may use them.
   */
  giveBack(sender: string, segments: number, perSecond: number): void {
    const window = this.windows.get(sender);
    if (perSecond <= 0 || !window) return;
    let left = segments;
    while (left > 0 && window.at.length > window.head) {
      const last = window.segments.length - 1;
      const taken = Math.min(left, window.segments[last]!);
      window.segments[last]! -= taken;
      window.used -= taken;
      left -= taken;
      if (window.segments[last] === 0) {
        window.segments.pop();
        window.at.pop();
      }
    }
  }
}

/** Waits `ms` on the clock, or less when `signal` asks to stop first. */
export function pause(clock: Clock, ms: number, signal?: StopSignal): Promise<void> {
  // A stop asked before the pause began ends it at once, as one asked during it does.
  if (signal?.stopped) return Promise.resolve();
  return new Promise((resolve) => {
    let forget = (): void => undefined;
    const handle = clock.setTimeout(() => {
      forget();
      resolve();
    }, ms);
    if (signal) {
      forget = signal.onStop(() => {
        clock.clearTimeout(handle);
        resolve();
      });
    }
  });
}
