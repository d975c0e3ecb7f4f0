import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createSmsClient } from '../../src/client.js';
import { type ManualClock, createManualClock, nextTask } from '../../src/engine/clock.js';
import { type LocalBackend, createLocalBackend } from '../../src/engine/local-backend.js';
import type { Carrier, OutboundSms } from '../../src/ports/carrier.js';
import { deskCampaign, handset } from '../fixtures/desk-campaign.js';
import { salesDesk } from '../fixtures/sales-desk.js';

/** How long the carrier takes to answer a message it transmitted (ms of the manual clock). */
const LATENCY = 100;
/** What the carrier transmits at once, and what the engine is told it may have in flight. */
const CARRIER_WINDOW = 4;
const B_NUMBER = '+61480000002';

/**
 * A carrier that transmits CARRIER_WINDOW messages at once and queues the others in the order it was given them (as
 * an SMPP window or a pool of connections does), answering each LATENCY ms after it transmitted it. `transmitted`
 * lists the messages in the order they went out.
 */
function windowedCarrier(clock: ManualClock): Carrier & { transmitted: OutboundSms[]; mostQueued(): number } {
  const transmitted: OutboundSms[] = [];
  const queue: (() => void)[] = [];
  let busy = 0;
  let mostQueued = 0;
  let sequence = 0;
  return {
    capabilities: { alphaTags: true, segmentsPerSecondPerSender: 0 },
    send: (sms) => new Promise((resolve) => {
      const transmit = () => {
        busy += 1;
        transmitted.push(sms);
        clock.setTimeout(() => {
          busy -= 1;
          resolve({ providerId: `SM-${sequence++}` });
          queue.shift()?.();
        }, LATENCY);
      };
      if (busy < CARRIER_WINDOW) return transmit();
      queue.push(transmit);
      mostQueued = Math.max(mostQueued, queue.length);
    }),
    connect: () => () => undefined,
    transmitted,
    mostQueued: () => mostQueued,
  };
}

/** A few host tasks: enough for in-memory work that does not wait on the clock. */
async function settle(): Promise<void> {
  for (let index = 0; index < 5; index++) await nextTask();
}

/** Organisation A (the default one) and B, each with a desk, on one engine that may have CARRIER_WINDOW sends in flight. */
async function twoOrganisations() {
  const clock = createManualClock();
  const carrier = windowedCarrier(clock);
  const backend = createLocalBackend({ store: createMemoryStore(), carrier, clock, sendsInFlight: CARRIER_WINDOW, settings: { segmentsPerSecond: 0 } });
  const operator = createSmsClient({ backend, principal: { userId: 'operator', role: 'operator' } });
  await operator.organisations.create({ id: 'org-b', name: 'Organisation B' });
  const a = await salesDesk(backend, { segmentsPerSecond: 0 });
  const b = await salesDesk(backend, { segmentsPerSecond: 0 }, { organisationId: 'org-b', e164: B_NUMBER });
  return { clock, carrier, backend, a, b };
}

describe('fairness between organisations', () => {
  const open: { backend: LocalBackend; clock: ManualClock; stop(): Promise<unknown> }[] = [];
  after(async () => {
    for (const { backend, clock, stop } of open) {
      await stop();
      // Closing ends the engine's own timers (its sweep of the store); the sends in flight then settle on the clock.
      const closing = backend.close();
      await settle();
      await clock.runAll();
      await closing;
    }
  });

  /** Both organisations, with A's 1,000-recipient campaign started (stopped and drained after the tests). */
  async function whileASendsMany() {
    const world = await twoOrganisations();
    const { clock, backend, a } = world;
    const big = await deskCampaign(a, 1000, 0);
    open.push({ backend, clock, stop: () => a.alice.campaigns.stop(big.id) });
    await a.alice.campaigns.start(big.id);
    await settle();
    return { ...world, big };
  }

  it("hands B's one-to-one message to the carrier with the first slot freed while A's big campaign fills the engine", async () => {
    const { clock, carrier, a, b, big } = await whileASendsMany();
    assert.equal(carrier.transmitted.length, CARRIER_WINDOW, "A's campaign holds every slot of the engine");

    const direct = await b.alice.messages.send({ channel: 'sms', to: handset(9000), body: 'One to one' });
    for (let step = 0; step < 100 && !carrier.transmitted.some((sms) => sms.messageId === direct.id); step++) await clock.advance(LATENCY);
    const position = carrier.transmitted.findIndex((sms) => sms.messageId === direct.id);
    assert.ok(position >= 0, "B's message reached the carrier");
    assert.ok(position < 2 * CARRIER_WINDOW, `B's message went out ${position + 1}th: with the first slots A's sends freed, not behind A's campaign`);
    assert.equal(carrier.mostQueued(), 0, 'the engine handed the carrier no more than it takes at once');
    assert.equal((await a.alice.campaigns.get(big.id)).status, 'running');
  });

  it("shares the engine's slots in turn: B's small campaign goes out beside A's big one, not after it", async () => {
    const { clock, carrier, a, b, big } = await whileASendsMany();
    const small = await deskCampaign(b, 6, 5000);
    await b.alice.campaigns.start(small.id);
    const from = carrier.transmitted.length;
    for (let step = 0; step < 100 && (await b.alice.campaigns.get(small.id)).status !== 'completed'; step++) await clock.advance(LATENCY);

    assert.equal((await b.alice.campaigns.get(small.id)).status, 'completed');
    assert.equal((await a.alice.campaigns.get(big.id)).status, 'running');
    // The sends from B's start to its last one: round-robin, about every other one was B's while both wanted slots.
    const positions = carrier.transmitted.slice(from).flatMap((sms, index) => (sms.from === B_NUMBER ? [index] : []));
    assert.equal(positions.length, 6);
    const span = positions.at(-1)! + 1;
    assert.ok(6 * 3 >= span, `B had 6 of the ${span} sends from its start to its last: at least a third`);
    assert.equal(carrier.mostQueued(), 0);
  });
});
