import type { MessageStatus } from '../model/index.js';
import { canTransition } from '../model/index.js';
import type { Carrier, Clock, Notifier, StatusReport } from '../ports/carrier.js';
import type { Store } from '../ports/store.js';
import type { EventBus } from './event-bus.js';
import type { WorkSignal } from './instance-link.js';
import { EventIds } from './event-ids.js';
import { createIdGenerator } from './ids.js';
import { SendSlots } from './send-slots.js';
import { type EngineCounters, emptyCounters } from './stats.js';

/** What the engine remembers of a message it handed to the carrier. */
export interface SentMessage {
  id: string;
  status: MessageStatus;
  campaignId: string | null;
}

/** A remembered message with the organisation that sent it. */
export interface RoutedMessage extends SentMessage {
  organisationId: string;
}

/**
 * Reports held at most for provider ids no message records yet, over all ids (one per id): past it, the oldest id's
 * report is let go. A report is at most about 1 kB once parsed, so this bounds them to about 10 MB.
 */
export const HELD_REPORTS_MAX = 10_000;

/** The ports and settings the engine is made with. */
export interface CorePorts {
  store: Store;
  carrier: Carrier;
  notifier: Notifier;
  clock: Clock;
  /** How long a send may wait for the carrier's answer (ms of the clock) before its message is held `unknown`. */
  carrierTimeoutMs: number;
  /**
   * How long past `carrierTimeoutMs` a message may stay `sending` without the carrier's answer recorded before the
   * instance that claimed it is taken for dead (ms of the clock).
   */
  orphanGraceMs: number;
  /** How often the instance sweeps the store for work another instance started or left (ms of the clock). */
  sweepIntervalMs: number;
  /** The most sends in flight with the carrier at once, over every organisation. */
  sendsInFlight: number;
  /** The caps on a recipient file read as a stream (`lists.importFile`, `campaigns.uploadFile`), in bytes. */
  recipientFiles: { maxBytes: number; maxUnpackedBytes: number };
}

/**
 * What every organisation's engine shares: the ports, ids, time, background work, the capacity to send, the carrier's
 * provider ids (a report names only that, whichever organisation sent the message) and the counters of `backend.stats()`.
 */
export class EngineCore {
  readonly id: (prefix: string) => string;
  /** The ids of live events, ordered across the instances over the store (see `EventIds`). */
  readonly eventIds: EventIds;
  /** What `backend.stats()` counts. */
  readonly counters: EngineCounters = emptyCounters();
  /** The capacity to send, shared between the organisations (see `SendSlots`). */
  readonly sendSlots: SendSlots;
  /** Tells the other instances over the store about work done here; set by the deployment when the store has signals. */
  announce: (signal: WorkSignal) => void = () => undefined;
  /** Applies a report in the organisation that sent its message; set by the backend. */
  applyReport: (report: StatusReport) => Promise<boolean> = async () => false;
  /** The event buses of the organisations, so that `idle()` waits for their deliveries too. */
  readonly buses = new Set<EventBus>();
  /** Background work (dispatch, reports) in flight, so that `idle()` can wait for it. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;
  private lastNow = Number.NaN;
  private lastIso = '';
  /**
   * Reports that arrived before the provider id they name was recorded: one per provider id, the furthest along (status
   * only moves forward, so the others could not apply after it), HELD_REPORTS_MAX in all.
   */
  private readonly earlyReports = new Map<string, StatusReport>();
  /**
   * Provider id → the message and the last status this engine gave it, in two generations: the newer fills, the older
   * is dropped whole (bounded memory). Status only moves forward, so a remembered status is never ahead of the
   * stored one: a report it already rules out (a `sent` after `sent`) needs no read at all.
   */
  private providers = new Map<string, RoutedMessage>();
  private olderProviders = new Map<string, RoutedMessage>();

  constructor(readonly ports: CorePorts) {
    this.id = createIdGenerator(() => ports.clock.now());
    this.eventIds = new EventIds(() => ports.clock.now());
    this.sendSlots = new SendSlots(ports.sendsInFlight);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Before this instant (ISO 8601), a message still `sending` without the carrier's answer recorded was claimed by an
   * instance that died: a live one records the answer, or holds the message `unknown`, within the carrier timeout.
   */
  orphanedBefore(): string {
    return new Date(this.ports.clock.now() - this.ports.carrierTimeoutMs - this.ports.orphanGraceMs).toISOString();
  }

  /** The clock's time as an ISO string (the same millisecond gives the same string without formatting it again). */
  nowIso(): string {
    const now = this.ports.clock.now();
    if (now !== this.lastNow) {
      this.lastNow = now;
      this.lastIso = new Date(now).toISOString();
    }
    return this.lastIso;
  }

  /** Remembers which message a provider id belongs to (the last 100-200k), so that its reports need no search. */
  rememberProvider(providerId: string, message: RoutedMessage): void {
    if (this.providers.size >= 100_000) {
      this.olderProviders = this.providers;
      this.providers = new Map();
    }
    this.providers.set(providerId, message);
  }

  /** The message a provider id belongs to, if this engine remembers it. */
  messageOfProvider(providerId: string): RoutedMessage | undefined {
    return this.providers.get(providerId) ?? this.olderProviders.get(providerId);
  }

  /**
   * Keeps a report whose message is not known yet (a carrier may report before `send` returns). Per provider id only the
   * report furthest along is kept: replayed in order, the others would be ignored after it anyway. Past HELD_REPORTS_MAX
   * ids, the oldest id's report is let go (and counted).
   */
  holdReport(report: StatusReport): void {
    const held = this.earlyReports.get(report.providerId);
    if (held) {
      if (canTransition(held.status, report.status)) this.earlyReports.set(report.providerId, report);
      return;
    }
    if (this.earlyReports.size >= HELD_REPORTS_MAX) {
      this.earlyReports.delete(this.earlyReports.keys().next().value!);
      this.counters.heldReportsDropped += 1;
    }
    this.earlyReports.set(report.providerId, report);
  }

  /** How many reports are held. */
  get heldReports(): number {
    return this.earlyReports.size;
  }

  /** Whether reports are held for a provider id (most sends have none: no call to `replayReports` needed). */
  hasHeldReports(providerId: string): boolean {
    return this.earlyReports.size > 0 && this.earlyReports.has(providerId);
  }

  /** Applies the reports held for a provider id, now that its message records it. */
  async replayReports(providerId: string): Promise<void> {
    const held = this.earlyReports.get(providerId);
    if (!held) return;
    this.earlyReports.delete(providerId);
    await this.applyReport(held);
  }

  /** Runs work in the background, tracked so that `idle()` waits for it; its failure is reported, not thrown. */
  background(work: () => Promise<unknown>, onError: (error: unknown) => void = reportError): void {
    if (this.closed) return;
    const promise = work().catch(onError);
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }

  /** Resolves when background work and event delivery have settled. */
  async idle(): Promise<void> {
    for (let round = 0; round < 1000; round++) {
      if (this.inFlight.size === 0) {
        for (const bus of this.buses) await bus.idle();
        if (this.inFlight.size === 0) return;
      }
      await Promise.allSettled([...this.inFlight]);
    }
  }

  close(): void {
    this.closed = true;
  }
}

function reportError(error: unknown): void {
  (globalThis as { console?: { error(...args: unknown[]): void } }).console?.error('pbx-sms engine:', error);
}
