import { PermissionError } from '../errors/permission-error.js';
import type { Principal, Settings, User } from '../model/index.js';
import { DEFAULT_ORGANISATION_ID, Principal as PrincipalSchema } from '../model/index.js';
import type { InboundSms, StatusReport } from '../ports/carrier.js';
import { type CorePorts, EngineCore } from './core.js';
import { storeUser } from './directory.js';
import { type EmailToSmsResult, type InboundEmail, emailAddress, emailToSms } from './email.js';
import { inboundAddress } from './inbound-address.js';
import { receiveSms } from './inbound.js';
import { OrganisationDirectory } from './organisation-directory.js';
import { OrganisationEngine } from './organisation-engine.js';
import { OperatorDirectory } from './operators.js';
import { type ProvisionUser, actAs, verifiedUser, verifyPrincipal } from './principals.js';
import { parseInput } from './validate.js';
import { SYSTEM_SCOPE } from '../ports/store.js';
import type { RaisedEvent } from './event-bus.js';
import { InstanceLink, type WorkSignal } from './instance-link.js';
import { Sweep } from './sweep.js';

/**
 * What an operator acting into an organisation for support may call: reads, as the organisation's administrators
 * make them. Nothing that changes anything (marking read included), and not the support trail itself.
 */
const SUPPORT_READS: ReadonlySet<string> = new Set([
  'directory.search', 'directory.users', 'directory.extensions', 'directory.departments',
  'numbers.list', 'numbers.get', 'contacts.list', 'contacts.get', 'contacts.resolve', 'conversations.list', 'conversations.get',
  'messages.list', 'messages.get', 'campaigns.list', 'campaigns.get', 'campaigns.validate', 'campaigns.estimate', 'campaigns.recipients',
  'campaigns.getUpload', 'lists.list', 'lists.get', 'lists.entries', 'blocklist.list', 'blocklist.history', 'blocklist.check',
  'templates.list', 'templates.get', 'keywords.list', 'usage.summary', 'usage.rows', 'settings.get',
]);

/** A principal let in: the engine of its organisation, and the principal as that organisation's directory knows it. */
export interface Entry {
  engine: OrganisationEngine;
  principal: Principal;
}

/**
 * Every organisation of one deployment: the shared core, the organisation directory, and an engine per organisation.
 * It routes what comes from outside to the organisation it belongs to: a principal's call to its organisation, an
 * inbound SMS to the organisation holding the number it was sent to, a delivery report to the organisation that sent
 * the message, an e-mail to the organisation of the user who wrote it.
 *
 * It is one instance of possibly many over one store: through the store's signals (`InstanceLink`) it tells the others
 * what it starts and stops and passes them its live events, and takes theirs; its sweep (`Sweep`) picks up what no
 * signal told it and what dead instances left.
 */
export class Deployment {
  readonly core: EngineCore;
  readonly organisations: OrganisationDirectory;
  private readonly engines = new Map<string, OrganisationEngine>();
  private readonly provisionUser: ProvisionUser | undefined;
  /** Resolves once every organisation's engine has recovered what a previous engine left on the same store. */
  readonly ready: Promise<void>;

  readonly operators: OperatorDirectory;
  /** The line to the other instances over the store; null when the store has no signals. */
  private readonly link: InstanceLink | null;
  private readonly sweep: Sweep;
  /** Organisations whose engine has recovered what was left on the store and runs here. */
  private readonly started = new Set<string>();

  constructor(ports: CorePorts, options: { settings: Partial<Settings>; provisionUser?: ProvisionUser | undefined; operators?: readonly string[] | undefined }) {
    this.core = new EngineCore(ports);
    this.organisations = new OrganisationDirectory(this.core, options.settings);
    this.operators = new OperatorDirectory(this.core, options.operators);
    this.provisionUser = options.provisionUser;
    this.core.applyReport = (report) => this.applyReport(report);
    const signals = ports.store.signals;
    this.link = signals ? new InstanceLink(this.core, signals, { work: (signal) => this.onWork(signal), event: (id, event) => this.onEvent(id, event) }) : null;
    const link = this.link;
    if (link) this.core.announce = (signal) => link.announce(signal);
    this.sweep = new Sweep(this.core, {
      organisationIds: () => this.organisations.ids(),
      ensureStarted: (id) => this.startEngine(id),
      refreshOrganisations: () => this.organisations.forget(),
      recover: async (id) => {
        if (await this.organisations.get(id)) await this.engineOf(id).runner.recover();
      },
      release: async (id) => {
        if ((await this.organisations.get(id))?.status === 'active') await this.engineOf(id).scheduler.tick();
      },
    });
    this.ready = this.start();
  }

