import * as z from 'zod';
import { parseInput } from '../../src/engine/validate.js';
import type { Principal } from '../../src/model/index.js';
import type { SmsBackend } from '../../src/ports/backend.js';
import type { Store } from '../../src/ports/store.js';

/** A carrier's webhook handlers (such as `twilioCarrier.webhooks`): each takes the provider's request as it came. */
export interface RestServerWebhooks {
  /** Inbound messages, served at `POST /v1/webhooks/<name>/inbound`. */
  inbound?(request: Request): Promise<Response>;
  /** Delivery reports, served at `POST /v1/webhooks/<name>/status`. */
  status?(request: Request): Promise<Response>;
}

/** Where the server reports what it cannot show a caller: unexpected errors, with the id the caller was given. */
export interface RestServerLogger {
  error(message: string, details: Record<string, unknown>): void;
}

export interface RestServerOptions {
  /** The backend served: `createLocalBackend(...)` or any other `SmsBackend`. */
  backend: SmsBackend;
  /**
   * Names the caller of a request from its headers (a session cookie, a bearer token), or null when there is none or
   * it is not valid: the request is then refused with 401 and `WWW-Authenticate: Bearer`. The backend's directory still
   * decides what the principal may do.
   * @example
   * authenticate: async (request) => sessions.principalOf(request.headers.get('authorization'))
   */
  authenticate(request: Request): Principal | null | Promise<Principal | null>;
  /**
   * The host portals' origins allowed to call the API from a browser (CORS), such as `['https://portal.example.com']`.
   * @default none: cross-origin browser calls are refused
   */
  cors?: { origins: readonly string[] };
  limits?: {
    /**
     * The largest request body taken, in bytes; a larger one is refused with 413.
     * @default 16 MiB
     */
    bodyBytes?: number;
    /**
     * How long a request may take before it is answered 503 (`code: 'http.timeout'`, `Retry-After`); what it started
     * still completes, and a retry with the same `Idempotency-Key` gets its response. The event stream is excepted.
     * @default 30_000
     */
    requestTimeoutMs?: number;
    /**
     * The largest recipient file taken as it is (`POST /v1/lists/{id}/file-imports`, `POST /v1/upload-files`), in
     * bytes. Such a body is not held by the server: it is streamed to the backend as it arrives, so `bodyBytes` does not
     * apply; its `Content-Length` (required, else 411) is checked against this cap before a byte is read, and a larger
     * file is refused with 413 (`RecipientFileError`, `recipients.too_large`). The backend has caps of its own (the local
     * engine's `recipientFiles`).
     * @default 128 MiB
     */
    fileBytes?: number;
    /**
     * How long a recipient file sent as it is may take, upload and import together, in place of `requestTimeoutMs`.
     * @default 600_000
     */
    fileTimeoutMs?: number;
  };
  /**
   * Where `Idempotency-Key`s are kept: every POST that sends or creates (those the REST table marks `idempotent`)
   * sent again with the same key and body gets the first response (`Idempotent-Replayed: true`) without a second
   * effect; the same key with another request is a 422; while the first is still running, a 409 with `Retry-After`.
   * Keys are kept 24 hours. Give the backend's own store so that they hold across instances and restarts.
   * @default keys held in memory by this instance only (a memory store; expired keys are purged): a restart forgets
   * them, and another instance behind the same load balancer does not see them
   */
  idempotency?: { store: Store };
  /**
   * A request rate limit per principal (organisation and user), checked after authentication: beyond it, 429 with
   * `Retry-After`. Counted in memory per instance (N instances let a caller through up to N times the rate).
   * @default no limit
   * @example
   * rateLimit: { requestsPerMinute: 600, burst: 60 }
   */
  rateLimit?: {
    /** Requests per minute, sustained. */
    requestsPerMinute: number;
    /**
     * Requests at once after a pause.
     * @default ten seconds' worth (`requestsPerMinute / 6`)
     */
    burst?: number;
  };
  /**
   * Carriers' webhooks, by name: `{ twilio: carrier.webhooks }` serves `POST /v1/webhooks/twilio/inbound` and
   * `POST /v1/webhooks/twilio/status`. They are outside authentication (each handler verifies the provider's own
   * signature) and the rate limit, inside the body limit, and listed in the OpenAPI document without security.
   * @default none
   */
  webhooks?: Readonly<Record<string, RestServerWebhooks>>;
  events?: {
    /**
     * How often an idle event stream receives a comment, in ms, so that proxies keep it open.
     * @default 15_000
     */
    heartbeatMs?: number;
    /**
     * The most event streams one user (of one organisation) holds open at once; one more is refused with 429.
     * @default 10
     */
    streamsPerUser?: number;
  };
  /**
   * Where unexpected errors are logged (a 500 shows the caller only an error id).
   * @default console
   */
  logger?: RestServerLogger;
}

const LIMITS = { bodyBytes: 16 * 1024 * 1024, requestTimeoutMs: 30_000, fileBytes: 128 * 1024 * 1024, fileTimeoutMs: 600_000 };
const Limits = z.object({
  bodyBytes: z.number().int().positive().default(LIMITS.bodyBytes),
  requestTimeoutMs: z.number().int().positive().max(3_600_000).default(LIMITS.requestTimeoutMs),
  fileBytes: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).default(LIMITS.fileBytes),
  fileTimeoutMs: z.number().int().positive().max(3_600_000).default(LIMITS.fileTimeoutMs),
}).default(LIMITS);

const RateLimit = z.object({
  requestsPerMinute: z.number().positive().max(10_000_000),
  burst: z.number().int().positive().max(1_000_000).optional(),
}).optional();

/** A webhook's name is one path segment. */
const WebhookName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'A webhook name is lower-case letters, digits and hyphens');
const Handler = z.custom<(request: Request) => Promise<Response>>((value) => typeof value === 'function', 'A handler of Request');
const Webhooks = z.record(WebhookName, z.object({ inbound: Handler.optional(), status: Handler.optional() })).default({});

const Idempotency = z.object({ store: z.custom<Store>((value) => typeof (value as Store | null)?.scope === 'function', 'A Store') }).optional();

const Events = z.object({
  heartbeatMs: z.number().int().min(10).max(3_600_000).default(15_000),
  streamsPerUser: z.number().int().positive().max(10_000).default(10),
}).default({ heartbeatMs: 15_000, streamsPerUser: 10 });

const Cors = z.object({ origins: z.array(z.url()).max(1000) }).optional();

/** The options as the server uses them: defaults applied, numbers checked. */
export function settleOptions(options: RestServerOptions) {
  if (typeof options.authenticate !== 'function') throw new TypeError('createRestServer needs an authenticate(request) function.');
  return {
    backend: options.backend,
    authenticate: options.authenticate,
    logger: options.logger ?? console,
    limits: parseInput(Limits, options.limits, 'limits'),
    events: parseInput(Events, options.events, 'events'),
    cors: parseInput(Cors, options.cors, 'cors'),
    idempotency: parseInput(Idempotency, options.idempotency, 'idempotency'),
    rateLimit: parseInput(RateLimit, options.rateLimit, 'rateLimit'),
    /** Checked, but kept as given: a handler may be a method of its carrier. */
    webhooks: (parseInput(Webhooks, options.webhooks, 'webhooks'), { ...options.webhooks }) as Readonly<Record<string, RestServerWebhooks>>,
  };
}

export type SettledOptions = ReturnType<typeof settleOptions>;
