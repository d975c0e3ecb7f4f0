// The simulated carrier's timeline: items come out by due time, and in the order they went in at equal times.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { EventQueue } from '../../adapters/simulated-carrier/event-queue.js';

type Op = { push: number } | 'pop';

describe('EventQueue', () => {
  it('pops by due time, first in first out at equal times, whatever pushes and pops interleave', () => {
    const op = fc.oneof(fc.record({ push: fc.integer({ min: 0, max: 20 }) }), fc.constant('pop' as const));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops: Op[]) => {
        const queue = new EventQueue<number>();
        // The oracle: a list kept sorted by due time, stable for equal ones.
        const model: { due: number; item: number }[] = [];
        let item = 0;
        for (const step of ops) {
          if (step === 'pop') {
            const expected = model.shift();
            assert.deepEqual(queue.pop(), expected);
          } else {
            const entry = { due: step.push, item: item++ };
            queue.push(entry.due, entry.item);
            const at = model.findIndex((other) => other.due > entry.due);
            model.splice(at === -1 ? model.length : at, 0, entry);
          }
          assert.equal(queue.size, model.length);
          assert.equal(queue.nextDue(), model[0]?.due ?? Infinity);
          assert.equal(queue.peek(), model[0]?.item);
        }
      }),
    );
  });

  it('is empty after its last item, and takes new ones at any due time', () => {
    const queue = new EventQueue<string>();
    assert.equal(queue.pop(), undefined);
    queue.push(5, 'a');
    queue.push(5, 'b');
    assert.deepEqual(queue.pop(), { due: 5, item: 'a' });
    queue.push(1, 'c');
    assert.deepEqual([queue.pop(), queue.pop(), queue.pop()], [{ due: 1, item: 'c' }, { due: 5, item: 'b' }, undefined]);
    queue.push(5, 'd');
    assert.deepEqual([queue.size, queue.nextDue(), queue.peek()], [1, 5, 'd']);
  });
});
