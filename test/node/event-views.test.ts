import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createLocalBackend } from '../../src/index.js';
import { DEFAULT_ORGANISATION_ID, type SmsEvent } from '../../src/model/index.js';
import { sendingDesk } from '../fixtures/bulk-campaign.js';
import { bareCarrier } from '../fixtures/bare-carrier.js';
import { countingStore } from '../fixtures/counting-store.js';

const WAIT_MS = 10_000;

/**
 * With `streams` subscriptions of the sender open, sends a message to a conversation that exists and waits until every
 * stream has heard it sent; returns the store calls made meanwhile, and what the first stream heard.
 */
async function sendWithStreams(streams: number): Promise<{ calls: Record<string, number>; heard: SmsEvent[] }> {
  const memory = createMemoryStore();
  const { store, calls } = countingStore(memory);
  const backend = createLocalBackend({ store, carrier: bareCarrier(), settings: { defaultCountry: 'AU', segmentsPerSecond: 0 } });
  try {
    const { user, principal } = await sendingDesk(backend);
    // The first message makes the conversation; it is sent (read from the store itself, uncounted) before counting.
    const first = await user.messages.send({ channel: 'sms', to: '+61412000001', body: 'First' });
    const messages = memory.scope(DEFAULT_ORGANISATION_ID).collection('messages');
    for (let tries = 0; (await messages.get(first.id))?.status !== 'sent'; tries++) {
      if (tries > 2000) throw new Error('The first message was not sent.');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const heard: SmsEvent[][] = Array.from({ length: streams }, () => []);
    let waiting: (() => void) | null = null;
    let sentId = '';
    const everyoneHeard = () => heard.every((events) => events.some((event) => event.type === 'message.status' && event.data.message.id === sentId && event.data.message.status === 'sent'));
    const stops = heard.map((events) => backend.subscribe(principal, (event) => {
      events.push(event);
      if (sentId && everyoneHeard()) waiting?.();
    }));
    const done = new Promise<void>((resolve, reject) => {
      waiting = resolve;
      setTimeout(() => reject(new Error(`Not every stream heard the send within ${WAIT_MS} ms.`)), WAIT_MS).unref();
    });
    calls.clear();
    for (const events of heard) events.length = 0;
    sentId = (await user.messages.send({ channel: 'sms', to: '+61412000001', body: 'Second' })).id;
    if (everyoneHeard()) waiting!();
    await done;
    for (const stop of stops) stop();
    return { calls: Object.fromEntries(calls), heard: heard[0]! };
  } finally {
    await backend.close();
  }
}

describe('live event views', () => {
  it('reads the conversation of an event once, however many streams it is delivered to', async () => {
    const one = await sendWithStreams(1);
    const eight = await sendWithStreams(8);
    assert.ok((one.calls['conversations.get'] ?? 0) > 0, JSON.stringify(one.calls));
    assert.equal(eight.calls['conversations.get'], one.calls['conversations.get'], `one stream: ${JSON.stringify(one.calls)}; eight: ${JSON.stringify(eight.calls)}`);
    // Each stream still gets its own view, checked against its own principal.
    assert.deepEqual(eight.heard.map((event) => event.type), one.heard.map((event) => event.type));
    assert.ok((eight.calls['users.get'] ?? 0) > (one.calls['users.get'] ?? 0), "each stream's principal is loaded for its view");
  });
});
