import type { Principal, SmsEvent, SmsEventMap, SmsEventType } from '../model/index.js';

/** Builds an event's data as one principal may see it, or null when they may not see it. */
export type EventView<T extends SmsEventType> = (principal: Principal) => Promise<SmsEventMap[T] | null> | SmsEventMap[T] | null;

interface Buffered {
  id: number;
  type: SmsEventType;
  at: string;
  view: EventView<SmsEventType>;
}

interface Subscriber {
  /** Null until the principal is known (a subscription may start before its principal is verified). */
  principal: Principal | null;
  listener: (event: SmsEvent) => void;
  /** Delivery is ordered per subscriber even when views are async. */
  queue: Promise<void>;
}

/**
 * Live events with per-principal views, a replay buffer for resuming after an id (SSE's Last-Event-ID), and
 * in-order delivery per subscriber. Work is only done for events somebody listens to.
 */
export class EventBus {
  private nextId = 1;
  private readonly buffer: Buffered[] = [];
  private readonly subscribers = new Set<Subscriber>();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly now: () => string, private readonly bufferSize = 1000) {}

  get hasSubscribers(): boolean {
    return this.subscribers.size > 0;
  }

  emit<T extends SmsEventType>(type: T, view: EventView<T>): void {
    const event: Buffered = { id: this.nextId++, type, at: this.now(), view: view as EventView<SmsEventType> };
    this.buffer.push(event);
    if (this.buffer.length > this.bufferSize) this.buffer.shift();
    for (const subscriber of this.subscribers) this.deliver(subscriber, event);
  }

  /**
   * Delivers the events `principal` may see to `listener`. Given a promise, events wait until it settles, and none is
   * delivered if it fails (the subscription ends).
   */
  subscribe(principal: Principal | Promise<Principal>, listener: (event: SmsEvent) => void, after?: number): () => void {
    const subscriber: Subscriber = { principal: null, listener, queue: Promise.resolve() };
    subscriber.queue = Promise.resolve(principal).then(
      (known) => {
        subscriber.principal = known;
      },
      () => {
        this.subscribers.delete(subscriber);
      },
    );
    this.subscribers.add(subscriber);
    if (after !== undefined) for (const event of this.buffer) if (event.id > after) this.deliver(subscriber, event);
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  /** Resolves when every event emitted so far has been delivered. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private deliver(subscriber: Subscriber, event: Buffered): void {
    this.pending += 1;
    subscriber.queue = subscriber.queue
      .then(async () => {
        if (!this.subscribers.has(subscriber) || subscriber.principal === null) return;
        const data = await event.view(subscriber.principal);
        if (data === null || !this.subscribers.has(subscriber)) return;
        subscriber.listener({ id: event.id, type: event.type, at: event.at, data } as SmsEvent);
      })
      .catch(() => undefined)
      .finally(() => {
        this.pending -= 1;
        if (this.pending === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
  }
}
