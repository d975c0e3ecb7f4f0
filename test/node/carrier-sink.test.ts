import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createSimulatedCarrier } from '../../adapters/simulated-carrier/index.js';
import { createManualClock } from '../../src/engine/clock.js';
import { HELD_REPORTS_MAX } from '../../src/engine/context.js';
import { createLocalBackend } from '../../src/engine/local-backend.js';
import type { Carrier, CarrierSink } from '../../src/ports/carrier.js';
import { salesDesk } from '../fixtures/sales-desk.js';

/**
 * An engine whose carrier sends as the simulated one does, but whose sink the test holds: it plays a hostile carrier
 * that sends whatever it likes. Alice has her own number; her messages' reports come only from the test.
 */
async function hostileCarrier(send?: Carrier['send']) {
  const clock = createManualClock();
  const simulated = createSimulatedCarrier({ clock });
  let sink: CarrierSink | null = null;
  const carrier: Carrier = { capabilities: simulated.capabilities, send: send ?? ((message) => simulated.send(message)), connect: (given) => ((sink = given), () => undefined) };
  const backend = createLocalBackend({ store: createMemoryStore(), carrier, clock });
  const { alice } = await salesDesk(backend);
  // The sink is typed for well-formed input; a hostile carrier sends anything.
  const report = (input: unknown) => sink!.status(input as never);
  const inbound = (input: unknown) => sink!.inbound(input as never);
  return { backend, alice, clock, report, inbound };
}

const AT = '2025-01-01T00:00:00.000Z';

describe('carrier sink: hostile input', () => {
  it('drops and counts reports without a usable provider id or with a malformed error, and changes no message', async () => {
    const { backend, alice, report } = await hostileCarrier();
    const scheduled = await alice.messages.send({ channel: 'sms', to: '+61412000001', body: 'Later', sendAt: '2025-06-01T09:00:00.000Z' });
    const sent = await alice.messages.send({ channel: 'sms', to: '+61412000002', body: 'Now' });
    await backend.idle();
    const { providerId } = await alice.messages.get(sent.id);
    assert.ok(providerId);
    const hostile: unknown[] = [
      { providerId: null, status: 'failed', at: AT },
      { status: 'failed', at: AT },
      { providerId: undefined, status: 'undelivered', at: AT },
      { providerId: '', status: 'failed', at: AT },
      { providerId: 42, status: 'failed', at: AT },
      { providerId: 'x'.repeat(100_000), status: 'failed', at: AT },
      { providerId, status: 'exploded', at: AT },
      { providerId, status: 'failed', error: 'boom', at: AT },
      { providerId, status: 'failed', error: { code: 7, message: 'not a string code' }, at: AT },
      { providerId, status: 'failed' },
      null,
      'failed',
    ];
    for (const input of hostile) await report(input);
    await backend.idle();
    assert.equal((await alice.messages.get(scheduled.id)).status, 'scheduled', 'a report without a provider id reaches no message');
    assert.equal((await alice.messages.get(sent.id)).status, 'sent');
    assert.equal(backend.stats().reportsDropped, hostile.length);
    await backend.close();
  });

  it('cuts an overlong error code and message, and applies the report', async () => {
    const { backend, alice, report } = await hostileCarrier();
    const sent = await alice.messages.send({ channel: 'sms', to: '+61412000002', body: 'Now' });
    await backend.idle();
    const { providerId } = await alice.messages.get(sent.id);
    await report({ providerId, status: 'undelivered', error: { code: 'C'.repeat(100_000), message: 'M'.repeat(100_000) }, at: AT });
    await backend.idle();
    const stored = await alice.messages.get(sent.id);
    assert.equal(stored.status, 'undelivered');
    assert.equal(stored.error?.code, 'C'.repeat(64));
    assert.equal(stored.error?.message, 'M'.repeat(500));
    assert.equal(backend.stats().reportsDropped, 0);
    await backend.close();
  });

  it('drops and counts inbound SMS without a usable provider id or address, and cuts an overlong body', async () => {
    const { backend, alice, inbound } = await hostileCarrier();
    const hostile: unknown[] = [
      { providerId: null, from: '+61412000001', to: '+61480000001', body: 'No id', receivedAt: AT },
      { from: '+61412000001', to: '+61480000001', body: 'No id', receivedAt: AT },
      { providerId: 'MM1', from: '9'.repeat(100_000), to: '+61480000001', body: 'Huge sender', receivedAt: AT },
      { providerId: 'MM2', from: '+61412000001', to: '', body: 'Nowhere', receivedAt: AT },
      { providerId: 'MM3', from: '+61412000001', to: '+61480000001', body: null, receivedAt: AT },
      42,
    ];
    for (const input of hostile) await inbound(input);
    await inbound({ providerId: 'MM4', from: '+61412000001', to: '+61480000001', body: 'B'.repeat(100_000), receivedAt: AT });
    await backend.idle();
    assert.equal(backend.stats().inboundDropped, hostile.length);
    const conversations = (await alice.conversations.list()).items;
    assert.equal(conversations.length, 1);
    const messages = (await alice.messages.list(conversations[0]!.id)).items;
    assert.deepEqual(messages.map((message) => message.body.length), [1600]);
    await assert.rejects(
      backend.inbound.sms({ providerId: null, from: '+61412000001', to: '+61480000001', body: 'Hi', receivedAt: AT } as never),
      (error: Error & { field?: string }) => error.name === 'ValidationError' && error.field === 'providerId',
    );
    await backend.close();
  });
});

describe('carrier sink: held reports', () => {
  it('holds one report per unknown provider id however many come, and applies the one furthest along', async () => {
    const { backend, alice, report } = await hostileCarrier(async () => ({ providerId: 'SM-ghost' }));
    for (let index = 0; index < 50_000; index++) await report({ providerId: 'SM-ghost', status: index === 10 ? 'delivered' : 'sent', at: AT });
    assert.equal(backend.stats().reportsHeld, 1);
    // The message turns up at last: the report furthest along applies to it.
    const message = await alice.messages.send({ channel: 'sms', to: '+61412000002', body: 'Late' });
    await backend.idle();
    assert.equal((await alice.messages.get(message.id)).status, 'delivered');
    assert.equal(backend.stats().reportsHeld, 0);
    await backend.close();
  });

  it('holds at most HELD_REPORTS_MAX reports across provider ids, letting the oldest go', async () => {
    const { backend, report } = await hostileCarrier();
    const flood = HELD_REPORTS_MAX * 3;
    for (let index = 0; index < flood; index++) await report({ providerId: `SM-ghost-${index}`, status: 'delivered', at: AT });
    const stats = backend.stats();
    assert.equal(stats.reportsHeld, HELD_REPORTS_MAX);
    assert.equal(stats.heldReportsDropped, flood - HELD_REPORTS_MAX);
    await backend.close();
  });
});
