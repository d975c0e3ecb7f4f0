import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createManualClock } from '../../src/engine/clock.js';
import { RateLimiter, pause } from '../../src/engine/rate-limiter.js';

describe('RateLimiter', () => {
  it('lets a sender hand over its rate within any one second, each sender on its own', async () => {
    const clock = createManualClock();
    const limiter = new RateLimiter(clock);
    assert.equal(limiter.tryTake('A', 2, 3), 0);
    assert.equal(limiter.tryTake('A', 1, 3), 0);
    assert.equal(limiter.tryTake('A', 1, 3), 1000, 'the fourth segment waits for the first to leave the second');
    assert.equal(limiter.tryTake('B', 3, 3), 0, 'another sender has its own second');
    await clock.advance(400);
    assert.equal(limiter.tryTake('A', 1, 3), 600);
    await clock.advance(600);
    assert.equal(limiter.tryTake('A', 2, 3), 0);
  });

  it('takes back segments given back, the latest first, so that the next message may use them', async () => {
    const clock = createManualClock();
    const limiter = new RateLimiter(clock);
    assert.equal(limiter.tryTake('A', 1, 3), 0);
    await clock.advance(500);
    assert.equal(limiter.tryTake('A', 2, 3), 0);
    assert.notEqual(limiter.tryTake('A', 1, 3), 0);
    limiter.giveBack('A', 2, 3);
    assert.equal(limiter.tryTake('A', 2, 3), 0, 'the two segments given back are free again');
    assert.notEqual(limiter.tryTake('A', 1, 3), 0);
    limiter.giveBack('A', 5, 3);
    assert.equal(limiter.tryTake('A', 3, 3), 0, 'giving back more than was taken frees the whole second, no more');
    assert.notEqual(limiter.tryTake('A', 1, 3), 0);
  });

  it('gives back nothing without a limit, or for a sender that took nothing', () => {
    const limiter = new RateLimiter(createManualClock());
    assert.equal(limiter.tryTake('A', 3, 3), 0);
    limiter.giveBack('A', 3, 0);
    limiter.giveBack('B', 3, 3);
    assert.notEqual(limiter.tryTake('A', 1, 3), 0, 'the segments taken at a rate stay counted');
  });

  it('ends a pause at once when the stop was asked before it began, and when it is asked during it', async () => {
    const clock = createManualClock();
    const stops = new Set<() => void>();
    let stopped = false;
    const signal = { get stopped() { return stopped; }, onStop(callback: () => void) { stops.add(callback); return () => stops.delete(callback); } };
    let ended = false;
    const during = pause(clock, 1000, signal).then(() => (ended = true));
    await clock.advance(10);
    assert.equal(ended, false, 'the pause waits while no stop is asked');
    stopped = true;
    for (const stop of [...stops]) stop();
    await during;
    // Asked already: a pause on the manual clock that nobody advances would otherwise never end.
    const after = await Promise.race([pause(clock, 1000, signal).then(() => 'ended'), new Promise((resolve) => setTimeout(resolve, 50, 'waiting'))]);
    assert.equal(after, 'ended');
  });
});
