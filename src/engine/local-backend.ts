import * as z from 'zod';
import { InboundSms as InboundSmsSchema } from '../model/carrier.js';
import type { Settings } from '../model/index.js';
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
import { createDirectoryApi } from './directory.js';
import { CampaignRunner } from './dispatch.js';
import { type EmailToSmsResult, type InboundEmail, emailToSms } from './email.js';
import { receiveSms } from './inbound.js';
import { createKeywordsApi } from './keywords.js';
import { createListsApi } from './lists.js';
import { createMessagesApi, nextDueMessage, releaseDueMessages } from './messages.js';
import { createNumbersApi } from './numbers.js';
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

  const backend: LocalBackend = {
    ...afterReady(apis, ready),
    subscribe: (principal, listener, subscribeOptions) => ctx.events.subscribe(principal, listener, subscribeOptions?.after),
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

/** Every API method waits for recovery before it runs. */
function afterReady<T extends Record<string, object>>(apis: T, ready: Promise<void>): T {
  const wrapped: Record<string, object> = {};
  for (const [name, api] of Object.entries(apis)) {
    const group: Record<string, unknown> = {};
    for (const [key, method] of Object.entries(api)) {
      group[key] = typeof method === 'function' ? async (...args: unknown[]) => {
        await ready;
        return (method as (...a: unknown[]) => unknown).apply(api, args);
      } : method;
    }
    wrapped[name] = Object.freeze(group);
  }
  return wrapped as T;
}