  /**
   * Numbers the instance (its live events' tag), makes the default organisation in an empty store, starts every
   * organisation's engine, and arms the sweep.
   */
  private async start(): Promise<void> {
    if (this.link) {
      const counters = this.core.ports.store.scope(SYSTEM_SCOPE).collection('counters');
      const { value } = await counters.increment('instances', { value: 1 }, { id: 'instances', value: 0, expiresAt: '9999-12-31T23:59:59.999Z' });
      this.core.eventIds.setTag(value);
    }
    await this.organisations.ensureDefault();
    for (const id of await this.organisations.ids()) await this.startEngine(id);
    this.sweep.arm();
  }

  /** Starts an organisation's engine here once: it takes up what was left on the store (see `OrganisationEngine.start`). */
  async startEngine(organisationId: string): Promise<void> {
    if (this.started.has(organisationId) || this.core.isClosed) return;
    this.started.add(organisationId);
    await this.engineOf(organisationId).start();
  }

  /** What another instance did. */
  private onWork(signal: WorkSignal): void {
    const { organisationId } = signal;
    this.sweep.wake();
    this.core.background(async () => {
      await this.ready;
      if (signal.kind === 'organisation') {
        this.organisations.forget(organisationId);
        const organisation = await this.organisations.get(organisationId);
        if (!organisation) return this.forget(organisationId);
        await this.startEngine(organisationId);
        const engine = this.engineOf(organisationId);
        if (organisation.status === 'suspended') engine.scheduler.stop();
        else await engine.scheduler.tick();
        return;
      }
      const engine = await this.find(organisationId);
      if (!engine) return;
      if (signal.kind === 'campaign.run') engine.runner.run(signal.campaignId, { join: true });
      else if (signal.kind === 'campaign.stop') await engine.runner.stop(signal.campaignId);
      else engine.scheduler.wake(signal.at);
    });
  }

  /** A live event raised on another instance: to the subscribers here (none when the organisation is not loaded). */
  private onEvent(organisationId: string, event: RaisedEvent): void {
    const engine = this.engines.get(organisationId);
    if (engine) engine.ctx.events.receive(event);
    else this.core.eventIds.observe(event.id);
  }

  /** The engine of an organisation that exists (made on first use). */
  engineOf(organisationId: string): OrganisationEngine {
    let engine = this.engines.get(organisationId);
    if (!engine) {
      engine = new OrganisationEngine(this.core, organisationId, this.organisations);
      const link = this.link;
      if (link) engine.ctx.events.relay = { send: (event) => link.relay(organisationId, event), listened: () => link.othersListening() };
      this.engines.set(organisationId, engine);
    }
    return engine;
  }

  /** The engine of an organisation, if it is made already (every organisation's is, once `ready`). */
  loaded(organisationId: string): OrganisationEngine | undefined {
    return this.engines.get(organisationId);
  }

  /** The engine of an organisation, if it exists. */
  async find(organisationId: string): Promise<OrganisationEngine | null> {
    return (await this.organisations.get(organisationId)) ? this.engineOf(organisationId) : null;
  }

  /**
   * Lets a principal in: parsed (a malformed one is a `ValidationError`, as `createSmsClient` gives), its organisation
   * (the default one when it names none) found, and checked against that organisation's directory.
   */
  async enter(input: unknown, action: string): Promise<Entry> {
    const claimed = parseInput(PrincipalSchema, input, 'principal');
    if (claimed.role === 'operator') return this.enterForSupport(claimed, action);
    const organisationId = claimed.organisationId ?? DEFAULT_ORGANISATION_ID;
    const organisation = await this.organisations.get(organisationId);
    if (!organisation) throw new PermissionError(`There is no organisation "${organisationId}".`, { action: 'principal', code: 'permission.unknown_organisation' });
    if (organisation.status === 'suspended') {
      throw new PermissionError('This organisation is suspended.', { action: 'principal', code: 'permission.organisation_suspended' });
    }
    const engine = this.engineOf(organisationId);
    const { ctx } = engine;
    const principal = await verifyPrincipal(ctx, claimed, { provisionUser: this.provisionUser, storeUser: (user) => storeUser(ctx, user) });
    // The user just read stays with the principal the call gets, so that the call does not read it again.
    const user = verifiedUser(principal);
    const entered = { ...principal, organisationId };
    return { engine, principal: user ? actAs(entered, user) : entered };
  }

