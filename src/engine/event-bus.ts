import type { Principal, SmsEvent, SmsEventType } from '../model/index.js';
import type { EventIds } from './event-ids.js';
import type { EventPayloads, EventView, EventViews } from './event-views.js';

export type { EventView } from './event-views.js';

/** An event as raised: what the instances pass to each other (JSON). */
export interface RaisedEvent<T extends SmsEventType = SmsEventType> {
  id: number;
  type: T;
  at: string;
  payload: EventPayloads[T];
}

/**
 * How long events are still raised and kept after the last subscriber left (ms of the engine's clock), so that a client
 * whose stream broke resumes after its last event (Last-Event-ID) without a gap.
 */
const RESUME_GRACE_MS = 5 * 60_000;

interface Buffered {
  id: number;
  type: SmsEventType;
  at: string;
  payload: unknown;
}

interface Subscriber {
  /** Null until the principal is known (a subscription may start before its principal is verified). */
  principal: Principal | null;
  listener: (event: SmsEvent) => void;
  /** Delivery is ordered per subscriber even when views are async. */
  queue: Promise<void>;
}

/**
 * One organisation's live events with per-principal views, a replay buffer for resuming after an id (SSE's
 * Last-Event-ID), and in-order delivery per subscriber. An event is raised with its payload (JSON), from which each
 * subscriber's view is built (`EventViews`); with a `relay`, it is also passed to the other instances over the same
 * store, and what they raise comes in through `receive`: subscribers here get both alike, each filtered as it may see
 * it, and the replay buffer holds both, in the order they came. Work is only done for events somebody may listen to.
 */
export class EventBus {
  private readonly buffer: Buffered[] = [];
  private readonly subscribers = new Set<Subscriber>();
  private pending = 0;
  /** When the last subscriber left (ms of the engine's clock). */
  private lastLeftAt = Number.NEGATIVE_INFINITY;
  private idleWaiters: (() => void)[] = [];
  /**
   * Passes each event raised here to the other instances (set when the store has signals); `listened` says whether
   * any other instance listens now (false only when the store can tell that none does).
   */
  relay: { send(event: RaisedEvent): void; listened(): boolean } | null = null;

  constructor(
    private readonly ids: EventIds,
    private readonly now: () => string,
    private readonly views: EventViews,
    private readonly bufferSize = 1000,
  ) {}

  /**
   * Whether an event may be listened to: by a subscriber here, on another instance, or by a subscriber that left
   * lately and may resume after its last event.
   */
  get hasSubscribers(): boolean {
    if (this.subscribers.size > 0 || this.relay?.listened()) return true;
    return this.lastLeftAt !== Number.NEGATIVE_INFINITY && Date.parse(this.now()) - this.lastLeftAt < RESUME_GRACE_MS;
  }

  emit<T extends SmsEventType>(type: T, payload: EventPayloads[T]): void {
    const event: RaisedEvent = { id: this.ids.next(), type, at: this.now(), payload } as RaisedEvent;
    if (this.relay?.listened()) this.relay.send(event);
    this.accept(event);
  }

  /** An event raised on another instance: delivered and buffered as those raised here. */
  receive(event: RaisedEvent): void {
    this.ids.observe(event.id);
    this.accept(event);
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
      () => this.leave(subscriber),
    );
    this.subscribers.add(subscriber);
    // A replay gets a view of its own: what it reads is read now, not shared with the event's first delivery.
    if (after !== undefined) for (const event of this.buffer) if (event.id > after) this.deliver(subscriber, event, this.viewOf(event));
    return () => this.leave(subscriber);
  }

  private leave(subscriber: Subscriber): void {
    if (this.subscribers.delete(subscriber) && this.subscribers.size === 0) this.lastLeftAt = Date.parse(this.now());
  }

  /** Resolves when every event emitted so far has been delivered. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** An event's view, built from its payload: the subscribers it is delivered to share what it reads (`EventViews`). */
  private viewOf(event: Buffered): EventView<SmsEventType> {
    return (this.views[event.type] as (payload: unknown) => EventView<SmsEventType>)(event.payload);
  }

  private accept(event: RaisedEvent): void {
    const buffered: Buffered = { id: event.id, type: event.type, at: event.at, payload: event.payload };
    this.buffer.push(buffered);
    if (this.buffer.length > this.bufferSize) this.buffer.shift();
    if (this.subscribers.size === 0) return;
    const view = this.viewOf(buffered);
    for (const subscriber of this.subscribers) this.deliver(subscriber, buffered, view);
  }

  private deliver(subscriber: Subscriber, event: Buffered, view: EventView<SmsEventType>): void {
    this.pending += 1;
    subscriber.queue = subscriber.queue
      .then(async () => {
        if (!this.subscribers.has(subscriber) || subscriber.principal === null) return;
        const data = await view(subscriber.principal);
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
