import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createLocalBackend, createSmsClient } from '../../src/index.js';
import { DEFAULT_ORGANISATION_ID } from '../../src/model/index.js';
import { createBulkCampaign, sendingDesk } from '../fixtures/bulk-campaign.js';
import { bareCarrier } from '../fixtures/bare-carrier.js';
import { countingStore } from '../fixtures/counting-store.js';

const RECIPIENTS = 3000;
/** Recipients a run reads at a time (the engine's batch). */
const BATCH = 500;
const WAIT_MS = 20_000;

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took more than ${WAIT_MS} ms`)), WAIT_MS)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function dispatch(limits?: { sendsPerDay: number }) {
  const memory = createMemoryStore();
  const { store, calls } = countingStore(memory);
  const backend = createLocalBackend({ store, carrier: bareCarrier(), settings: { defaultCountry: 'AU', segmentsPerSecond: 0 } });
  try {
    if (limits) {
      const operator = createSmsClient({ backend, principal: { userId: 'operator', role: 'operator' } });
      await operator.organisations.update(DEFAULT_ORGANISATION_ID, { limits });
    }
    const { user, campaign, completed } = await createBulkCampaign(backend, RECIPIENTS, 'Hello {{name}}');
    calls.clear();
    await user.campaigns.start(campaign.id);
    await within(completed, 'The campaign');
    const final = await user.campaigns.get(campaign.id);
    const day = new Date().toISOString().slice(0, 10);
    const counted = await memory.scope(DEFAULT_ORGANISATION_ID).collection('sendCounts').get(day);
    return { sent: final.counts.sent, counted: counted?.sends ?? 0, increments: calls.get('sendCounts.increment') ?? 0 };
  } finally {
    await backend.close();
  }
}

describe('campaign dispatch: store calls', () => {
  it('counts the day\'s sends a batch at a time when the organisation has no daily cap, and every one of them', async () => {
    const { sent, counted, increments } = await dispatch();
    assert.equal(sent, RECIPIENTS);
    assert.equal(counted, RECIPIENTS, 'every send counted for the day');
    assert.ok(increments <= RECIPIENTS / BATCH + 1, `${increments} increments of the day's count for ${RECIPIENTS} recipients`);
  });

  it('counts them a window at a time under a daily cap, so that the cap holds at every claim', async () => {
    const { sent, counted, increments } = await dispatch({ sendsPerDay: RECIPIENTS * 2 });
    assert.equal(sent, RECIPIENTS);
    assert.equal(counted, RECIPIENTS);
    assert.ok(increments >= RECIPIENTS / 64, `${increments} increments`);
  });
});

describe('direct send: store calls', () => {
  it('sends a message to an existing conversation without reading back what it has in hand', async () => {
    const memory = createMemoryStore();
    const { store, calls } = countingStore(memory);
    const backend = createLocalBackend({ store, carrier: bareCarrier(), settings: { defaultCountry: 'AU', segmentsPerSecond: 0 } });
    // Read from the store itself, uncounted (a subscription to events would add the calls of their views).
    const messages = memory.scope(DEFAULT_ORGANISATION_ID).collection('messages');
    const sent = async (id: string) => {
      for (let tries = 0; (await messages.get(id))?.status !== 'sent'; tries++) {
        if (tries > 2000) throw new Error(`Message ${id} was not sent.`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    try {
      const { user } = await sendingDesk(backend);
      await sent((await user.messages.send({ channel: 'sms', to: '+61412000001', body: 'First' })).id);
      calls.clear();
      await sent((await user.messages.send({ channel: 'sms', to: '+61412000001', body: 'Second' })).id);
      const made = Object.fromEntries(calls);
      // The message it stored is the one it moves on (queued → sending → sent, each a compare-and-set on its status),
      // and the user it verified is the one the call acts as.
      assert.equal(made['messages.get'], undefined, JSON.stringify(made));
      assert.equal(made['users.get'], 1, JSON.stringify(made));
      assert.deepEqual([made['messages.insert'], made['messages.update']], [1, 2]);
      const total = [...calls.values()].reduce((sum, count) => sum + count, 0);
      assert.ok(total <= 14, `${total} store calls for one send: ${JSON.stringify(made)}`);
    } finally {
      await backend.close();
    }
  });
});
