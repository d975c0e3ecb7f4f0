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
