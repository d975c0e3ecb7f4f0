import * as z from 'zod';
import { parseInput } from '../../src/engine/validate.js';
import type { Principal } from '../../src/model/index.js';
import type { SmsBackend } from '../../src/ports/backend.js';

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
  };
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

const Limits = z.object({
  bodyBytes: z.number().int().positive().default(16 * 1024 * 1024),
}).default({ bodyBytes: 16 * 1024 * 1024 });

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
  };
}

export type SettledOptions = ReturnType<typeof settleOptions>;
