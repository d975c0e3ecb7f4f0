import * as z from 'zod';
import { systemClock } from '../../src/engine/clock.js';
import { parseInput } from '../../src/engine/validate.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import type { CarrierCapabilities, Clock } from '../../src/ports/carrier.js';

/** Where the provider's REST API lives unless `baseUrl` says otherwise. */
export const DEFAULT_TWILIO_BASE_URL = 'https://api.twilio.com';

/** How a send is retried when the provider answers 429 or 5xx before it accepted the message. */
export interface TwilioRetryOptions {
  /**
   * The most requests made for one message, the first included.
   * @default 4
   */
  attempts?: number;
  /**
   * The most time spent waiting between those requests, for one message. A `Retry-After` that would go past it ends
   * the retries at once.
   * @default 20000
   */
  totalMs?: number;
  /**
   * The first wait without a `Retry-After`; each next one doubles, up to `maxDelayMs`.
   * @default 500
   */
  baseDelayMs?: number;
  /**
   * The longest single wait, `Retry-After` included.
   * @default 10000
   */
  maxDelayMs?: number;
}

export interface TwilioCarrierOptions {
  /** The account's SID (`AC` and 32 hex digits): the path of every API call, and what inbound webhooks must carry. */
  accountSid: string;
  /**
   * The account's auth token. It signs every webhook the provider sends (`X-Twilio-Signature`), so the webhook
   * handlers need it; it is also the API password unless `apiKey` and `apiSecret` are given. Without it, every
   * webhook is refused (403).
   */
  authToken?: string;
  /** An API key SID (`SK…`), used with `apiSecret` for the API calls in place of the auth token. */
  apiKey?: string;
  /** The secret of `apiKey`. */
  apiSecret?: string;
  /** A messaging service SID (`MG…`): every message is sent through it (its sender pool, opt-out handling and queue). */
  messagingServiceSid?: string;
  /**
   * Which `From` a message is sent with. `'message'`: the engine's sender (the number the user sends from, or the
   * campaign's alpha tag). `'service'`: no `From` for numbers, so that the messaging service's sender pool chooses
   * (needs `messagingServiceSid`); an alpha tag is still sent as `From`.
   * @default 'message'
   */
  from?: 'message' | 'service';
  /**
   * The REST API's origin. Point it at a provider that copies the API, or at a fake in tests.
   * @default 'https://api.twilio.com'
   */
  baseUrl?: string;
  /**
   * The public URL of the status webhook (`…/v1/webhooks/twilio/status` on the REST server), sent with every message
   * so that the provider reports its delivery. The adapter adds the engine's message id to it (`ref`), which lets a
   * report settle a send whose answer was lost, and asks the provider to retry a callback that fails (see
   * `callbackRetries`). Without it, configure the status callback on the messaging service.
   */
  statusCallback?: string;
  /**
   * How many times the provider retries a status callback that fails (a 5xx, such as the 503 of a carrier not
   * connected to the engine yet, or no connection), asked for with the provider's connection overrides (the URL
   * fragment `#rc=5&rp=5xx,ct,rt`; a fragment is never sent, so it is not part of the signed URL). 0 adds none.
   * @default 5
   */
  callbackRetries?: number;
  /**
   * The public origin (and path prefix, if the proxy removes one) the provider calls the webhooks at. Signatures are
   * computed over the public URL; behind a proxy or a load balancer the request's own URL is not that one. The
   * handlers verify against `webhookBaseUrl` followed by the request's path and query.
   * @default the request's own URL
   */
  webhookBaseUrl?: string;
  /**
   * The `fetch` API calls go through.
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
  /**
   * How long one API request may take. A request that runs out of time after it was sent may have created the
   * message: it is never sent again, and `send` does not settle until a status callback names it (see
   * `statusCallback`), so that the engine holds the message as `unknown`.
   * @default 15000
   */
  timeoutMs?: number;
  retry?: TwilioRetryOptions;
  /**
   * The largest webhook body read, in bytes; a larger one is refused (413).
   * @default 65536
   */
  maxWebhookBytes?: number;
  /**
   * How long a webhook waits for the engine to take what it carries. Past it, the provider is answered 503 and sends it
   * again (the engine ignores what it already has), well within the provider's 15 s.
   * @default 10000
   */
  webhookTimeoutMs?: number;
  /**
   * What the carrier declares to the engine.
   * @default { alphaTags: true, segmentsPerSecondPerSender: 0 }
   */
  capabilities?: Partial<CarrierCapabilities>;
  /**
   * The clock retries wait on and reports are stamped with.
   * @default systemClock
   */
  clock?: Clock;
}

