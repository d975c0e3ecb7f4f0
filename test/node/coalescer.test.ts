import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Coalescer } from '../../src/engine/coalescer.js';

/** A coalescer whose writes the test sees: each batch, and whether two ever overlapped. */
function recorded(write: (items: number[]) => Promise<void> = async () => undefined) {
  const batches: number[][] = [];
  let writing = 0;
  let overlapped = false;
  const coalescer = new Coalescer<number>(async (items) => {
    writing += 1;
    overlapped ||= writing > 1;
    batches.push(items);
    try {
      await write(items);
    } finally {
      writing -= 1;
    }
  });
  return { coalescer, batches, overlapped: () => overlapped };
}

describe('Coalescer', () => {
  it('resolves an item\'s add once the write holding it is over, failed or not, and not before', async () => {
    const gates: (() => void)[] = [];
    const { coalescer, batches } = recorded((items) => new Promise<void>((resolve, reject) => gates.push(items[0] === 2 ? () => reject(new Error('store down')) : resolve)));
    const over: number[] = [];
    const first = coalescer.add(1).then(() => over.push(1));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = coalescer.add(2).then(() => over.push(2));
    const third = coalescer.add(3).then(() => over.push(3));
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(over, [], 'the first write is still under way');
    gates.shift()!();
    await first;
    await new Promise((resolve) => setTimeout(resolve, 5));
    assert.deepEqual(over, [1], 'the second write (2 and 3) is still under way');
    assert.deepEqual(batches, [[1], [2, 3]]);
    gates.shift()!();
    await Promise.all([second, third]);
    assert.deepEqual(over, [1, 2, 3], 'a failed write ends its items\' wait too');
    await assert.rejects(coalescer.idle(), /store down/);
    await coalescer.add(4);
    assert.deepEqual(batches, [[1], [2, 3]], 'nothing is written after a failure, and the wait ends');
  });

  it('writes the items added in one turn together, in order', async () => {
    const { coalescer, batches } = recorded();
    for (let item = 0; item < 5; item++) coalescer.add(item);
    assert.deepEqual(batches, [], 'nothing is written before the turn ends');
    await coalescer.idle();
    assert.deepEqual(batches, [[0, 1, 2, 3, 4]]);
  });

  it('gathers answers that settle together (resolved promises awaited in one turn) into one write', async () => {
    const { coalescer, batches } = recorded();
    await Promise.all(Array.from({ length: 64 }, async (_, item) => {
      await Promise.resolve();
      coalescer.add(item);
    }));
    await coalescer.idle();
    assert.equal(batches.length, 1);
    assert.equal(batches[0]!.length, 64);
  });

  it('puts items added while a write is under way in the next write, never two at once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { coalescer, batches, overlapped } = recorded((items) => (items[0] === 1 ? gate : Promise.resolve()));
    coalescer.add(1);
    await new Promise((resolve) => setImmediate(resolve));
    coalescer.add(2);
    coalescer.add(3);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(batches, [[1]], 'the second write waits for the first');
    release();
    await coalescer.idle();
    assert.deepEqual(batches, [[1], [2, 3]]);
    assert.equal(overlapped(), false);
    coalescer.add(4);
    await coalescer.idle();
    assert.deepEqual(batches, [[1], [2, 3], [4]], 'it starts again after it went idle');
  });

  it('resolves idle at once when nothing was added', async () => {
    const { coalescer, batches } = recorded();
    await coalescer.idle();
    assert.deepEqual(batches, []);
  });

  it('rejects idle with the error of a failed write, and writes nothing after it', async () => {
    const failure = new Error('store down');
    const { coalescer, batches } = recorded(async () => {
      throw failure;
    });
    coalescer.add(1);
    await assert.rejects(coalescer.idle(), (error) => error === failure);
    coalescer.add(2);
    await assert.rejects(coalescer.idle(), (error) => error === failure);
    assert.deepEqual(batches, [[1]]);
  });
});
