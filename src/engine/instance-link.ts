import * as z from 'zod';
import { SMS_EVENT_TYPES } from '../model/index.js';
import { MAX_SIGNAL_BYTES, type StoreSignals } from '../ports/store.js';
import type { EngineCore } from './core.js';
import type { RaisedEvent } from './event-bus.js';

/** The channel of live events passed between instances. */
export const EVENTS_CHANNEL = 'pbx_sms_events';
/** The channel of work one instance tells the others about. */
export const WORK_CHANNEL = 'pbx_sms_work';
/** How long an event too large for a signal stays in the store for the other instances to read (ms). */
const RELAYED_EVENT_TTL_MS = 5 * 60_000;

/** What an instance tells the others it did, so that they act at once rather than at their next sweep. */
export const WorkSignal = z.discriminatedUnion('kind', [
  /** A campaign runs (started, restarted, released): every instance dispatches it. */
  z.object({ kind: z.literal('campaign.run'), organisationId: z.string(), campaignId: z.string() }),
  /** A campaign stopped (stored so already): every instance stops dispatching it. */
  z.object({ kind: z.literal('campaign.stop'), organisationId: z.string(), campaignId: z.string() }),
  /** Something falls due at `at` (ms): every instance's scheduler wakes by then, so that a dead one's is released. */
  z.object({ kind: z.literal('due'), organisationId: z.string(), at: z.number() }),
  /** An organisation was created or changed (settings, caps, status): instances read it again. */
  z.object({ kind: z.literal('organisation'), organisationId: z.string() }),
]);
export type WorkSignal = z.infer<typeof WorkSignal>;

const RaisedEventSchema = z.object({ id: z.number().int().positive(), type: z.enum(SMS_EVENT_TYPES), at: z.string(), payload: z.unknown() });

/** A work signal as sent: with the instance that sent it. */
const WorkEnvelope = z.object({ from: z.string(), signal: WorkSignal });

/** A live event as sent: inline, or as a reference to the store (`relayedEvents`) when too large for a signal. */
const EventEnvelope = z.object({
  from: z.string(),
  organisationId: z.string(),
  event: RaisedEventSchema.optional(),
  ref: z.string().optional(),
});

/** What the instance does with what the others tell it. */
export interface LinkHandlers {
  work(signal: WorkSignal): void;
  event(organisationId: string, event: RaisedEvent): void;
}

/**
 * The instance's line to the other instances over the same store, through the store's signals: it tells them what
 * work it started or stopped and passes them each live event raised here (inline when it fits a signal, else stored in
 * the organisation's `relayedEvents` and referenced); it hands what they tell it to `handlers`, ignoring its own
 * signals. Signals are at most once: nothing depends on them alone (see the deployment's sweep).
 */
export class InstanceLink {
  /** This instance, as its signals name it. */
  readonly instanceId: string;
  /** How every signal sent from here begins (JSON keeps the order of keys): a store that echoes them is not parsed. */
  private readonly ownPrefix: string;
  private readonly stops: (() => void)[];

  constructor(private readonly core: EngineCore, private readonly signals: StoreSignals, private readonly handlers: LinkHandlers) {
    this.instanceId = core.id('ins');
    this.ownPrefix = `{"from":${JSON.stringify(this.instanceId)},`;
    this.stops = [
      signals.subscribe(WORK_CHANNEL, (payload) => this.onWork(payload)),
      signals.subscribe(EVENTS_CHANNEL, (payload) => this.onEvent(payload)),
    ];
  }

  /** Tells the other instances about work done here. */
  announce(signal: WorkSignal): void {
    this.core.background(() => this.signals.publish(WORK_CHANNEL, JSON.stringify({ from: this.instanceId, signal })));
  }

  /** Passes an event raised here to the other instances. */
  relay(organisationId: string, event: RaisedEvent): void {
    const inline = JSON.stringify({ from: this.instanceId, organisationId, event });
    // Characters of a string are at most 3 bytes of UTF-8: most events are known to fit without encoding them.
    if (inline.length * 3 <= MAX_SIGNAL_BYTES || new TextEncoder().encode(inline).length <= MAX_SIGNAL_BYTES) {
      this.core.background(() => this.signals.publish(EVENTS_CHANNEL, inline));
      return;
    }
    const ref = String(event.id);
    this.core.background(async () => {
      const expiresAt = new Date(this.core.ports.clock.now() + RELAYED_EVENT_TTL_MS).toISOString();
      await this.core.ports.store.scope(organisationId).collection('relayedEvents').put({ id: ref, type: event.type, at: event.at, payload: event.payload, expiresAt });
      await this.signals.publish(EVENTS_CHANNEL, JSON.stringify({ from: this.instanceId, organisationId, ref }));
    });
  }

  close(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  private onWork(payload: string): void {
    if (payload.startsWith(this.ownPrefix)) return;
    const envelope = this.parse(WorkEnvelope, payload);
    if (envelope && envelope.from !== this.instanceId) this.handlers.work(envelope.signal);
  }

  private onEvent(payload: string): void {
    if (payload.startsWith(this.ownPrefix)) return;
    const envelope = this.parse(EventEnvelope, payload);
    if (!envelope || envelope.from === this.instanceId) return;
    const { organisationId, event, ref } = envelope;
    if (event) return this.handlers.event(organisationId, event as RaisedEvent);
    if (ref === undefined) return this.drop();
    this.core.background(async () => {
      const stored = await this.core.ports.store.scope(organisationId).collection('relayedEvents').get(ref);
      const parsed = stored && RaisedEventSchema.safeParse({ ...stored, id: Number(stored.id) });
      if (parsed?.success) this.handlers.event(organisationId, parsed.data as RaisedEvent);
      else this.drop();
    });
  }

  private parse<T>(schema: z.ZodType<T>, payload: string): T | null {
    try {
      const parsed = schema.safeParse(JSON.parse(payload));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON: dropped below.
    }
    this.drop();
    return null;
  }

  private drop(): void {
    this.core.counters.signalsDropped += 1;
  }
}