const sid = (prefix: string) => z.string().regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `${prefix} followed by 32 hex digits`);
const httpUrl = z.string().refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), 'an http(s) URL');
const ms = (max: number) => z.number().int().positive().max(max);

const Options = z.object({
  accountSid: sid('AC'),
  authToken: z.string().min(1).optional(),
  apiKey: sid('SK').optional(),
  apiSecret: z.string().min(1).optional(),
  messagingServiceSid: sid('MG').optional(),
  from: z.enum(['message', 'service']).default('message'),
  baseUrl: httpUrl.default(DEFAULT_TWILIO_BASE_URL),
  statusCallback: httpUrl.refine((value) => !value.includes('#'), 'a URL without a fragment').optional(),
  callbackRetries: z.number().int().min(0).max(5).default(5),
  webhookBaseUrl: httpUrl.optional(),
  timeoutMs: ms(300_000).default(15_000),
  retry: z.object({
    attempts: z.number().int().min(1).max(10).default(4),
    totalMs: z.number().int().min(0).max(600_000).default(20_000),
    baseDelayMs: z.number().int().min(0).max(60_000).default(500),
    maxDelayMs: z.number().int().min(0).max(600_000).default(10_000),
  }).default({ attempts: 4, totalMs: 20_000, baseDelayMs: 500, maxDelayMs: 10_000 }),
  maxWebhookBytes: ms(10_485_760).default(65_536),
  webhookTimeoutMs: ms(60_000).default(10_000),
  capabilities: z.object({
    alphaTags: z.boolean().default(true),
    segmentsPerSecondPerSender: z.number().min(0).refine(Number.isFinite, 'a finite number').default(0),
  }).default({ alphaTags: true, segmentsPerSecondPerSender: 0 }),
});

/** The options with every default applied and every value checked, plus what is derived from them. */
export type TwilioConfig = z.output<typeof Options> & {
  fetch: typeof fetch;
  clock: Clock;
  /** The `Authorization` header of every API call. */
  authorization: string;
  /** The Messages resource of the account. */
  messagesUrl: string;
};

/** Applies the defaults and refuses what cannot work with a `ValidationError` naming the option. */
export function resolveOptions(options: TwilioCarrierOptions): TwilioConfig {
  const { fetch: fetchOption, clock, ...rest } = options;
  const parsed = parseInput(Options, rest, 'options');
  if ((parsed.apiKey === undefined) !== (parsed.apiSecret === undefined)) {
    throw new ValidationError('Give apiKey and apiSecret together.', { field: parsed.apiKey === undefined ? 'apiKey' : 'apiSecret' });
  }
  if (parsed.apiKey === undefined && parsed.authToken === undefined) {
    throw new ValidationError('Give authToken, or apiKey and apiSecret, to call the API.', { field: 'authToken' });
  }
  if (parsed.from === 'service' && parsed.messagingServiceSid === undefined) {
    throw new ValidationError("from: 'service' needs a messagingServiceSid.", { field: 'messagingServiceSid' });
  }
  const fetchImpl = fetchOption ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') throw new ValidationError('No fetch: give one in the fetch option.', { field: 'fetch' });
  const user = parsed.apiKey ?? parsed.accountSid;
  const password = parsed.apiSecret ?? parsed.authToken!;
  return {
    ...parsed,
    fetch: fetchImpl,
    clock: clock ?? systemClock,
    authorization: `Basic ${base64(`${user}:${password}`)}`,
    messagesUrl: `${parsed.baseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${parsed.accountSid}/Messages.json`,
  };
}

/** Base64 of a string's UTF-8 bytes. */
export function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
