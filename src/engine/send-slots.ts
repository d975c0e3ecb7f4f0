import type { StopSignal } from './rate-limiter.js';

/** What a send slot is for: a one-to-one message goes before campaign windows. */
export type SendKind = 'direct' | 'campaign';

/** A request waiting for slots. */
interface Waiter {
  organisationId: string;
  wanted: number;
  granted: number;
  resolve(granted: number): void;
}

/**
 * The engine's capacity to send, shared by every organisation: at most `capacity` sends in flight with the carrier at
 * once. A request takes what is free at once while nobody waits; otherwise it waits its turn. Freed slots go first to
 * one-to-one messages, then to campaign windows, one slot at a time round-robin between the organisations waiting (a
 * request gathers slots until it has what it asked for or none is left, then goes), so that one organisation's large
 * campaign holds at most its share while another's messages and campaigns wait, and all of it when none do.
 *
 * @example
 * const slots = new SendSlots(256);
 * const granted = await slots.take('org-a', 'campaign', 64); // 1 to 64
 * slots.release(granted);
 */
export class SendSlots {
  private free: number;
  /** The organisations with waiting requests, in turn order (the next one first), and their requests in order. */
  private readonly waiting: Record<SendKind, Map<string, Waiter[]>> = { direct: new Map(), campaign: new Map() };

  constructor(readonly capacity: number) {
    this.free = capacity;
  }

  /** Slots in use. */
  get inFlight(): number {
    return this.capacity - this.free;
  }

  /**
   * Up to `wanted` slots (at least 1) for a send of an organisation: at once when some are free and no request waits,
   * else a promise of them when its turn comes. Resolves 0 when `signal` asks to stop first. The slots are the
   * caller's until it releases them.
   */
  take(organisationId: string, kind: SendKind, wanted: number, signal?: StopSignal): number | Promise<number> {
    if (this.free > 0 && this.waiting.direct.size === 0 && this.waiting.campaign.size === 0) {
      const granted = Math.min(this.free, Math.max(1, wanted));
      this.free -= granted;
      return granted;
    }
    if (signal?.stopped) return 0;
    return new Promise<number>((resolve) => {
      const queues = this.waiting[kind];
      let forget = (): void => undefined;
      const waiter: Waiter = {
        organisationId, wanted: Math.max(1, wanted), granted: 0,
        resolve: (granted) => {
          forget();
          resolve(granted);
        },
      };
      const queue = queues.get(organisationId);
      if (queue) queue.push(waiter);
      else queues.set(organisationId, [waiter]);
      if (signal) forget = signal.onStop(() => this.withdraw(kind, waiter) && resolve(0));
    });
  }

  /** Gives slots back: they go to the requests waiting, if any. */
  release(count = 1): void {
    this.free += count;
    if (this.waiting.direct.size > 0 || this.waiting.campaign.size > 0) this.serve();
  }

  /** Hands the free slots out: one-to-one requests first, then campaign ones, one slot a turn round-robin. */
  private serve(): void {
    const served: [SendKind, Waiter][] = [];
    for (const kind of ['direct', 'campaign'] as const) {
      const queues = this.waiting[kind];
      while (this.free > 0 && queues.size > 0) {
        const [organisationId, queue] = queues.entries().next().value!;
        // The organisation's turn is taken: it goes to the back of the line.
        queues.delete(organisationId);
        const waiter = queue[0]!;
        waiter.granted += 1;
        this.free -= 1;
        if (waiter.granted === 1) served.push([kind, waiter]);
        if (waiter.granted === waiter.wanted) queue.shift();
        if (queue.length > 0) queues.set(organisationId, queue);
      }
    }
    for (const [kind, waiter] of served) {
      this.withdraw(kind, waiter);
      waiter.resolve(waiter.granted);
    }
  }

  /** Takes a request out of its organisation's line; false when it is not there (served already). */
  private withdraw(kind: SendKind, waiter: Waiter): boolean {
    const queues = this.waiting[kind];
    const queue = queues.get(waiter.organisationId);
    const at = queue?.indexOf(waiter) ?? -1;
    if (at < 0) return false;
    queue!.splice(at, 1);
    if (queue!.length === 0) queues.delete(waiter.organisationId);
    return true;
  }
}
