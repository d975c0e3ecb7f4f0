import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createManualClock, nextTask } from '../../src/engine/clock.js';
import { KeyedTurns } from '../../src/engine/keyed-turns.js';
import { createLocalBackend } from '../../src/engine/local-backend.js';
import { salesDesk } from '../fixtures/sales-desk.js';
import { settles, silentCarrier } from '../fixtures/silent-carrier.js';

const TIMEOUT = 5000;

async function engine() {
  const clock = createManualClock();
  const silent = silentCarrier();
  const backend = createLocalBackend({ store: createMemoryStore(), carrier: silent.carrier, clock, carrierTimeoutMs: TIMEOUT, settings: { segmentsPerSecond: 0 } });
  const { alice } = await salesDesk(backend);
  /** The bodies the carrier has been handed, once the engine has done what it can without the clock moving. */
  const handed = async () => {
    for (let index = 0; index < 30; index++) await nextTask();
    return silent.sent.map((sms) => sms.body);
  };
  return { clock, backend, alice, handed, ...silent };
}

describe('direct messages: the order of a conversation', () => {
  it('hands a conversation\'s messages to the carrier one at a time, each after its answer to the one before', async () => {
    const { backend, alice, handed, answer } = await engine();
    const one = await alice.messages.send({ channel: 'sms', to: '+61412000001', body: 'One' });
    const two = await alice.messages.send({ channel: 'sms', to: '+61412000001', body: 'Two' });
    const three = await alice.messages.send({ channel: 'sms', to: '+61412000001', body: 'Three' });
    assert.equal(two.conversationId, one.conversationId);
    assert.deepEqual(await handed(), ['One'], 'the second waits while the carrier has not answered the first');
    assert.equal((await alice.messages.get(two.id)).status, 'queued');
    answer(one.id, 'SM-1');
    assert.deepEqual(await handed(), ['One', 'Two']);
    answer(two.id, 'SM-2');
    assert.deepEqual(await handed(), ['One', 'Two', 'Three']);
    answer(three.id, 'SM-3');
    await backend.idle();
    const statuses = await Promise.all([one, two, three].map(async (message) => (await alice.messages.get(message.id)).status));
    assert.deepEqual(statuses, ['sent', 'sent', 'sent']);
    await backend.close();
  });

  it('holds no conversation up for another', async () => {
    const { backend, alice, handed, answer } = await engine();
    const first = await alice.messages.send({ channel: 'sms', to: '+61412000001', body: 'To the first' });
    const second = await alice.messages.send({ channel: 'sms', to: '+61412000002', body: 'To the second' });
    assert.notEqual(first.conversationId, second.conversationId);
    assert.deepEqual(await handed(), ['To the first', 'To the second']);
    answer(first.id, 'SM-1');
    answer(second.id, 'SM-2');
    await backend.idle();
    await backend.close();
  });

  it('goes on after a message the carrier refuses, or does not answer in time', async () => {
    const { clock, backend, alice, handed, answer, refuse } = await engine();
    const refused = await alice.messages.send({ channel: 'sms', to: '+61412000001', body: 'Refused' });
    const late = await alice.messages.send({ channel: 'sms', to: '+61412000001', body: 'Late' });
    const last = await alice.messages.send({ channel: 'sms', to: '+61412000001', body: 'Last' });
    refuse(refused.id);
    assert.deepEqual(await handed(), ['Refused', 'Late']);
    await clock.advance(TIMEOUT);
    assert.deepEqual(await handed(), ['Refused', 'Late', 'Last'], 'a message held unknown ends its turn');
    answer(last.id, 'SM-3');
    assert.equal(await settles(backend.idle()), true);
    assert.equal((await alice.messages.get(refused.id)).status, 'failed');
    assert.equal((await alice.messages.get(late.id)).status, 'unknown');
    assert.equal((await alice.messages.get(last.id)).status, 'sent');
    await backend.close();
  });

  it('releases scheduled messages due together in the order of their times, one at a time', async () => {
    const { clock, backend, alice, handed, answer } = await engine();
    const at = (ms: number) => new Date(clock.now() + ms).toISOString();
    // Scheduled in the reverse order of their times.
    const second = await alice.messages.send({ channel: 'sms', to: '+61412000001', body: 'Second', sendAt: at(60_001) });
    const first = await alice.messages.send({ channel: 'sms', to: '+61412000001', body: 'First', sendAt: at(60_000) });
    await clock.advance(61_000);
    assert.deepEqual(await handed(), ['First']);
    answer(first.id, 'SM-1');
    assert.deepEqual(await handed(), ['First', 'Second']);
    answer(second.id, 'SM-2');
    await backend.idle();
    await backend.close();
  });
});

describe('KeyedTurns', () => {
  it('gives the turns of a key in the order they were asked for, and forgets a key with none left', async () => {
    const turns = new KeyedTurns();
    const order: string[] = [];
    const runs = ['a1', 'b1', 'a2', 'a3', 'b2'].map(async (name) => {
      const end = await turns.take(name[0]!);
      order.push(`${name} in`);
      // A turn that ends after a while: a later turn of its key must not start before it.
      for (let index = 0; index < 3; index++) await nextTask();
      order.push(`${name} out`);
      end();
      end();
    });
    assert.equal(turns.size, 2);
    await Promise.all(runs);
    for (const key of ['a', 'b']) {
      const own = order.filter((step) => step.startsWith(key));
      const names = own.filter((step) => step.endsWith(' in')).map((step) => step.slice(0, 2));
      assert.deepEqual(names, key === 'a' ? ['a1', 'a2', 'a3'] : ['b1', 'b2']);
      for (let index = 0; index < own.length; index += 2) assert.equal(own[index]!.slice(0, 2), own[index + 1]!.slice(0, 2), `${key}: one turn at a time (${own.join(', ')})`);
    }
    assert.ok(order.indexOf('b1 in') < order.indexOf('a1 out'), 'another key is not held up');
    await nextTask();
    assert.equal(turns.size, 0);
  });
});
