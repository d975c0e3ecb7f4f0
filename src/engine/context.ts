import type { OrganisationLimits, Settings } from '../model/index.js';
import type { StatusReport } from '../ports/carrier.js';
import type { Collection, CollectionName, StoreRecords } from '../ports/store.js';
import type { CorePorts, EngineCore, SentMessage } from './core.js';
import type { WorkSignal } from './instance-link.js';
import { EventBus } from './event-bus.js';
import { eventViews } from './event-views.js';
import type { OrganisationDirectory } from './organisation-directory.js';
import { KeyedTurns } from './keyed-turns.js';
import { SendCaps } from './send-caps.js';
import type { SendSlots } from './send-slots.js';

export type { SentMessage } from './core.js';
export { HELD_REPORTS_MAX } from './core.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type Collections = { readonly [K in CollectionName]: Collection<StoreRecords[K]> };

/**
 * Everything the engine's modules share while they work for one organisation: its collections (the store's scope of
 * that organisation, so that no query of theirs can reach another's records), its live events and settings, and the
 * ports, ids, time and background work of the engine as a whole.
 */
export class EngineContext {
  readonly db: Collections;
  readonly events: EventBus;
  readonly id: (prefix: string) => string;
  /** The organisation's caps on sends, as the operator set them. */
  readonly caps: SendCaps;
  /** A turn per conversation with the carrier, so that its messages go in the order they were sent (see `transmit`). */
  readonly conversationTurns = new KeyedTurns();

  constructor(
    readonly core: EngineCore,
    readonly organisationId: string,
    private readonly organisations: OrganisationDirectory,
  ) {
    const scope = core.ports.store.scope(organisationId);
    const cache: Record<string, unknown> = {};
    this.db = new Proxy(cache, {
      get: (target, name: string) => (target[name] ??= scope.collection(name as CollectionName)),
    }) as unknown as Collections;
    this.events = new EventBus(core.eventIds, () => core.nowIso(), eventViews(this));
    core.buses.add(this.events);
    this.id = core.id;
    this.caps = new SendCaps(this);
  }

  get store() {
    return this.core.ports.store;
  }

  get carrier() {
    return this.core.ports.carrier;
  }

  get notifier() {
    return this.core.ports.notifier;
  }

  get clock() {
    return this.core.ports.clock;
  }

  /** How long a send may wait for the carrier's answer (ms of the clock) before its message is held `unknown`. */
  get carrierTimeoutMs(): number {
    return this.core.ports.carrierTimeoutMs;
  }

  /** The caps on a recipient file read as a stream, in bytes. */
  get recipientFiles(): CorePorts['recipientFiles'] {
    return this.core.ports.recipientFiles;
  }

  /** The engine's send slots, shared by every organisation. */
  get sendSlots(): SendSlots {
    return this.core.sendSlots;
  }

  get counters() {
    return this.core.counters;
  }

  get isClosed(): boolean {
    return this.core.isClosed;
  }

  nowIso(): string {
    return this.core.nowIso();
  }

  /** The organisation's settings (cached; an administrator changes them through `saveSettings`). */
  settings(): Promise<Settings> {
    return this.organisations.settingsOf(this.organisationId);
  }

  /** The caps the operator put on the organisation's sends (cached, as its settings). */
  async limits(): Promise<OrganisationLimits> {
    return (await this.organisations.require(this.organisationId)).limits;
  }

  /** Whether the organisation is suspended: nothing is sent for it then. */
  async suspended(): Promise<boolean> {
    return (await this.organisations.require(this.organisationId)).status === 'suspended';
  }

  async saveSettings(settings: Settings): Promise<void> {
    await this.organisations.saveSettings(this.organisationId, settings);
  }

  /** Remembers which message of this organisation a provider id belongs to, so that its reports need no search. */
  rememberProvider(providerId: string, message: SentMessage): void {
    this.core.rememberProvider(providerId, { ...message, organisationId: this.organisationId });
  }

  /** The message of this organisation a provider id belongs to, if the engine remembers it. */
  messageOfProvider(providerId: string): SentMessage | undefined {
    const known = this.core.messageOfProvider(providerId);
    return known?.organisationId === this.organisationId ? known : undefined;
  }

  holdReport(report: StatusReport): void {
    this.core.holdReport(report);
  }

  hasHeldReports(providerId: string): boolean {
    return this.core.hasHeldReports(providerId);
  }

  replayReports(providerId: string): Promise<void> {
    return this.core.replayReports(providerId);
  }

  /** Applies a report in the organisation that sent its message. */
  applyReport(report: StatusReport): Promise<boolean> {
    return this.core.applyReport(report);
  }

  /** Tells the other instances over the store about work done here (see `WorkSignal`). */
  announce(signal: DistributiveOmit<WorkSignal, 'organisationId'>): void {
    this.core.announce({ ...signal, organisationId: this.organisationId } as WorkSignal);
  }

  background(work: () => Promise<unknown>, onError?: (error: unknown) => void): void {
    this.core.background(work, onError);
  }
}
