import * as z from 'zod';
import { InboundSms as InboundSmsSchema } from '../model/carrier.js';
import type { Settings } from '../model/index.js';
import { DEFAULT_ORGANISATION_ID, Principal as PrincipalSchema } from '../model/index.js';
import type { OrganisationsApi, SmsBackend } from '../ports/backend.js';
import type { Carrier, Clock, InboundSms, Notifier } from '../ports/carrier.js';
import type { Store } from '../ports/store.js';
import { DEFAULT_CARRIER_TIMEOUT_MS } from './carrier-call.js';
import { createCarrierSink } from './carrier-sink.js';
import { systemClock } from './clock.js';
import { Deployment } from './deployment.js';
import type { EmailToSmsResult, InboundEmail } from './email.js';
import type { OrganisationApis, OrganisationEngine } from './organisation-engine.js';
import { createOrganisationsApi } from './organisations-api.js';
import type { ProvisionUser } from './principals.js';
import type { LocalBackendStats } from './stats.js';
import { parseInput } from './validate.js';

export interface LocalBackendOptions {
  /** Where data lives: `createMemoryStore()` or `createPostgresStore(...)`. */
  store: Store;
  /** Who carries the messages: `createSimulatedCarrier(...)` or a real provider's adapter. */
  carrier: Carrier;
  /**
   * Sends e-mail for keyword and reply routing.
   * @default a notifier that drops e-mail (routing to e-mail then does nothing)
   */
  notifier?: Notifier;
  /**
   * Time, for schedules and rate limits. Tests pass `createManualClock()`.
   * @default systemClock
   */
  clock?: Clock;
  /** Initial settings, used until an administrator changes them. */
  settings?: Partial<Settings>;
  /**
   * Provisions users on first sight. The directory is the truth: a principal names a stored user, whose role,
   * department and extensions decide what it may do, and an unknown user is refused (`PermissionError`,
   * `permission.unknown_user`) with nothing stored; only the first administrator of an organisation that has none is
   * stored from its principal. A host that creates its users as they first log in gives this function: it returns the
   * user to store for a principal the directory does not know (name, role, department, extensions, which must exist),
   * or null to refuse it.
   * @default undefined (unknown users are refused)
   * @example
   * provisionUser: async (principal) => {
   *   const account = await pbx.accounts.get(principal.userId);
   *   return account ? { name: account.name, role: 'user', departmentId: account.department, extensionIds: [account.extension] } : null;
   * }
   */
  provisionUser?: ProvisionUser;
  /**
   * How long the engine waits for the carrier to answer a send, in ms of `clock`. A send still unanswered then is held
   * as `unknown` (it may have gone) and never sent again by itself; should the answer come later, it is taken (the
   * message is charged and marked sent, or failed). Campaign stops return at once whatever the carrier does, and
   * `close()` returns within this time.
   * @default 30_000
   */
  carrierTimeoutMs?: number;
  /**
   * The most sends the engine has in flight with the carrier at once, over every organisation it serves. When they are
   * all in use, the next free one goes to a one-to-one message first, then to the campaigns, in turn between the
   * organisations waiting, so that one organisation's large campaign cannot hold another's messages back. Set it to
   * what the carrier takes at once (its connections, its window), so that the engine, not the carrier's queue, decides
   * who goes next. Each campaign also has at most 64 sends in flight.
   * @default 256
   */
  sendsInFlight?: number;
  /**
   * The hosting vendor's operators, by user id: principals `{ userId, role: 'operator' }` with these ids manage
   * organisations (`client.organisations`). When none is named, the first operator principal seen while there is no
   * operator is stored as the operator, as an organisation's first administrator is, and no other is let in.
   * @default [] (the first operator bootstraps)
   */
  operators?: readonly string[];
  /**
   * Several instances over one store (a database) share the work: a message the engine claimed (`sending`) and whose
   * carrier's answer is not recorded `carrierTimeoutMs` plus this long after is taken for the claim of an instance that
   * died (a live one records the answer or holds the message `unknown` within the carrier timeout): the message is held
   * `unknown` (it may have gone), never sent again. It covers the instances' clocks differing and the store's latency.
   * After a crash of a lone instance, what it had in flight is held `unknown` this long after the carrier timeout.
   * @default 10_000
   */
  orphanGraceMs?: number;
  /**
   * How often (ms of `clock`) the engine sweeps the store for work that no signal from another instance told it of, or
   * that a dead instance left: organisations made or changed elsewhere, campaigns running (it dispatches them too),
   * messages an instance that died had in flight, schedules fallen due, expired shared counters. With a store that
   * has signals (`store.signals`), the instances learn most of it at once and the sweep is the safety net.
   * @default 10_000
   */
  sweepIntervalMs?: number;
  /**
   * Caps on a recipient file sent as it is (`lists.importFile`, `campaigns.uploadFile`), read as a stream. `maxBytes`:
   * a larger file is refused before it is read (`RecipientFileError`, `recipients.too_large`); a CSV file is never held
   * whole, whatever its size. `maxUnpackedBytes`: an XLSX workbook is a ZIP archive read whole (its bytes, then its
   * first sheet's rows), so one that its directory says unpacks to more is refused before it is unpacked.
   * @default { maxBytes: 134_217_728 (128 MiB), maxUnpackedBytes: 67_108_864 (64 MiB) }
   */
  recipientFiles?: { maxBytes?: number; maxUnpackedBytes?: number };
}

