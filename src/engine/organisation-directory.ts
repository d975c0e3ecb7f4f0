import { ConflictError } from '../errors/conflict-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import type { Organisation, OrganisationLimitsUpdate, Settings } from '../model/index.js';
import { DEFAULT_ORGANISATION_ID, OrganisationLimits, Settings as SettingsSchema } from '../model/index.js';
import { type AddressRecord, SYSTEM_SCOPE } from '../ports/store.js';
import type { EngineCore } from './core.js';

/**
 * The engine's own records, in the store's system scope: the organisations with their settings, and which
 * organisation holds each address inbound traffic arrives at (an SMS number belongs to one organisation).
 */
export class OrganisationDirectory {
  private readonly system;
  /** Organisations as read, by id (settings are read on every send: never from the store twice). */
  private readonly cache = new Map<string, Organisation>();

  constructor(private readonly core: EngineCore, private readonly initialSettings: Partial<Settings>) {
    this.system = core.ports.store.scope(SYSTEM_SCOPE);
  }

  private get records() {
    return this.system.collection('organisations');
  }

  private get addresses() {
    return this.system.collection('addresses');
  }

  async get(id: string): Promise<Organisation | null> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const stored = await this.records.get(id);
    if (stored) this.cache.set(id, stored);
    return stored;
  }

  async require(id: string): Promise<Organisation> {
    const found = await this.get(id);
    if (!found) throw new NotFoundError('organisation', id);
    return found;
  }

  /** Every organisation's id, for recovery at start (in pages, so that thousands are read a page at a time). */
  async ids(): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.records.find({ orderBy: [['id', 'asc']], limit: 1000, ...(cursor !== undefined && { cursor }) });
      ids.push(...page.items.map((organisation) => organisation.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return ids;
  }

  /** Stores a new organisation; its settings are the engine's initial settings, then its own; no cap unless given. */
  async create(input: { id: string; name: string; settings?: Partial<Settings>; limits?: OrganisationLimitsUpdate }): Promise<Organisation> {
    const now = this.core.nowIso();
    const organisation: Organisation = {
      id: input.id,
      name: input.name,
      status: 'active',
      settings: SettingsSchema.parse({ ...this.initialSettings, ...input.settings }),
      limits: OrganisationLimits.parse(input.limits ?? {}),
      createdAt: now,
      updatedAt: now,
      suspendedAt: null,
    };
    if (!(await this.records.insertIfAbsent(organisation))) throw new ConflictError(`An organisation "${input.id}" exists.`, { field: 'id', code: 'organisation.exists' });
    this.cache.set(organisation.id, organisation);
    this.core.announce({ kind: 'organisation', organisationId: organisation.id });
    return organisation;
  }

  /** The default organisation, made when the store holds none (a deployment with one organisation needs no setup). */
  async ensureDefault(): Promise<void> {
    if ((await this.records.count()) > 0) return;
    try {
      await this.create({ id: DEFAULT_ORGANISATION_ID, name: 'Default organisation' });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }

  async update(id: string, patch: Partial<Omit<Organisation, 'id' | 'createdAt'>>): Promise<Organisation> {
    const updated = await this.records.update(id, { ...patch, updatedAt: this.core.nowIso() });
    if (!updated) throw new NotFoundError('organisation', id);
    this.cache.set(id, updated);
    this.core.announce({ kind: 'organisation', organisationId: id });
    return updated;
  }

  async settingsOf(id: string): Promise<Settings> {
    return (await this.require(id)).settings;
  }

  async saveSettings(id: string, settings: Settings): Promise<void> {
    await this.update(id, { settings });
  }

  /** Deletes an organisation's record and the addresses it holds (its data is cleared by its scope). */
  async remove(id: string): Promise<void> {
    await this.addresses.deleteMany({ organisationId: id });
    await this.records.delete(id);
    this.cache.delete(id);
    this.core.announce({ kind: 'organisation', organisationId: id });
  }

  /**
   * Forgets what it read of an organisation (all of them without an id), so that the next read takes it from the
   * store: another instance changed it.
   */
  forget(id?: string): void {
    if (id === undefined) this.cache.clear();
    else this.cache.delete(id);
  }

  /** Which organisation holds an address (an E.164 number, a short code), if any. */
  ownerOf(address: string): Promise<AddressRecord | null> {
    return this.addresses.get(address);
  }

  /**
   * Claims an address for an organisation: true when it is now the organisation's (claimed here or already held by
   * it), false when another organisation holds it.
   */
  async claimAddress(address: string, organisationId: string, numberId: string | null): Promise<boolean> {
    if (await this.addresses.insertIfAbsent({ address, organisationId, numberId })) return true;
    const holder = await this.addresses.get(address);
    if (holder?.organisationId !== organisationId) return false;
    if (holder.numberId !== numberId) await this.addresses.update(address, { numberId });
    return true;
  }

  /** Lets an address go, if the organisation holds it. */
  async releaseAddress(address: string, organisationId: string): Promise<void> {
    await this.addresses.deleteMany({ address, organisationId });
  }
}
