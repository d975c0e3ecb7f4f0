import { host } from '../internal/host.js';

/**
 * Gives the event loop a turn: `scheduler.yield()` where the host has it (it resumes ahead of other tasks), else a
 * `setTimeout(0)` task.
 */
export function yieldToHost(): Promise<void> {
  const scheduler = host.scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => host.setTimeout(resolve, 0));
}

/** A time budget: work until `spent()` says so, then yield and start again. */
export class Budget {
  private start = Date.now();

  constructor(private readonly ms: number) {}

  /** True once the budget is used up. */
  spent(): boolean {
    return Date.now() - this.start >= this.ms;
  }

  /** Yields to the host and starts a new budget. */
  async renew(): Promise<void> {
    await yieldToHost();
    this.start = Date.now();
  }
}
