/**
 * `Idempotency-Key` for the REST server, framework-free: the same request sent again with the same key (a retry after
 * a lost answer, on any instance, after a restart) gets the first response without a second effect. Keys live in the
 * Store, so every instance over one database shares them.
 */
import * as z from 'zod';
import { systemClock } from '../../src/engine/clock.js';
import { parseInput } from '../../src/engine/validate.js';
import { Principal } from '../../src/model/directory.js';
import { DEFAULT_ORGANISATION_ID } from '../../src/model/organisation.js';
import type { Clock } from '../../src/ports/carrier.js';
import { SYSTEM_SCOPE, type Collection, type IdempotencyRecord, type Store } from '../../src/ports/store.js';

export interface IdempotencyKeysOptions {
  /** Where keys are kept: the same store the backend uses, so that they hold across instances and restarts. */
  store: Store;
  /**
   * The clock expiry is counted on.
   * @default systemClock
   */
  clock?: Clock;
  /**
   * How long a key is remembered after its response.
   * @default 86_400_000 (24 hours)
   */
  ttlMs?: number;
  /**
   * The largest response body kept for replay. A larger response still holds its key (a retry never has a second
   * effect), but its replay carries only the status and headers (such as `Location`), with an empty body.
   * @default 262_144 (256 KiB)
   */
  maxBodyBytes?: number;
  /**
   * How long a first request may run before its key is taken over by a retry, as if it had crashed. Keep it above
   * the server's request timeout, so that a slow request is never run twice.
   * @default 120_000
   */
  pendingTimeoutMs?: number;
  /**
   * The most expired keys one purge deletes. Each organisation is purged at most once a minute per instance, by the
   * first `begin` in it, so that a purge never holds a request up for long.
   * @default 100
   */
  purgeBatch?: number;
}

/** A request that carries an `Idempotency-Key`. */
export interface IdempotentRequest {
  principal: Principal;
  /** The `Idempotency-Key` header: 1 to 255 printable ASCII characters. */
  key: string;
  method: string;
  /** The path and query the request was sent to. */
  path: string;
  /** The raw request body ('' for none). */
  body: string | Uint8Array | ArrayBuffer;
}

/** A response as kept and replayed. */
export interface IdempotentResponse {
  status: number;
  /** Only the headers in `REPLAYED_HEADERS`, lower-case. */
  headers: Record<string, string>;
  body: string;
}

/** What to do with a request, as `begin` decides. */
export type IdempotencyOutcome =
  /** The same request was answered before: send this response again, doing nothing else. */
  | { kind: 'replay'; response: IdempotentResponse }
  /** The key was used for another request (another method, path, body or caller): answer 422. */
  | { kind: 'mismatch' }
  /** The first request with this key is still running: answer 409 with `Retry-After`. */
  | { kind: 'in-progress'; retryAfterSeconds: number }
  /**
   * The key is this request's: handle it, then `finish` with its response (a 5xx response is not kept, so that the
   * client may retry), or `abandon` when it fails without one. Each settles the key once; later calls do nothing.
   */
  | { kind: 'new'; finish(response: { status: number; headers?: Headers | Readonly<Record<string, string>>; body: string }): Promise<void>; abandon(): Promise<void> };

export interface IdempotencyKeys {
  /** Claims the request's key, or says how the request was already answered. */
  begin(request: IdempotentRequest): Promise<IdempotencyOutcome>;
}

/** The response headers a replay repeats; the others (dates, cookies, rate limits) belong to each answer. */
export const REPLAYED_HEADERS = ['content-type', 'content-location', 'location', 'etag'] as const;

/** The `Idempotency-Key` header: 1 to 255 printable ASCII characters. */
export const IdempotencyKey = z.string()
  .min(1, 'An Idempotency-Key is 1 to 255 characters')
  .max(255, 'An Idempotency-Key is 1 to 255 characters')
  .regex(/^[\x20-\x7e]+$/, 'An Idempotency-Key is printable ASCII characters');
export type IdempotencyKey = z.infer<typeof IdempotencyKey>;

const TtlMs = z.number().int().positive().max(30 * 86_400_000).default(86_400_000);
const MaxBodyBytes = z.number().int().min(0).max(16 * 1024 * 1024).default(262_144);
const PendingTimeoutMs = z.number().int().positive().max(86_400_000).default(120_000);
const PurgeBatch = z.number().int().positive().max(10_000).default(100);
const Method = z.string().min(1).max(16);
const Path = z.string().min(1).max(8192);
const Status = z.number().int().min(100).max(599);
const Body = z.union([z.string(), z.instanceof(Uint8Array), z.instanceof(ArrayBuffer)]);
const ResponseBody = z.string();
/** A whole request, parsed at once; a request it refuses is parsed field by field, for the error naming the field. */
const Request = z.object({ key: IdempotencyKey, principal: Principal, method: Method, path: Path, body: Body });

