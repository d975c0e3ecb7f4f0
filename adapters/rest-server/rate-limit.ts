/**
 * A per-caller request rate limit for the REST server, framework-free: a token bucket per key, in memory, with a
 * bounded number of buckets.
 */
import * as z from 'zod';
import { systemClock } from '../../src/engine/clock.js';
import { parseInput } from '../../src/engine/validate.js';
import type { Clock } from '../../src/ports/carrier.js';

export interface RateLimiterOptions {
  /** How many requests a key may make per minute, sustained. */
  requestsPerMinute: number;
  /**
   * How many requests a key that has been idle may make at once (the bucket's size).
   * @default ten seconds' worth: `Math.ceil(requestsPerMinute / 6)`, at least 1
   */
  burst?: number;
  /**
   * The clock buckets refill on.
   * @default systemClock
   */
  clock?: Clock;
  /**
   * The most buckets kept; beyond, the least recently used is forgotten. A forgotten bucket starts again full, so
   * eviction never lets a key through more than `burst` requests at once.
   * @default 10_000
   */
  maxKeys?: number;
}

/** What `take` answers: go on, with how many requests are left at once; or wait that many seconds. */
export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

export interface RequestRateLimiter {
  /** Counts one request of `key` (at most 512 characters), if its bucket holds a token. */
  take(key: string): RateLimitResult;
  /** How many buckets are kept now (at most `maxKeys`). */
  readonly size: number;
}

const RequestsPerMinute = z.number().positive().max(10_000_000);
const Burst = z.number().int().positive().max(1_000_000);
const MaxKeys = z.number().int().positive().max(10_000_000).default(10_000);
const Key = z.string().max(512);
/** Float slack on instants, so that a request arriving exactly when its token does is let through. */
const EPSILON_MS = 1e-6;

/**
 * A token bucket per key: `burst` requests at once, then one every `60_000 / requestsPerMinute` ms. The server keys
 * it by organisation and user, and answers 429 with `Retry-After: retryAfterSeconds` when `take` says no.
 *
 * It counts per instance, in memory: N instances behind a load balancer that spreads a caller's requests let that
 * caller through up to N times the rate. Divide `requestsPerMinute` by the number of instances, or route each caller
 * to one instance, when the exact figure matters.
 *
 * Each bucket is one number, the instant its bucket is full again (GCRA): a bucket that is full is the same as no
 * bucket, so buckets are created on first use and forgotten least recently used first.
 *
 * @example
 * const limiter = createRateLimiter({ requestsPerMinute: 600, burst: 50 });
 * const result = limiter.take(`${principal.organisationId}:${principal.userId}`);
 * if (!result.ok) return problem(429, { 'retry-after': String(result.retryAfterSeconds) });
 */
export function createRateLimiter(options: RateLimiterOptions): RequestRateLimiter {
  const perMinute = parseInput(RequestsPerMinute, options.requestsPerMinute, 'requestsPerMinute');
  const burst = parseInput(Burst, options.burst ?? Math.max(1, Math.ceil(perMinute / 6)), 'burst');
  const maxKeys = parseInput(MaxKeys, options.maxKeys, 'maxKeys');
  const clock = options.clock ?? systemClock;
  /** The time one token takes to come back. */
  const interval = 60_000 / perMinute;
  /** How far ahead of now a bucket's "full again" instant may be and still hold a token. */
  const tolerance = (burst - 1) * interval;
  /** Per key, the instant its bucket is full again; in least recently used order. */
  const fullAt = new Map<string, number>();

  return {
    take(key) {
      parseInput(Key, key, 'key');
      const now = clock.now();
      const full = Math.max(fullAt.get(key) ?? now, now);
      fullAt.delete(key);
      if (full - now > tolerance + EPSILON_MS) {
        fullAt.set(key, full);
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((full - tolerance - now) / 1000)) };
      }
      const next = full + interval;
      fullAt.set(key, next);
      if (fullAt.size > maxKeys) fullAt.delete(fullAt.keys().next().value!);
      return { ok: true, remaining: Math.max(0, Math.floor((tolerance - (next - now)) / interval + EPSILON_MS) + 1) };
    },
    get size() {
      return fullAt.size;
    },
  };
}