  /**
   * An operator acting into an organisation for support: read-only, as its administrators see it, and recorded in the
   * organisation's support access trail. Without an organisation, operators manage organisations only.
   */
  private async enterForSupport(claimed: Principal, action: string): Promise<Entry> {
    if (claimed.organisationId === undefined) {
      throw new PermissionError('Operators manage organisations; to look into one for support, name it.', { action, code: 'permission.operator' });
    }
    const operator = await this.operators.verify(claimed);
    if (!SUPPORT_READS.has(action)) {
      throw new PermissionError('An operator acting for support only reads.', { action, code: 'permission.support_read_only' });
    }
    const engine = await this.find(claimed.organisationId);
    if (!engine) throw new PermissionError(`There is no organisation "${claimed.organisationId}".`, { action, code: 'permission.unknown_organisation' });
    const { ctx } = engine;
    await ctx.db.supportAccess.insert({ id: ctx.id('sup'), operatorId: operator.id, operatorName: operator.name, action, at: ctx.nowIso() });
    const user: User = {
      id: operator.id, name: operator.name, email: operator.email, role: 'admin', departmentId: null, extensionIds: [], mobile: null, lastSeenAt: null,
    };
    return { engine, principal: actAs({ organisationId: claimed.organisationId, userId: operator.id, role: 'admin' }, user) };
  }

  /** Lets an operator in: the principal claims the role, names no organisation, and is an operator (see OperatorDirectory). */
  async enterOperator(input: unknown): Promise<Principal> {
    const claimed = parseInput(PrincipalSchema, input, 'principal');
    if (claimed.role !== 'operator' || claimed.organisationId !== undefined) {
      throw new PermissionError('Only the hosting vendor\'s operators manage organisations.', { action: 'organisations', code: 'permission.operator_only' });
    }
    const operator = await this.operators.verify(claimed);
    return { userId: operator.id, role: 'operator' };
  }

  /** Closes an organisation's engine and forgets it (its organisation is being deleted). */
  async forget(organisationId: string): Promise<void> {
    const engine = this.engines.get(organisationId);
    this.engines.delete(organisationId);
    this.started.delete(organisationId);
    await engine?.close();
  }

  /**
   * An inbound SMS, in the organisation holding the address it was sent to, as written or as `inboundAddress` reads it
   * (else the default one, if any). A suspended organisation's inbound is kept, flagged with the error
   * `organisation.suspended`.
   */
  async receive(message: InboundSms): Promise<void> {
    const owner = (await this.organisations.ownerOf(message.to)) ?? (await this.organisations.ownerOf(inboundAddress(message.to)));
    const engine = await this.find(owner?.organisationId ?? DEFAULT_ORGANISATION_ID);
    if (!engine) {
      this.core.counters.inboundUnrouted += 1;
      return;
    }
    // Addressed as the organisation holds the number: its engine reads `to` in its own country, which may not be the number's.
    const received = await receiveSms(engine.ctx, owner ? { ...message, to: owner.address } : message);
    if (received && (await this.organisations.get(engine.ctx.organisationId))?.status === 'suspended') {
      await engine.ctx.db.messages.update(received.id, { error: { code: 'organisation.suspended', message: 'Received while the organisation was suspended.' } });
    }
  }

  /** A delivery report, in the organisation that sent its message; held while no organisation records its provider id. */
  async applyReport(report: StatusReport): Promise<boolean> {
    const organisationId =
      this.core.messageOfProvider(report.providerId)?.organisationId ??
      (await this.core.ports.store.across('messages').find({ where: { providerId: report.providerId }, limit: 1 }))[0]?.organisationId;
    const engine = organisationId === undefined ? null : this.engines.get(organisationId);
    if (!engine) {
      this.core.holdReport(report);
      return false;
    }
    return engine.applyReport(report);
  }

  /** E-mail to SMS, in the organisation of the user whose address wrote it (refused when several have it). */
  async email(email: InboundEmail): Promise<EmailToSmsResult> {
    const from = emailAddress(email.from);
    const owners = new Set((await this.core.ports.store.across('users').find({ where: { email: from }, limit: 10 })).map((found) => found.organisationId));
    if (owners.size > 1) return { ok: false, code: 'email.ambiguous_sender', reason: `${from} is the address of users of several organisations.` };
    const engine = await this.find([...owners][0] ?? DEFAULT_ORGANISATION_ID);
    if (!engine) return { ok: false, code: 'email.unknown_sender', reason: `${from} is not the address of a user of the service.` };
    return emailToSms(engine.ctx, engine.apis.messages, email);
  }

  async close(): Promise<void> {
    this.sweep.stop();
    this.link?.close();
    for (const engine of this.engines.values()) await engine.close();
    this.core.close();
  }
}