const PURGE_INTERVAL_MS = 60_000;
/** Organisations whose last purge time an instance remembers; beyond, it forgets them all and starts again. */
const MAX_PURGE_SCOPES = 10_000;
const RETRY_AFTER_SECONDS = 1;

/**
 * Idempotency keys kept in `store.scope(organisation).collection('idempotencyKeys')` under `<userId>:<key>`
 * (operators in `SYSTEM_SCOPE`), claimed with `insertIfAbsent` so that two instances racing on one key give one
 * `new`. A request is told apart by a SHA-256 of its caller, method, path and body; expired keys count as absent and
 * are purged in bounded batches.
 *
 * @example
 * const keys = createIdempotencyKeys({ store });
 * const outcome = await keys.begin({ principal, key: request.headers.get('idempotency-key'), method: 'POST', path: '/v1/messages', body });
 * if (outcome.kind === 'replay') return new Response(outcome.response.body, outcome.response);
 * if (outcome.kind === 'mismatch') return problem(422);
 * if (outcome.kind === 'in-progress') return problem(409, { 'retry-after': String(outcome.retryAfterSeconds) });
 * try {
 *   const response = await handle(request);
 *   await outcome.finish({ status: response.status, headers: response.headers, body: await response.clone().text() });
 *   return response;
 * } catch (error) {
 *   await outcome.abandon();
 *   throw error;
 * }
 */
export function createIdempotencyKeys(options: IdempotencyKeysOptions): IdempotencyKeys {
  const { store } = options;
  const clock = options.clock ?? systemClock;
  const ttlMs = parseInput(TtlMs, options.ttlMs, 'ttlMs');
  const maxBodyBytes = parseInput(MaxBodyBytes, options.maxBodyBytes, 'maxBodyBytes');
  const pendingTimeoutMs = parseInput(PendingTimeoutMs, options.pendingTimeoutMs, 'pendingTimeoutMs');
  const purgeBatch = parseInput(PurgeBatch, options.purgeBatch, 'purgeBatch');
  const lastPurge = new Map<string, number>();

  async function purge(scope: string, keys: Collection<IdempotencyRecord>): Promise<void> {
    const now = clock.now();
    if (now - (lastPurge.get(scope) ?? -Infinity) < PURGE_INTERVAL_MS) return;
    if (lastPurge.size >= MAX_PURGE_SCOPES) lastPurge.clear();
    lastPurge.set(scope, now);
    const expired = { $lte: iso(now) };
    const page = await keys.find({ where: { expiresAt: expired }, orderBy: [['expiresAt', 'asc']], limit: purgeBatch });
    if (page.items.length > 0) await keys.deleteMany({ id: { $in: page.items.map((record) => record.id) }, expiresAt: expired });
  }

  /** The handle of a claimed key; `claimedAt` (its `createdAt`) tells this claim from a later takeover. */
  function claim(keys: Collection<IdempotencyRecord>, id: string, claimedAt: string): IdempotencyOutcome {
    let settled = false;
    const mine = { state: 'pending', createdAt: claimedAt } as const;
    const abandon = async (): Promise<void> => {
      if (settled) return;
      settled = true;
      await keys.deleteMany({ id, ...mine });
    };
    return {
      kind: 'new',
      abandon,
      async finish(response) {
        const status = parseInput(Status, response.status, 'status');
        if (status >= 500) return abandon();
        if (settled) return;
        settled = true;
        const body = parseInput(ResponseBody, response.body, 'body');
        // A UTF-16 unit is at most 3 bytes of UTF-8: most bodies are kept without counting them.
        const kept = body.length * 3 <= maxBodyBytes || utf8(body).byteLength <= maxBodyBytes;
        const headers = replayedHeaders(response.headers ?? {}, kept);
        const done = { state: 'done', status, headers, body: kept ? body : '', expiresAt: iso(clock.now() + ttlMs) } as const;
        await keys.update(id, done, { if: mine });
      },
    };
  }

  return {
    async begin(request) {
      const parsed = Request.safeParse(request);
      const { key, principal, method: sentMethod, path, body } = parsed.success ? parsed.data : parseEach(request);
      const method = sentMethod.toUpperCase();
      const scope = principal.role === 'operator' ? SYSTEM_SCOPE : (principal.organisationId ?? DEFAULT_ORGANISATION_ID);
      const keys = store.scope(scope).collection('idempotencyKeys');
      await purge(scope, keys);
      const id = `${principal.userId}:${key}`;
      const fingerprint = await digest(principal, method, path, body);

      for (let attempt = 0; attempt < 3; attempt++) {
        const now = clock.now();
        const createdAt = iso(now);
        const pending = { id, fingerprint, state: 'pending', status: 0, headers: {}, body: '', createdAt, expiresAt: iso(now + ttlMs) } as const;
        if (await keys.insertIfAbsent(pending)) return claim(keys, id, createdAt);
        const found = await keys.get(id);
        if (!found) continue;
        if (found.expiresAt <= createdAt) {
          await keys.deleteMany({ id, expiresAt: { $lte: createdAt } });
          continue;
        }
        if (found.fingerprint !== fingerprint) return { kind: 'mismatch' };
        if (found.state === 'done') return { kind: 'replay', response: { status: found.status, headers: { ...found.headers }, body: found.body } };
        if (Date.parse(found.createdAt) + pendingTimeoutMs > now) return { kind: 'in-progress', retryAfterSeconds: RETRY_AFTER_SECONDS };
        const takenOver = await keys.update(id, { createdAt, expiresAt: pending.expiresAt }, { if: { state: 'pending', createdAt: found.createdAt } });
        if (takenOver) return claim(keys, id, createdAt);
      }
      return { kind: 'in-progress', retryAfterSeconds: RETRY_AFTER_SECONDS };
    },
  };
}