/** The engine as a backend, plus the entry points a server wires to the outside world. */
export interface LocalBackend extends SmsBackend {
  /**
   * Inbound traffic: SMS from the carrier (also delivered through its sink) and e-mail to SMS. An SMS that does not fit
   * `InboundSms` (no usable provider id, an empty or overlong address) is refused with a `ValidationError`.
   */
  readonly inbound: {
    sms(message: InboundSms): Promise<void>;
    email(email: InboundEmail): Promise<EmailToSmsResult>;
  };
  /** Resolves once the engine has recovered what a previous engine left on the same store. */
  readonly ready: Promise<void>;
  /**
   * The engine's dealings with its carrier: inbound SMS and reports its sink dropped, reports held for messages not
   * known yet, sends the carrier did not answer in time. Counted since the engine started; cheap to call.
   */
  stats(): LocalBackendStats;
  /** Resolves when sends, reports and events in flight have settled (tests, seeds, benchmarks). */
  idle(): Promise<void>;
}

const DROP_EMAIL: Notifier = { sendEmail: async () => undefined };

/** The `carrierTimeoutMs` option: a whole number of ms, up to a day. */
const CarrierTimeoutMs = z.number().int().positive().max(86_400_000).default(DEFAULT_CARRIER_TIMEOUT_MS);

/** The `sendsInFlight` option. */
const SendsInFlight = z.number().int().positive().max(100_000).default(256);

/** The `orphanGraceMs` option. */
const OrphanGraceMs = z.number().int().nonnegative().max(86_400_000).default(10_000);

/** The `recipientFiles` option. */
const RecipientFiles = z.object({
  maxBytes: z.number().int().positive().default(128 * 1024 * 1024),
  maxUnpackedBytes: z.number().int().positive().default(64 * 1024 * 1024),
}).default({ maxBytes: 128 * 1024 * 1024, maxUnpackedBytes: 64 * 1024 * 1024 });

/** The `sweepIntervalMs` option. */
const SweepIntervalMs = z.number().int().positive().max(86_400_000).default(10_000);

/**
 * The business rules of SMS in a PBX, in-process: permissions, number assignment, blocklist at dispatch, opt-out
 * processing, keyword routing, campaign dispatch with rate limits, forward-only status. Give it a store and a
 * carrier; give the result to `createSmsClient`. Every organisation of the store is served, each sealed from the
 * others; a store with none gets the default organisation, which principals naming none belong to.
 *
 * @example
 * const backend = createLocalBackend({ store: createMemoryStore(), carrier: createSimulatedCarrier({ seed: 7 }) });
 * const admin = createSmsClient({ backend, principal: { userId: 'admin', role: 'admin' } });
 * await admin.numbers.create({ e164: '+61400123456', label: 'Reception' });
 */
