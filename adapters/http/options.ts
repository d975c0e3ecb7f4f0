import * as z from 'zod';
import { parseInput } from '../../src/engine/validate.js';
import type { TokenSource } from './tokens.js';

export interface HttpBackendOptions {
  /** Where the REST server is, such as `https://sms.example.com` (the API is under `/v1` there). */
  baseUrl: string;
  /**
   * The bearer token: a string (a portal's one signed-in user), or a function giving the token of a principal, called
   * once per principal and again when the server refuses the token (401).
   * @example
   * token: async (principal) => (await fetch('/session/sms-token')).text()
   */
  token: TokenSource;
  /**
   * The `fetch` to use (a test's, or one that adds cookies).
   * @default globalThis.fetch
   */
  fetch?: typeof fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * How long one request may take, in ms, before it fails with an `HttpError` (`http.timeout`).
   * @default 30_000
   */
  timeoutMs?: number;
  /**
   * How long sending a recipient file as it is (`lists.importFile`, `campaigns.uploadFile`) may take, upload and import
   * together, in ms, in place of `timeoutMs`.
   * @default 600_000
   */
  fileTimeoutMs?: number;
  /**
   * How many times a request that may safely go again is retried after a network failure or a 408, 429, 502, 503 or
   * 504: reads (GET), and the POSTs that send or create, which carry an `Idempotency-Key` of the backend's making.
   * Nothing else is retried.
   * @default 2
   */
  retries?: number;
  events?: {
    /**
     * The first wait before reconnecting a broken event stream, in ms; doubled after each failure in a row.
     * @default 500
     */
    initialDelayMs?: number;
    /**
     * The longest wait between reconnections, in ms.
     * @default 30_000
     */
    maxDelayMs?: number;
  };
}

const Settled = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }),
  timeoutMs: z.number().int().positive().max(3_600_000).default(30_000),
  fileTimeoutMs: z.number().int().positive().max(3_600_000).default(600_000),
  retries: z.number().int().min(0).max(10).default(2),
  events: z.object({
    initialDelayMs: z.number().int().positive().max(600_000).default(500),
    maxDelayMs: z.number().int().positive().max(3_600_000).default(30_000),
  }).default({ initialDelayMs: 500, maxDelayMs: 30_000 }),
  headers: z.record(z.string(), z.string()).default({}),
});

/** The options as the backend uses them: defaults applied, values checked. */
export function settleOptions(options: HttpBackendOptions) {
  const settled = parseInput(Settled, { ...options, fetch: undefined, token: undefined }, 'options');
  if (typeof options.token !== 'string' && typeof options.token !== 'function') throw new TypeError('createHttpBackend needs a token: a string or a function of the principal.');
  return { ...settled, baseUrl: settled.baseUrl.replace(/\/+$/, ''), token: options.token, fetch: options.fetch };
}
