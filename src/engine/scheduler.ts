import type { EngineContext } from './context.js';

/** Something the scheduler runs when it is due: release what is due, and say when the next one is. */
export interface ScheduledTask {
  release(): Promise<unknown>;
  next(): Promise<number | null>;
}

/** Long waits are cut into steps: timers cannot wait longer than about 24 days, and clocks drift. */
const MAX_WAIT_MS = 6 * 60 * 60_000;

/**
 * One timer on the engine's clock for the earliest due item (scheduled messages and campaigns). On firing it releases
 * what is due and re-arms for the next; `wake(at)` re-arms sooner when something earlier is scheduled.
 */
export class Scheduler {
  private timer: unknown = null;
  private armedFor = Number.POSITIVE_INFINITY;
  private readonly tasks: ScheduledTask[] = [];

  constructor(private readonly ctx: EngineContext) {}

  add(task: ScheduledTask): void {
    this.tasks.push(task);
  }

  /**
   * Something was scheduled here for `at` (ms since the epoch): this scheduler wakes by then, and so do the other
   * instances' (whichever is alive then releases it, once).
   */
  due(at: number): void {
    this.wake(at);
    this.ctx.announce({ kind: 'due', at });
  }

  /** Makes sure the scheduler wakes up by `at` (ms since the epoch). */
  wake(at: number): void {
    if (this.ctx.isClosed || at >= this.armedFor) return;
    this.arm(at);
  }

  /** Releases everything due now and re-arms. */
  async tick(): Promise<void> {
    for (const task of this.tasks) await task.release();
    let next = Number.POSITIVE_INFINITY;
    for (const task of this.tasks) next = Math.min(next, (await task.next()) ?? Number.POSITIVE_INFINITY);
    this.armedFor = Number.POSITIVE_INFINITY;
    if (this.timer !== null) this.ctx.clock.clearTimeout(this.timer);
    this.timer = null;
    if (Number.isFinite(next)) this.arm(next);
  }

  stop(): void {
    if (this.timer !== null) this.ctx.clock.clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = Number.POSITIVE_INFINITY;
  }

  private arm(at: number): void {
    if (this.ctx.isClosed) return;
    if (this.timer !== null) this.ctx.clock.clearTimeout(this.timer);
    this.armedFor = at;
    const wait = Math.min(Math.max(at - this.ctx.clock.now(), 0), MAX_WAIT_MS);
    this.timer = this.ctx.clock.setTimeout(() => {
      this.timer = null;
      this.armedFor = Number.POSITIVE_INFINITY;
      this.ctx.background(() => this.tick());
    }, wait);
  }
}
