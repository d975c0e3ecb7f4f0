import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StopSignal } from '../../src/engine/rate-limiter.js';
import { type SendKind, SendSlots } from '../../src/engine/send-slots.js';

/** Asks for slots and notes, in `order`, who got how many once the request is served. */
function ask(slots: SendSlots, order: string[], organisationId: string, kind: SendKind, wanted: number, signal?: StopSignal): Promise<number> {
  return Promise.resolve(slots.take(organisationId, kind, wanted, signal)).then((granted) => {
    order.push(`${organisationId}:${kind}:${granted}`);
    return granted;
  });
}

function stopSignal(): StopSignal & { stop(): void } {
  const callbacks = new Set<() => void>();
  let stopped = false;
  return {
    get stopped() {
      return stopped;
    },
    onStop(callback) {
      callbacks.add(callback);
      return () => callbacks.delete(callback);
    },
    stop() {
      stopped = true;
      for (const callback of [...callbacks]) callback();
    },
  };
}

describe('SendSlots', () => {
  it('grants what is free at once while nobody waits, at most what was asked for', () => {
    const slots = new SendSlots(10);
    assert.equal(slots.take('a', 'campaign', 64), 10);
    assert.equal(slots.inFlight, 10);
    slots.release(3);
    assert.equal(slots.take('b', 'campaign', 2), 2);
    assert.equal(slots.take('b', 'direct', 1), 1);
    assert.equal(slots.inFlight, 10);
  });

  it('hands freed slots to one-to-one requests first, then to campaigns in turn between organisations', async () => {
    const slots = new SendSlots(4);
    assert.equal(slots.take('a', 'campaign', 4), 4);
    const order: string[] = [];
    const waits = [
      ask(slots, order, 'a', 'campaign', 2),
      ask(slots, order, 'a', 'campaign', 2),
      ask(slots, order, 'b', 'campaign', 2),
      ask(slots, order, 'c', 'direct', 1),
    ];
    slots.release(4);
    slots.release(2);
    await Promise.all(waits);
    // c's message first; then one slot a turn, a, b, a, among a's and b's first requests (a's is served in full, b's
    // goes with the one it got); a's second request gets the next slots freed.
    assert.deepEqual(order, ['c:direct:1', 'a:campaign:2', 'b:campaign:1', 'a:campaign:2']);
  });

  it('lets a waiting request go when it is stopped, and serves the next one instead', async () => {
    const slots = new SendSlots(1);
    assert.equal(slots.take('a', 'campaign', 1), 1);
    const signal = stopSignal();
    const order: string[] = [];
    const stopped = ask(slots, order, 'a', 'campaign', 5, signal);
    const next = ask(slots, order, 'b', 'campaign', 5);
    signal.stop();
    assert.equal(await stopped, 0);
    slots.release();
    assert.equal(await next, 1);
    assert.deepEqual(order, ['a:campaign:0', 'b:campaign:1']);
    assert.equal(slots.inFlight, 1);
  });
});
