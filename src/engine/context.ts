import type { MessageStatus, Settings } from '../model/index.js';
import { DEFAULT_ORGANISATION_ID, Settings as SettingsSchema, canTransition } from '../model/index.js';
import type { Carrier, Clock, Notifier, StatusReport } from '../ports/carrier.js';
import type { Collection, CollectionName, Store, StoreRecords } from '../ports/store.js';
import { EventBus } from './event-bus.js';
import { createIdGenerator } from './ids.js';
import { type EngineCounters, emptyCounters } from './stats.js';

/** What the engine remembers of a message it handed to the carrier. */
export interface SentMessage {
  id: string;
  status: MessageStatus;
  campaignId: string | null;
}

export type Collections = { readonly [K in CollectionName]: Collection<StoreRecords[K]> };

const SETTINGS_KEY = 'settings';

/**
 * Reports held at most for provider ids no message records yet, over all ids (one per id): past it, the oldest id's
 * report is let go. A report is at most about 1 kB once parsed, so this bounds them to about 10 MB.
 */
export const HELD_REPORTS_MAX = 10_000;

/** Everything the engine's modules share: ports, collections, ids, time, events and the settings cache. */
export class EngineContext {
  readonly db: Collections;
  readonly events: EventBus;
  readonly id: (prefix: string) => string;
  private settingsCache: Settings | null = null;
  /** Background work (dispatch, reports) in flight, so that `idle()` can wait for it. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;
  /**
   * Reports that arrived before the provider id they name was recorded: one per provider id, the furthest along (status
   * only moves forward, so the others could not apply after it), HELD_REPORTS_MAX in all.
   */
  private readonly earlyReports = new Map<string, StatusReport>();
  /** What `backend.stats()` counts. */
  readonly counters: EngineCounters = emptyCounters();
  /** Applies a report; set by the backend. */
  applyReport: (report: StatusReport) => Promise<boolean> = async () => false;

  constructor(
    readonly store: Store,
    readonly carrier: Carrier,
    readonly notifier: Notifier,
    readonly clock: Clock,
    private readonly initialSettings: Partial<Settings>,
    /** How long a send may wait for the carrier's answer (ms of the clock) before its message is held `unknown`. */
    readonly carrierTimeoutMs: number,
  ) {
    const scope = store.scope(DEFAULT_ORGANISATION_ID);
    const cache: Record<string, unknown> = {};
    this.db = new Proxy(cache, {
      get: (target, name: string) => (target[name] ??= scope.collection(name as CollectionName)),
    }) as unknown as Collections;
    this.events = new EventBus(() => this.nowIso());
    this.id = createIdGenerator(() => clock.now());
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private lastNow = Number.NaN;
  private lastIso = '';

  /** The clock's time as an ISO string (the same millisecond gives the same string without formatting it again). */
  nowIso(): string {
    const now = this.clock.now();
    if (now !== this.lastNow) {
      this.lastNow = now;
      this.lastIso = new Date(now).toISOString();
    }
    return this.lastIso;
  }

  async settings(): Promise<Settings> {
    if (this.settingsCache) return this.settingsCache;
    const stored = await this.db.settings.get(SETTINGS_KEY);
    const { id: _id, ...rest } = stored ?? { id: SETTINGS_KEY };
    const settings = SettingsSchema.parse({ ...this.initialSettings, ...rest });
    if (!stored) await this.db.settings.insertIfAbsent({ id: SETTINGS_KEY, ...settings });
    this.settingsCache = settings;
    return settings;
  }

  async saveSettings(settings: Settings): Promise<void> {
    await this.db.settings.put({ id: SETTINGS_KEY, ...settings });
    this.settingsCache = settings;
  }

  /**
   * Provider id → the message and the last status this engine gave it, in two generations: the newer fills, the older
   * is dropped whole (bounded memory). Status only moves forward, so a remembered status is never ahead of the
   * stored one: a report it already rules out (a `sent` after `sent`) needs no read at all.
   */
  private providers = new Map<string, SentMessage>();
  private olderProviders = new Map<string, SentMessage>();

  /** Remembers which message a provider id belongs to (the last 100-200k), so that its reports need no search. */
  rememberProvider(providerId: string, message: SentMessage): void {
    if (this.providers.size >= 100_000) {
      this.olderProviders = this.providers;
      this.providers = new Map();
    }
    this.providers.set(providerId, message);
  }

  /** The message a provider id belongs to, if this engine remembers it. */
  messageOfProvider(providerId: string): SentMessage | undefined {
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
        await this.events.idle();
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
