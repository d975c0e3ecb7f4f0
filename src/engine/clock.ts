import { SmsError } from '../errors/sms-error.js';
import { host, type HostMessageChannel } from '../internal/host.js';
import type { Clock } from '../ports/carrier.js';

/**
 * The host's clock: `Date.now()` and the host's `setTimeout`, in a browser tab and in Node alike.
 *
 * @example
 * const backend = createLocalBackend({ store, carrier, clock: systemClock });
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => host.setTimeout(callback, ms),
  clearTimeout: (handle) => host.clearTimeout(handle),
};

/**
 * Resolves after one host task, so that every promise continuation queued before it (and every one those queue) has
 * run. Uses `setImmediate` in Node and a `MessageChannel` in browsers, as `setTimeout(0)` waits 1 to 4 ms.
 *
 * @example
 * void engine.handle(report);
 * await nextTask(); // the handler's async steps have all run
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof host.setImmediate === 'function') host.setImmediate(resolve);
    else if (typeof host.MessageChannel === 'function') postTask(resolve);
    else host.setTimeout(resolve, 0);
  });
}

let channel: HostMessageChannel | null = null;
const posted: Array<() => void> = [];

function postTask(callback: () => void): void {
  if (!channel) {
    channel = new host.MessageChannel!();
    channel.port1.onmessage = () => posted.shift()?.();
  }
  posted.push(callback);
  channel.port2.postMessage(0);
}

export interface ManualClockOptions {
  /**
   * The time the clock starts at, in ms since the epoch (or a Date).
   * @default Date.UTC(2025, 0, 1) (2025-01-01T00:00:00.000Z)
   */
  start?: number | Date;
  /**
   * How the clock lets async code progress before and after each timer: by default one host task, which runs every
   * pending promise continuation. Pass a slower one when the code under test waits on real I/O (an embedded database).
   * @default nextTask
   */
  settle?: () => Promise<void>;
  /**
   * The most timers one `advance` or `runAll` may run, so that a timer that keeps rescheduling itself fails loudly
   * instead of hanging the test.
   * @default 100_000
   */
  maxTimers?: number;
}

/** A clock that only moves when told to. Its `advance` and `runAll` are async: await them. */
export interface ManualClock extends Clock {
  /**
   * Moves time forward by `ms`, running every timer that falls due on the way in time order (ties in the order they
   * were set), including timers set by those timers. Before and after each timer it lets pending promise
   * continuations run, so async code (an engine awaiting its store) progresses as it would in real time. A timer's
   * exception does not stop the others: the first one rejects the returned promise once time has moved.
   */
  advance(ms: number): Promise<void>;
  /** Runs timers until none is left, moving time to each one's due time. */
  runAll(): Promise<void>;
  /** How many timers are set and not yet run or cleared. */
  pending(): number;
  /**
   * Jumps the clock to `ms` (ms since the epoch, or a Date) without running anything, as a wall-clock change would.
   * Timers keep the delay they have left: a timer due in 5 s is still due 5 s after the jump.
   */
  set(ms: number | Date): void;
}

interface Timer {
  id: number;
  due: number;
  seq: number;
  callback: () => void;
}

const DEFAULT_START = Date.UTC(2025, 0, 1);

/**
 * A clock for tests: time stands still until `advance`, `runAll` or `set` moves it, so schedules and rate limits can
 * be tested without waiting and without flakiness.
 *
 * @example
 * const clock = createManualClock({ start: Date.parse('2025-03-01T09:00:00Z') });
 * const backend = createLocalBackend({ store, carrier, clock });
 * await client.messages.send({ channel: 'sms', to, body, sendAt: '2025-03-01T10:00:00Z' });
 * await clock.advance(60 * 60 * 1000); // the scheduled message goes out
 */
export function createManualClock(options: ManualClockOptions = {}): ManualClock {
  let now = toMs(options.start ?? DEFAULT_START);
  const settle = options.settle ?? nextTask;
  const maxTimers = options.maxTimers ?? 100_000;
  const timers = new Map<number, Timer>();
  let nextId = 1;
  let nextSeq = 0;

  function earliest(limit: number): Timer | undefined {
    let found: Timer | undefined;
    for (const timer of timers.values()) {
      if (timer.due > limit) continue;
      if (!found || timer.due < found.due || (timer.due === found.due && timer.seq < found.seq)) found = timer;
    }
    return found;
  }

  async function run(limit: () => number, target: number | null): Promise<void> {
    let ran = 0;
    let failure: { error: unknown } | null = null;
    for (;;) {
      await settle();
      const timer = earliest(limit());
      if (!timer) {
        if (target === null || now >= target) break;
        now = target;
        continue;
      }
      if (++ran > maxTimers) {
        throw new SmsError('clock.too_many_timers', `More than ${maxTimers} timers ran in one go: does a timer keep rescheduling itself?`);
      }
      timers.delete(timer.id);
      now = Math.max(now, timer.due);
      try {
        timer.callback();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  }

  return {
    now: () => now,
    setTimeout(callback, ms) {
      const id = nextId++;
      const delay = typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? ms : 0;
      timers.set(id, { id, due: now + delay, seq: nextSeq++, callback });
      return id;
    },
    clearTimeout(handle) {
      if (typeof handle === 'number') timers.delete(handle);
    },
    advance(ms) {
      if (!(ms >= 0)) return Promise.reject(new SmsError('clock.invalid_step', `Cannot advance a clock by ${ms} ms: time only moves forward.`));
      const target = now + ms;
      return run(() => target, target);
    },
    runAll() {
      return run(() => Infinity, null);
    },
    pending: () => timers.size,
    set(ms) {
      const next = toMs(ms);
      const shift = next - now;
      for (const timer of timers.values()) timer.due += shift;
      now = next;
    },
  };
}

function toMs(value: number | Date): number {
  return typeof value === 'number' ? value : value.getTime();
}
