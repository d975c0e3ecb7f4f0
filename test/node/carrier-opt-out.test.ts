import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createSimulatedCarrier } from '../../adapters/simulated-carrier/index.js';
import { CarrierError, createLocalBackend, createSmsClient } from '../../src/index.js';
import type { Carrier } from '../../src/ports/carrier.js';

const UNSUBSCRIBED = '+61412000009';

/** A carrier that refuses every message to UNSUBSCRIBED as its provider does for a recipient who unsubscribed there. */
function carrierWithAnUnsubscribedRecipient(): Carrier {
  const simulated = createSimulatedCarrier({ latencyMs: 0 });
  return {
    capabilities: simulated.capabilities,
    connect: (sink) => simulated.connect(sink),
    send: async (message) => {
      if (message.to === UNSUBSCRIBED) throw new CarrierError('The recipient has unsubscribed.', { code: 'carrier.opted_out', providerCode: '21610' });
      return simulated.send(message);
    },
  };
}

async function organisationWithAlice(backend: ReturnType<typeof createLocalBackend>, id: string, number: string) {
  const operator = createSmsClient({ backend, principal: { userId: 'ops', role: 'operator' } });
  await operator.organisations.create({ id, name: id, settings: { defaultCountry: 'AU', segmentsPerSecond: 0 } });
  const admin = createSmsClient({ backend, principal: { organisationId: id, userId: 'admin', role: 'admin' } });
  const departmentId = (await admin.directory.createDepartment({ name: 'Sales' })).id;
  const extensionId = (await admin.directory.createExtension({ number: '201', name: 'Desk', departmentId })).id;
  await admin.directory.createUser({ id: 'alice', name: 'Alice', role: 'user', departmentId, extensionIds: [extensionId] });
  const sms = await admin.numbers.create({ e164: number, extensionIds: [extensionId] });
  return { admin, alice: createSmsClient({ backend, principal: { organisationId: id, userId: 'alice', role: 'user' } }), number: sms };
}

describe('a carrier-level opt-out', () => {
  it('is recorded in the blocklist of the organisation that sent, and only there', async () => {
    const backend = createLocalBackend({ store: createMemoryStore(), carrier: carrierWithAnUnsubscribedRecipient() });
    const acme = await organisationWithAlice(backend, 'acme', '+61480000001');
    const globex = await organisationWithAlice(backend, 'globex', '+61480000002');
    const message = await acme.alice.messages.send({ channel: 'sms', to: UNSUBSCRIBED, body: 'Hello' });
    await backend.idle();
    const failed = await acme.alice.messages.get(message.id);
    assert.equal(failed.status, 'failed');
    assert.equal(failed.error?.code, 'carrier.opted_out');
    const [entry] = (await acme.admin.blocklist.list()).items;
    assert.equal(entry?.e164, UNSUBSCRIBED);
    assert.equal(entry?.source, 'opt-out');
    assert.deepEqual((await globex.admin.blocklist.list()).items, [], 'another organisation is not told');
    await backend.close();
  });

  it('blocks the recipient for the rest of a campaign and the next ones', async () => {
    const backend = createLocalBackend({ store: createMemoryStore(), carrier: carrierWithAnUnsubscribedRecipient() });
    const acme = await organisationWithAlice(backend, 'acme', '+61480000001');
    const list = await acme.alice.lists.create({ name: 'Three' });
    for (const e164 of ['+61412000001', UNSUBSCRIBED, '+61412000002']) await acme.alice.lists.addEntry(list.id, { e164 });
    const first = await acme.alice.campaigns.create({ name: 'First', sender: { type: 'number', numberId: acme.number.id }, body: 'Hi', recipients: { listId: list.id } });
    await acme.alice.campaigns.start(first.id);
    await backend.idle();
    assert.equal((await acme.alice.campaigns.get(first.id)).counts.failed, 1);
    const second = await acme.alice.campaigns.duplicate(first.id);
    await acme.alice.campaigns.start(second.id);
    await backend.idle();
    const counts = (await acme.alice.campaigns.get(second.id)).counts;
    assert.equal(counts.blocked, 1, 'the next campaign skips the number the carrier said unsubscribed');
    assert.equal(counts.failed, 0);
    await backend.close();
  });
});
