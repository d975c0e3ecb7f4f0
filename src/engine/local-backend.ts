import * as z from 'zod';
import { InboundSms as InboundSmsSchema } from '../model/carrier.js';
import type { Principal, Settings } from '../model/index.js';
import { Principal as PrincipalSchema } from '../model/index.js';
import type { SmsBackend } from '../ports/backend.js';
import type { Carrier, Clock, InboundSms, Notifier } from '../ports/carrier.js';
import type { Store } from '../ports/store.js';
import { createBlocklistApi } from './blocklist.js';
import { createCampaignsApi } from './campaigns.js';
import { DEFAULT_CARRIER_TIMEOUT_MS } from './carrier-call.js';
import { createCarrierSink } from './carrier-sink.js';
import { systemClock } from './clock.js';
import { createContactsApi } from './contacts.js';
import { EngineContext } from './context.js';
import { createConversationsApi } from './conversations.js';
import { createDirectoryApi, storeUser } from './directory.js';
import { CampaignRunner } from './dispatch.js';
import { type EmailToSmsResult, type InboundEmail, emailToSms } from './email.js';
import { receiveSms } from './inbound.js';
import { createKeywordsApi } from './keywords.js';
import { createListsApi } from './lists.js';
import { createMessagesApi, nextDueMessage, releaseDueMessages } from './messages.js';
import { createNumbersApi } from './numbers.js';
import { type ProvisionUser, verifyPrincipal } from './principals.js';
import { applyStatusReport } from './reports.js';
import { Scheduler } from './scheduler.js';
import { createSettingsApi } from './settings.js';
import type { LocalBackendStats } from './stats.js';
import { createTemplatesApi } from './templates.js';
import { createUsageApi } from './usage.js';
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

/**
 * The business rules of SMS in a PBX, in-process: permissions, number assignment, blocklist at dispatch, opt-out
 * processing, keyword routing, campaign dispatch with rate limits, forward-only status. Give it a store and a
 * carrier; give the result to `createSmsClient`.
 *
 * @example
 * const backend = createLocalBackend({ store: createMemoryStore(), carrier: createSimulatedCarrier({ seed: 7 }) });
 * const admin = createSmsClient({ backend, principal: { userId: 'admin', role: 'admin' } });
 * await admin.numbers.create({ e164: '+61400123456', label: 'Reception' });
 */
export function createLocalBackend(options: LocalBackendOptions): LocalBackend {
  const carrierTimeoutMs = parseInput(CarrierTimeoutMs, options.carrierTimeoutMs, 'carrierTimeoutMs');
  const ctx = new EngineContext(options.store, options.carrier, options.notifier ?? DROP_EMAIL, options.clock ?? systemClock, options.settings ?? {}, carrierTimeoutMs);
  const runner = new CampaignRunner(ctx);
  ctx.applyReport = (report) => applyStatusReport(ctx, runner, report);
  const scheduler = new Scheduler(ctx);
  scheduler.add({ release: () => releaseDueMessages(ctx), next: () => nextDueMessage(ctx) });

  const messages = createMessagesApi(ctx, scheduler);
  const apis = {
    directory: createDirectoryApi(ctx),
    numbers: createNumbersApi(ctx),
    contacts: createContactsApi(ctx),
    conversations: createConversationsApi(ctx),
    messages,
    campaigns: createCampaignsApi(ctx, runner, scheduler),
    lists: createListsApi(ctx),
    blocklist: createBlocklistApi(ctx),
    templates: createTemplatesApi(ctx),
    keywords: createKeywordsApi(ctx),
    usage: createUsageApi(ctx),
    settings: createSettingsApi(ctx),
  };

  const ready = (async () => {
    await ctx.settings();
    await runner.recover();
    await scheduler.tick();
  })();

  const disconnect = options.carrier.connect(createCarrierSink(ctx, ready));

  const verify = (principal: unknown) => verifyPrincipal(ctx, principal, { provisionUser: options.provisionUser, storeUser: (input) => storeUser(ctx, input) });

  const backend: LocalBackend = {
    ...verified(apis, ready, verify),
    subscribe: (principal, listener, subscribeOptions) => {
      checkPrincipal(principal);
      // Events wait until the directory has verified the principal; a principal it refuses receives none. A copy of the
      // verified principal, so that each event reads the user as stored then (an extension taken away stops its events).
      const checked = ready.then(() => verify(principal)).then((known) => ({ ...known }));
      return ctx.events.subscribe(checked, listener, subscribeOptions?.after);
    },
    inbound: {
      sms: async (message) => {
        const parsed = parseInput(InboundSmsSchema, message, 'message');
        await ready;
        await receiveSms(ctx, parsed);
      },
      email: async (email) => {
        await ready;
        return emailToSms(ctx, messages, email);
      },
    },
    ready,
    stats: () => ({ ...ctx.counters, reportsHeld: ctx.heldReports }),
    idle: async () => {
      await ready;
      await ctx.idle();
    },
    close: async () => {
      await ready.catch(() => undefined);
      disconnect();
      scheduler.stop();
      await runner.close();
      ctx.close();
      await ctx.idle();
    },
  };
  return backend;
}

/**
 * Every API method waits for recovery, then runs for the principal as the directory knows it (never as it claims to
 * be: see `verifyPrincipal`).
 */
function verified<T extends Record<string, object>>(apis: T, ready: Promise<void>, verify: (principal: unknown) => Promise<Principal>): T {
  const wrapped: Record<string, object> = {};
  for (const [name, api] of Object.entries(apis)) {
    const group: Record<string, unknown> = {};
    for (const [key, method] of Object.entries(api)) {
      group[key] = typeof method === 'function' ? async (principal: unknown, ...args: unknown[]) => {
        await ready;
        return (method as (...a: unknown[]) => unknown).call(api, await verify(principal), ...args);
      } : method;
    }
    wrapped[name] = Object.freeze(group);
  }
  return wrapped as T;
}

/** A malformed principal is refused at once, with the same `ValidationError` as `createSmsClient` gives. */
function checkPrincipal(principal: unknown): void {
  parseInput(PrincipalSchema, principal, 'principal');
}