export function createLocalBackend(options: LocalBackendOptions): LocalBackend {
  const carrierTimeoutMs = parseInput(CarrierTimeoutMs, options.carrierTimeoutMs, 'carrierTimeoutMs');
  const sendsInFlight = parseInput(SendsInFlight, options.sendsInFlight, 'sendsInFlight');
  const orphanGraceMs = parseInput(OrphanGraceMs, options.orphanGraceMs, 'orphanGraceMs');
  const sweepIntervalMs = parseInput(SweepIntervalMs, options.sweepIntervalMs, 'sweepIntervalMs');
  const recipientFiles = parseInput(RecipientFiles, options.recipientFiles, 'recipientFiles');
  const deployment = new Deployment(
    {
      store: options.store, carrier: options.carrier, notifier: options.notifier ?? DROP_EMAIL, clock: options.clock ?? systemClock, carrierTimeoutMs,
      sendsInFlight, orphanGraceMs, sweepIntervalMs, recipientFiles,
    },
    { settings: options.settings ?? {}, provisionUser: options.provisionUser, operators: options.operators },
  );
  const { core, ready } = deployment;
  const disconnect = options.carrier.connect(createCarrierSink(deployment));

  const organisations = createOrganisationsApi(deployment);
  const backend: LocalBackend = {
    ...routed(deployment),
    organisations: forOperators(deployment, organisations),
    subscribe: (principal, listener, subscribeOptions) => {
      const claimed = parseInput(PrincipalSchema, principal, 'principal');
      const organisationId = claimed.organisationId ?? DEFAULT_ORGANISATION_ID;
      // Events wait until the directory has verified the principal; a principal it refuses receives none. A copy of the
      // verified principal, so that each event reads the user as stored then (an extension taken away stops its events).
      const subscribe = (engine: OrganisationEngine) =>
        engine.ctx.events.subscribe(ready.then(() => deployment.enter(claimed, 'subscribe')).then(({ principal: known }) => ({ ...known })), listener, subscribeOptions?.after);
      const loaded = deployment.loaded(organisationId);
      if (loaded) return subscribe(loaded);
      // Before recovery, the organisation's engine may not be made yet (nor the organisation exist).
      let unsubscribe: (() => void) | null = null;
      let cancelled = false;
      // Or the organisation was made on another instance over the store since this one started.
      void ready.then(async () => {
        const engine = deployment.loaded(organisationId) ?? (await deployment.find(organisationId));
        if (engine && !cancelled) unsubscribe = subscribe(engine);
      }).catch(() => undefined);
      return () => {
        cancelled = true;
        unsubscribe?.();
      };
    },
    inbound: {
      sms: async (message) => {
        const parsed = parseInput(InboundSmsSchema, message, 'message');
        await ready;
        await deployment.receive(parsed);
      },
      email: async (email) => {
        await ready;
        return deployment.email(email);
      },
    },
    ready,
    stats: () => ({ ...core.counters, reportsHeld: core.heldReports }),
    idle: async () => {
      await ready;
      await core.idle();
    },
    close: async () => {
      await ready.catch(() => undefined);
      disconnect();
      await deployment.close();
      await core.idle();
    },
  };
  return backend;
}

/**
 * The methods of each resource group an organisation's engine serves, by name. The type asks for every method of the
 * port: a method added to it without an entry here does not compile.
 */
const METHODS: { readonly [G in keyof OrganisationApis]: { readonly [M in keyof OrganisationApis[G]]-?: true } } = {
  directory: { search: true, get: true, supportAccess: true, me: true, users: true, createUser: true, updateUser: true, removeUser: true, extensions: true, createExtension: true, updateExtension: true, removeExtension: true, departments: true, createDepartment: true, updateDepartment: true },
  numbers: { list: true, get: true, create: true, update: true, assign: true, unassign: true, remove: true, setRouting: true },
  contacts: { list: true, get: true, create: true, update: true, remove: true, import: true, resolve: true },
  conversations: { list: true, get: true, open: true, markRead: true, setMuted: true, remove: true, unread: true },
  messages: { list: true, get: true, send: true, cancel: true, retry: true, capabilities: true },
  campaigns: { list: true, get: true, create: true, update: true, remove: true, duplicate: true, validate: true, estimate: true, estimateDraft: true, schedule: true, start: true, stop: true, restart: true, recipients: true, createUpload: true, uploadFile: true, getUpload: true },
  lists: { list: true, get: true, create: true, rename: true, remove: true, entries: true, addEntry: true, updateEntry: true, removeEntry: true, import: true, importFile: true },
  blocklist: { list: true, check: true, add: true, remove: true, import: true, history: true },
  templates: { list: true, get: true, create: true, update: true, remove: true },
  keywords: { list: true, get: true, create: true, update: true, remove: true },
  usage: { summary: true, rows: true },
  settings: { get: true, update: true },
};

/** Every method of the organisations group waits for recovery, then runs for an operator let in (see `enterOperator`). */
function forOperators(deployment: Deployment, api: OrganisationsApi): OrganisationsApi {
  const group: Record<string, unknown> = {};
  for (const [key, method] of Object.entries(api)) {
    group[key] = async (principal: unknown, ...args: unknown[]) => {
      await deployment.ready;
      return (method as (...a: unknown[]) => unknown).call(api, await deployment.enterOperator(principal), ...args);
    };
  }
  return Object.freeze(group) as unknown as OrganisationsApi;
}

/**
 * Every API method waits for recovery, then runs in the principal's organisation for the principal as that
 * organisation's directory knows it (never as it claims to be: see `verifyPrincipal`).
 */
function routed(deployment: Deployment): OrganisationApis {
  const wrapped: Record<string, object> = {};
  for (const [name, methods] of Object.entries(METHODS) as [keyof OrganisationApis, object][]) {
    const group: Record<string, unknown> = {};
    for (const key of Object.keys(methods)) {
      group[key] = async (principal: unknown, ...args: unknown[]) => {
        await deployment.ready;
        const entry = await deployment.enter(principal, `${name}.${key}`);
        const api = entry.engine.apis[name] as unknown as Record<string, (...a: unknown[]) => unknown>;
        return api[key]!.call(api, entry.principal, ...args);
      };
    }
    wrapped[name] = Object.freeze(group);
  }
  return wrapped as unknown as OrganisationApis;
}
