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

/** A key's bucket: the instant it is full again, and its place in the least recently used order. */
interface Bucket {
  key: string;
  fullAt: number;
  older: Bucket | null;
  newer: Bucket | null;
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
 * Each bucket is one number, the instant it is full again (GCRA): a bucket that is full is the same as no bucket, so
 * buckets are created on first use and forgotten least recently used first (a linked list: O(1) per request).
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
  const buckets = new Map<string, Bucket>();
  /** The least and the most recently used bucket, ends of a list through `newer` and `older`. */
  let oldest: Bucket | null = null;
  let newest: Bucket | null = null;

  const unlink = (bucket: Bucket): void => {
    if (bucket.older) bucket.older.newer = bucket.newer;
    else oldest = bucket.newer;
    if (bucket.newer) bucket.newer.older = bucket.older;
    else newest = bucket.older;
    bucket.older = bucket.newer = null;
  };
  const append = (bucket: Bucket): void => {
    bucket.older = newest;
    if (newest) newest.newer = bucket;
    else oldest = bucket;
    newest = bucket;
  };

  return {
    take(key) {
      parseInput(Key, key, 'key');
      const now = clock.now();
      let bucket = buckets.get(key);
      if (bucket) {
        unlink(bucket);
      } else {
        bucket = { key, fullAt: now, older: null, newer: null };
        buckets.set(key, bucket);
        if (buckets.size > maxKeys && oldest) {
          buckets.delete(oldest.key);
          unlink(oldest);
        }
      }
      append(bucket);
      const full = Math.max(bucket.fullAt, now);
      if (full - now > tolerance + EPSILON_MS) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((full - tolerance - now) / 1000)) };
      }
      bucket.fullAt = full + interval;
      return { ok: true, remaining: Math.max(0, Math.floor((tolerance - (bucket.fullAt - now)) / interval + EPSILON_MS) + 1) };
    },
    get size() {
      return buckets.size;
    },
  };
}
