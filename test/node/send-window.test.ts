import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SendWindow } from '../../src/engine/send-window.js';

describe('SendWindow', () => {
  it('tells the room left, waits when there is none, and resolves with the room once sends end', async () => {
    const window = new SendWindow(3);
    assert.equal(window.room(), 3);
    window.take();
    window.take();
    assert.equal(window.room(), 1);
    window.take();
    const room = window.room();
    assert.ok(room instanceof Promise, 'a full window makes the caller wait');
    window.release();
    window.release();
    assert.equal(await room, 2, 'the room once the waiter runs: every send ended before then counts');
  });

  it('drains at once when idle, else when the last send ends', async () => {
    const window = new SendWindow(2);
    await window.drained();
    window.take();
    window.take();
    let drained = false;
    const done = window.drained().then(() => (drained = true));
    window.release();
    await Promise.resolve();
    assert.equal(drained, false);
    window.release();
    await done;
    assert.equal(drained, true);
  });
});
