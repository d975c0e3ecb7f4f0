import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createManualClock, nextTask, systemClock } from '../../src/engine/clock.js';
import { isSmsError } from '../../src/errors/sms-error.js';

describe('createManualClock', () => {
  it('starts at 2025-01-01T00:00:00Z unless told otherwise, as a number or a Date', () => {
    assert.equal(new Date(createManualClock().now()).toISOString(), '2025-01-01T00:00:00.000Z');
    assert.equal(createManualClock({ start: 1234 }).now(), 1234);
    assert.equal(createManualClock({ start: new Date('2030-06-01T12:00:00Z') }).now(), Date.parse('2030-06-01T12:00:00Z'));
  });

  it('stands still until advanced, then runs the timers due on the way in time order, ties in the order set', async () => {
    const clock = createManualClock({ start: 0 });
    const ran: string[] = [];
    clock.setTimeout(() => ran.push(`c@${clock.now()}`), 30);
    clock.setTimeout(() => ran.push(`a@${clock.now()}`), 10);
    clock.setTimeout(() => ran.push(`b@${clock.now()}`), 10);
    clock.setTimeout(() => ran.push(`late@${clock.now()}`), 31);
    assert.deepEqual(ran, []);
    assert.equal(clock.now(), 0);
    await clock.advance(30);
    assert.deepEqual(ran, ['a@10', 'b@10', 'c@30']);
    assert.equal(clock.now(), 30);
    assert.equal(clock.pending(), 1);
    await clock.advance(1);
    assert.deepEqual(ran.at(-1), 'late@31');
    assert.equal(clock.pending(), 0);
  });

  it('runs timers set by timers when they fall within the step, and leaves the others', async () => {
    const clock = createManualClock({ start: 0 });
    const ran: number[] = [];
    const tick = () => {
      ran.push(clock.now());
      clock.setTimeout(tick, 100);
    };
    clock.setTimeout(tick, 100);
    await clock.advance(350);
    assert.deepEqual(ran, [100, 200, 300]);
    assert.equal(clock.now(), 350);
    assert.equal(clock.pending(), 1);
  });

  it('runs a zero-delay timer set during a step within that step', async () => {
    const clock = createManualClock({ start: 0 });
    const ran: number[] = [];
    clock.setTimeout(() => clock.setTimeout(() => ran.push(clock.now()), 0), 50);
    await clock.advance(50);
    assert.deepEqual(ran, [50]);
    await clock.advance(0);
    assert.equal(clock.pending(), 0);
  });

  it('lets async code progress between timers, so a timer set after several awaits still runs', async () => {
    const clock = createManualClock({ start: 0 });
    const ran: number[] = [];
    async function engineStep(): Promise<void> {
      for (let index = 0; index < 20; index++) await Promise.resolve();
      clock.setTimeout(() => ran.push(clock.now()), 10);
    }
    clock.setTimeout(() => void engineStep(), 10);
    void engineStep(); // started before the step, not awaited
    await clock.advance(25);
    assert.deepEqual(ran, [10, 20]);
  });

  it('runs nothing for a cleared timer, and ignores unknown handles', async () => {
    const clock = createManualClock({ start: 0 });
    let ran = false;
    const handle = clock.setTimeout(() => (ran = true), 5);
    assert.equal(clock.pending(), 1);
    clock.clearTimeout(handle);
    clock.clearTimeout('nonsense');
    clock.clearTimeout(undefined);
    assert.equal(clock.pending(), 0);
    await clock.advance(10);
    assert.equal(ran, false);
  });

  it('treats a negative or missing delay as zero', async () => {
    const clock = createManualClock({ start: 0 });
    const ran: number[] = [];
    clock.setTimeout(() => ran.push(1), -5);
    clock.setTimeout(() => ran.push(2), Number.NaN);
    await clock.advance(0);
    assert.deepEqual(ran, [1, 2]);
  });

  it('runAll runs every timer, moving time to each due time', async () => {
    const clock = createManualClock({ start: 0 });
    const ran: number[] = [];
    clock.setTimeout(() => {
      ran.push(clock.now());
      clock.setTimeout(() => ran.push(clock.now()), 5000);
    }, 1000);
    clock.setTimeout(() => ran.push(clock.now()), 3000);
    await clock.runAll();
    assert.deepEqual(ran, [1000, 3000, 6000]);
    assert.equal(clock.now(), 6000);
    assert.equal(clock.pending(), 0);
  });

  it('set jumps the clock without running anything; timers keep the delay they had left', async () => {
    const clock = createManualClock({ start: 0 });
    const ran: number[] = [];
    clock.setTimeout(() => ran.push(clock.now()), 5000);
    clock.set(1_000_000);
    assert.equal(clock.now(), 1_000_000);
    assert.deepEqual(ran, []);
    await clock.advance(4999);
    assert.deepEqual(ran, []);
    await clock.advance(1);
    assert.deepEqual(ran, [1_005_000]);
    clock.set(new Date(10));
    assert.equal(clock.now(), 10);
  });

  it('runs the other timers when one throws, then rejects with the first error', async () => {
    const clock = createManualClock({ start: 0 });
    const ran: string[] = [];
    clock.setTimeout(() => {
      throw new Error('first');
    }, 1);
    clock.setTimeout(() => {
      throw new Error('second');
    }, 2);
    clock.setTimeout(() => ran.push('after'), 3);
    await assert.rejects(clock.advance(10), /first/);
    assert.deepEqual(ran, ['after']);
    assert.equal(clock.now(), 10);
  });

  it('fails loudly when a timer keeps rescheduling itself', async () => {
    const clock = createManualClock({ start: 0, maxTimers: 50 });
    const loop = () => clock.setTimeout(loop, 0);
    loop();
    await assert.rejects(clock.advance(1), (error: unknown) => isSmsError(error) && error.code === 'clock.too_many_timers');
  });

  it('refuses to move backwards through advance', async () => {
    const clock = createManualClock({ start: 0 });
    await assert.rejects(clock.advance(-1), (error: unknown) => isSmsError(error) && error.code === 'clock.invalid_step');
    assert.equal(clock.now(), 0);
  });

  it('uses the settle function it is given between timers', async () => {
    let settled = 0;
    const clock = createManualClock({ start: 0, settle: async () => void settled++ });
    clock.setTimeout(() => {}, 1);
    clock.setTimeout(() => {}, 2);
    await clock.advance(5);
    assert.ok(settled >= 3, `settled ${settled} times`);
  });
});

describe('systemClock', () => {
  it('tells the host time', () => {
    const before = Date.now();
    const now = systemClock.now();
    assert.ok(now >= before && now <= Date.now());
  });

  it('runs a timer through the host, and clears one', async () => {
    let cleared = false;
    const handle = systemClock.setTimeout(() => (cleared = true), 1);
    systemClock.clearTimeout(handle);
    await new Promise<void>((resolve) => systemClock.setTimeout(resolve, 5));
    assert.equal(cleared, false);
  });
});

describe('nextTask', () => {
  it('resolves after every promise continuation queued before it, however deep', async () => {
    let depth = 0;
    async function deep(): Promise<void> {
      for (let index = 0; index < 100; index++) {
        await Promise.resolve();
        depth++;
      }
    }
    void deep();
    await nextTask();
    assert.equal(depth, 100);
  });
});
