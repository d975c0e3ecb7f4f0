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

/** Events raised together, as many as fit one signal: each with its organisation. */
const MAX_BATCH = 200;
/** Events waiting to be sent, at most: past it (a store that cannot keep up) the oldest are dropped. */
const MAX_OUTGOING = 10_000;

/**
 * Live events as sent: several inline (`events`), or one as a reference to the store (`relayedEvents`) when too large
 * for a signal. (`event` alone, inline, is how instances before batching sent each; it is still read.)
 */
const EventEnvelope = z.object({
  from: z.string(),
  organisationId: z.string().optional(),
  event: RaisedEventSchema.optional(),
  ref: z.string().optional(),
  events: z.array(z.object({ organisationId: z.string(), event: RaisedEventSchema })).max(MAX_BATCH).optional(),
});

const encoder = new TextEncoder();

/** The bytes of `text` in UTF-8, as a signal's size is counted. */
function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

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
  /** Events raised here and not sent yet, each as `{"organisationId":…,"event":…}` and its UTF-8 bytes. */
  private readonly outgoing: { json: string; bytes: number }[] = [];
  private relaying = false;
  /** The bytes of a batch's envelope around its events. */
  private readonly batchOverhead: number;

  constructor(private readonly core: EngineCore, private readonly signals: StoreSignals, private readonly handlers: LinkHandlers) {
    this.instanceId = core.id('ins');
    this.ownPrefix = `{"from":${JSON.stringify(this.instanceId)},`;
    this.batchOverhead = utf8Length(`${this.ownPrefix}"events":[]}`);
    this.stops = [
      signals.subscribe(WORK_CHANNEL, (payload) => this.onWork(payload)),
      signals.subscribe(EVENTS_CHANNEL, (payload) => this.onEvent(payload)),
    ];
  }

  /** Tells the other instances about work done here. */
  announce(signal: WorkSignal): void {
    this.core.background(() => this.signals.publish(WORK_CHANNEL, JSON.stringify({ from: this.instanceId, signal })));
  }

  /**
   * Whether other instances may listen to live events: false only when the store can tell that this one's handler is
   * the only one (an engine alone on a memory store), which then relays nothing.
   */
  othersListening(): boolean {
    return !this.signals.subscribers || this.signals.subscribers(EVENTS_CHANNEL) > 1;
  }

  /** Passes an event raised here to the other instances. */
  relay(organisationId: string, event: RaisedEvent): void {
    const json = JSON.stringify({ organisationId, event });
    const bytes = utf8Length(json);
    if (bytes + this.batchOverhead <= MAX_SIGNAL_BYTES) {
      this.outgoing.push({ json, bytes });
      if (this.outgoing.length > MAX_OUTGOING) {
        this.outgoing.shift();
        this.core.counters.signalsDropped += 1;
      }
      if (!this.relaying) {
        this.relaying = true;
        this.core.background(() => this.sendEvents());
      }
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

  /**
   * Sends the events waiting, as few signals as they fit in, one after another: those raised while one is being sent
   * go together in the next, so that under load a signal carries many events (on PostgreSQL, one NOTIFY and one
   * commit) and alone an event goes at once. A signal the store fails to send is lost (signals are at most once).
   */
  private async sendEvents(): Promise<void> {
    try {
      // The rest of this turn's events come first.
      await undefined;
      while (this.outgoing.length > 0) {
        // As many as fit: the envelope, then each event and the comma before the next.
        let count = 0;
        let bytes = this.batchOverhead - 1;
        while (count < this.outgoing.length && count < MAX_BATCH && bytes + this.outgoing[count]!.bytes + 1 <= MAX_SIGNAL_BYTES) bytes += this.outgoing[count++]!.bytes + 1;
        const batch = this.outgoing.splice(0, count).map((item) => item.json);
        try {
          await this.signals.publish(EVENTS_CHANNEL, `${this.ownPrefix}"events":[${batch.join(',')}]}`);
        } catch {
          this.core.counters.signalsDropped += batch.length;
        }
      }
    } finally {
      this.relaying = false;
    }
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
    const { organisationId, event, ref, events } = envelope;
    if (events) {
      for (const item of events) this.handlers.event(item.organisationId, item.event as RaisedEvent);
      return;
    }
    if (organisationId === undefined) return this.drop();
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