/** A request's fields parsed one by one: the first that is not valid throws a `ValidationError` naming it. */
function parseEach(request: IdempotentRequest): z.output<typeof Request> {
  return {
    key: parseInput(IdempotencyKey, request.key, 'Idempotency-Key'),
    principal: parseInput(Principal, request.principal, 'principal'),
    method: parseInput(Method, request.method, 'method'),
    path: parseInput(Path, request.path, 'path'),
    body: parseInput(Body, request.body, 'body'),
  };
}

/** The headers a replay repeats, lower-case; without a body, none that describe it. */
function replayedHeaders(headers: Headers | Readonly<Record<string, string>>, withBody: boolean): Record<string, string> {
  const kept: Record<string, string> = {};
  const keep = (name: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && (withBody || name !== 'content-type')) kept[name] = value;
  };
  if (headers instanceof Headers) {
    for (const name of REPLAYED_HEADERS) keep(name, headers.get(name));
    return kept;
  }
  // A record, read as it is (its names in any case).
  for (const name in headers) {
    const lower = name.toLowerCase();
    if ((REPLAYED_HEADERS as readonly string[]).includes(lower)) keep(lower, headers[name]);
  }
  return kept;
}

/** Node's own hashing, when the runtime is Node (20.16 and later): `crypto.subtle.digest` costs ten times as much there. */
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?(name: 'node:crypto'): typeof import('node:crypto') | undefined } }).process?.getBuiltinModule?.('node:crypto');

/** SHA-256 (hex) of who asks, what and where (as JSON: unambiguous), a line feed, then the body's bytes. */
async function digest(principal: Principal, method: string, path: string, body: string | Uint8Array | ArrayBuffer): Promise<string> {
  const who = `${JSON.stringify([principal.organisationId ?? null, principal.userId, method, path])}\n`;
  // Node hashes text as UTF-8 itself, without an encoded copy of it; in one call when it can (Node 20.12 and later).
  if (nodeCrypto?.hash && typeof body === 'string') return nodeCrypto.hash('sha256', who + body, 'hex');
  if (nodeCrypto) {
    const hash = nodeCrypto.createHash('sha256').update(who, 'utf8');
    return (typeof body === 'string' ? hash.update(body, 'utf8') : hash.update(new Uint8Array(body))).digest('hex');
  }
  const head = utf8(who);
  const tail = typeof body === 'string' ? utf8(body) : new Uint8Array(body);
  const bytes = new Uint8Array(head.byteLength + tail.byteLength);
  bytes.set(head);
  bytes.set(tail, head.byteLength);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(hash, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const encoder = new TextEncoder();

function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Instants formatted lately (a request's creation and expiry, and the next requests' within the same milliseconds). */
const formatted = new Map<number, string>();

/** An instant as ISO 8601, formatted once for the requests of the same millisecond. */
function iso(ms: number): string {
  let text = formatted.get(ms);
  if (text === undefined) {
    if (formatted.size >= 8) formatted.clear();
    text = new Date(ms).toISOString();
    formatted.set(ms, text);
  }
  return text;
}
