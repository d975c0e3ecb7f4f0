import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createRateLimiter } from '../../adapters/rest-server/rate-limit.js';
import { createManualClock } from '../../src/engine/clock.js';
import { isValidationError } from '../../src/errors/validation-error.js';

describe('createRateLimiter', () => {
  it('lets a burst through at once, then one request per interval', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ requestsPerMinute: 60, burst: 3, clock });
    assert.deepEqual([limiter.take('a'), limiter.take('a'), limiter.take('a')], [
      { ok: true, remaining: 2 }, { ok: true, remaining: 1 }, { ok: true, remaining: 0 },
    ]);
    assert.deepEqual(limiter.take('a'), { ok: false, retryAfterSeconds: 1 });
    await clock.advance(999);
    assert.equal(limiter.take('a').ok, false, 'a refused request counts nothing, and no token is back yet');
    await clock.advance(1);
    assert.deepEqual(limiter.take('a'), { ok: true, remaining: 0 });
    assert.equal(limiter.take('a').ok, false);
  });

  it('refills to the burst and no further', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ requestsPerMinute: 60, burst: 3, clock });
    for (let i = 0; i < 3; i++) limiter.take('a');
    await clock.advance(1500);
    assert.deepEqual(limiter.take('a'), { ok: true, remaining: 0 }, 'one and a half tokens back, one taken');
    await clock.advance(3_600_000);
    assert.deepEqual(limiter.take('a'), { ok: true, remaining: 2 });
  });

  it('holds a key to the sustained rate over time', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ requestsPerMinute: 120, burst: 5, clock });
    let allowed = 0;
    for (let tick = 0; tick < 100; tick++) {
      for (let attempt = 0; attempt < 3; attempt++) if (limiter.take('a').ok) allowed++;
      await clock.advance(100);
    }
    assert.equal(allowed, 5 + 19, 'the burst, then 2 a second for the 9.9 s after the first request');
  });

  it('says how long to wait, in whole seconds rounded up', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ requestsPerMinute: 1, burst: 1, clock });
    assert.equal(limiter.take('a').ok, true);
    assert.deepEqual(limiter.take('a'), { ok: false, retryAfterSeconds: 60 });
    await clock.advance(10_500);
    assert.deepEqual(limiter.take('a'), { ok: false, retryAfterSeconds: 50 }, '49.5 s');
    await clock.advance(19_500);
    assert.deepEqual(limiter.take('a'), { ok: false, retryAfterSeconds: 30 });
    await clock.advance(29_500);
    assert.deepEqual(limiter.take('a'), { ok: false, retryAfterSeconds: 1 });
  });

  it('keeps each key apart, with ten seconds of the rate as the default burst', () => {
    const limiter = createRateLimiter({ requestsPerMinute: 60, clock: createManualClock() });
    const takes = (key: string): number => Array.from({ length: 20 }, () => limiter.take(key)).filter((result) => result.ok).length;
    assert.equal(takes('acme:alice'), 10);
    assert.equal(takes('acme:bob'), 10);
    assert.equal(createRateLimiter({ requestsPerMinute: 0.5, clock: createManualClock() }).take('a').ok, true, 'at least one');
  });

  it('keeps at most maxKeys buckets, forgetting the least recently used, which starts again full', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ requestsPerMinute: 60, burst: 2, maxKeys: 2, clock });
    limiter.take('a');
    limiter.take('a');
    limiter.take('b');
    limiter.take('b');
    assert.equal(limiter.take('a').ok, false, 'a is used again, so b is now the least recent');
    assert.deepEqual(limiter.take('c'), { ok: true, remaining: 1 });
    assert.equal(limiter.size, 2);
    assert.equal(limiter.take('a').ok, false, 'a was kept');
    assert.deepEqual([limiter.take('b'), limiter.take('b'), limiter.take('b')], [
      { ok: true, remaining: 1 }, { ok: true, remaining: 0 }, { ok: false, retryAfterSeconds: 1 },
    ], 'b was forgotten: a full bucket, the burst and no more');
    for (let i = 0; i < 1000; i++) limiter.take(`key-${i}`);
    assert.equal(limiter.size, 2);
  });

  it('answers as a plain token bucket per key with least-recently-used eviction would, whatever the sequence', async () => {
    const step = fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd', 'e'), wait: fc.integer({ min: 0, max: 12 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 200 }), async (steps) => {
        const clock = createManualClock();
        const limiter = createRateLimiter({ requestsPerMinute: 60, burst: 3, maxKeys: 3, clock });
        /** The model: tokens per key (a forgotten key has a full bucket), most recently used last. */
        const tokens = new Map<string, { tokens: number; at: number }>();
        for (const { key, wait } of steps) {
          await clock.advance(wait * 250);
          const now = clock.now();
          const before = tokens.get(key);
          tokens.delete(key);
          const bucket = { tokens: before ? Math.min(3, before.tokens + (now - before.at) / 1000) : 3, at: now };
          tokens.set(key, bucket);
          if (tokens.size > 3) tokens.delete(tokens.keys().next().value!);
          const expected = bucket.tokens >= 1
            ? { ok: true, remaining: Math.floor(--bucket.tokens) }
            : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(1 - bucket.tokens)) };
          assert.deepEqual(limiter.take(key), expected);
          assert.equal(limiter.size, tokens.size);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses bad options and keys', () => {
    for (const [name, options] of [
      ['requestsPerMinute', { requestsPerMinute: 0 }],
      ['requestsPerMinute', { requestsPerMinute: Number.NaN }],
      ['burst', { requestsPerMinute: 60, burst: 0 }],
      ['burst', { requestsPerMinute: 60, burst: 1.5 }],
      ['maxKeys', { requestsPerMinute: 60, maxKeys: 0 }],
    ] as const) {
      assert.throws(() => createRateLimiter(options), (error) => isValidationError(error) && error.field === name, name);
    }
    const limiter = createRateLimiter({ requestsPerMinute: 60 });
    assert.throws(() => limiter.take('k'.repeat(513)), (error) => isValidationError(error) && error.field === 'key');
    assert.throws(() => limiter.take(42 as never), (error) => isValidationError(error) && error.field === 'key');
  });
});
