import assert from 'node:assert/strict';
import { withoutPackage } from '../fixtures/without-package.js';
import { after, describe, it } from 'node:test';
import { type SmppCarrier, type SmppCarrierOptions, createSmppCarrier } from '../../adapters/smpp/index.js';
import { isCarrierError } from '../../src/errors/carrier-error.js';
import { isValidationError } from '../../src/errors/validation-error.js';
import type { OutboundSms } from '../../src/ports/carrier.js';
import { countSegments } from '../../src/segments.js';
import { recordingSink, runCarrierContract } from '../contract/carrier.contract.js';
import { type FakeSmsc, type FakeSmscOptions, createFakeSmsc, until, within } from '../fixtures/fake-smsc.js';

const FROM = '+61400000001';
const ESME_RMSGQFUL = 0x14;
const ESME_RINVDSTADR = 0x0b;
const ESME_RX_T_APPN = 0x64;
const ESME_RX_P_APPN = 0x65;

function sms(index: number, overrides: Partial<OutboundSms> = {}): OutboundSms {
  const body = overrides.body ?? `Hello ${index}`;
  const { encoding, segments } = countSegments(body);
  return { messageId: `m${index}`, from: FROM, to: `+614${String(12_000_000 + index).padStart(8, '0')}`, body, encoding, segments, ...overrides };
}

function carrierFor(fake: FakeSmsc, options: Partial<SmppCarrierOptions> = {}): SmppCarrier {
  return createSmppCarrier({
    host: fake.host, port: fake.port, systemId: 'pbx', password: 'secret', reconnect: { minMs: 20, maxMs: 100 }, responseTimeoutMs: 2000,
    queueTimeoutMs: 3000, ...options,
  });
}

/** Lets the fake's receipts and the carrier's hand-overs all happen. */
async function settle(fake: FakeSmsc, carrier: SmppCarrier): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await carrier.idle();
    await fake.idle();
  }
  await carrier.idle();
}

/** 'pending' when the promise has not settled within `ms`. */
function pendingAfter<T>(promise: Promise<T>, ms: number): Promise<T | 'pending'> {
  return within(promise, ms, 'nothing').catch(() => 'pending' as const);
}

function contract(name: string, options: FakeSmscOptions, carrierOptions: Partial<SmppCarrierOptions> = {}) {
  runCarrierContract({
    name,
    async create() {
      const fake = await createFakeSmsc({ receiptDelayMs: 5, ...options });
      const carrier = carrierFor(fake, carrierOptions);
      return {
        carrier,
        settle: () => settle(fake, carrier),
        close: async () => {
          await carrier.close();
          await fake.close();
        },
      };
    },
  });
}

contract('SMPP carrier and the fake SMSC, receipts in TLVs', { receipts: 'tlv' });
contract('SMPP carrier and the fake SMSC, receipts as text, without alpha tags, a window of 2', { receipts: 'text' }, { alphaTags: false, windowSize: 2 });

describe('createSmppCarrier', { timeout: 60_000 }, () => {
  let fake: FakeSmsc;
  let carrier: SmppCarrier;
  const open: Array<{ close(): Promise<void> }> = [];

  async function setup(options: FakeSmscOptions = {}, carrierOptions: Partial<SmppCarrierOptions> = {}) {
    fake = await createFakeSmsc(options);
    carrier = carrierFor(fake, carrierOptions);
    open.push(carrier, fake);
    return { fake, carrier };
  }

  after(async () => {
    for (const each of open.reverse()) await each.close();
  });

  it('refuses bad options with a ValidationError naming the option', () => {
    const base = { host: '127.0.0.1', systemId: 'pbx', password: 'secret' };
    for (const [options, field] of [
      [{ ...base, host: '' }, 'host'], [{ ...base, windowSize: 0 }, 'windowSize'], [{ ...base, password: 'longer than 8' }, 'password'],
      [{ ...base, tps: -1 }, 'tps'], [{ ...base, source: { ton: 9, npi: 1 } }, 'source.ton'], [{ ...base, reconnect: { minMs: 50, maxMs: 10 } }, 'reconnect.maxMs'],
    ] as const) {
      assert.throws(() => createSmppCarrier(options as SmppCarrierOptions), (error) => isValidationError(error) && error.field === field, field);
    }
  });

  it('binds with the credentials, and submits with the TON/NPI of each kind of sender and registered_delivery 1', async () => {
    await setup({}, { source: { ton: 1, npi: 1 }, shortCode: { ton: 3, npi: 0 } });
    await carrier.send(sms(1));
    await carrier.send(sms(2, { from: 'ACME Ltd' }));
    await carrier.send(sms(3, { from: '55123' }));
    assert.deepEqual(fake.binds, [{ systemId: 'pbx', ok: true }]);
    assert.deepEqual(fake.submits.map((part) => [part.from, part.sourceTon, part.sourceNpi, part.to, part.destTon, part.destNpi, part.registeredDelivery]), [
      ['61400000001', 1, 1, '61412000001', 1, 1, 1],
      ['ACME Ltd', 5, 0, '61412000002', 1, 1, 1],
      ['55123', 3, 0, '61412000003', 1, 1, 1],
    ]);
  });

  it('sends long GSM and Unicode messages in the parts countSegments counts; the SMSC reads back the same text', async () => {
    await setup();
    const bodies = [`${'a'.repeat(152)}€ and {braces} [brackets] ~tilde~ |pipe| \\ ^`, `${'Ж'.repeat(66)}😀 Grüße ${'😀'.repeat(40)}`, 'Short'];
    const ids = [];
    for (const [index, body] of bodies.entries()) ids.push((await carrier.send(sms(index, { body }))).providerId);
    assert.deepEqual(fake.messages.map((message) => [message.text, message.parts.length, message.parts[0]!.dataCoding]), [
      [bodies[0], 2, 0], [bodies[1], countSegments(bodies[1]!).segments, 8], [bodies[2], 1, 0],
    ]);
    assert.deepEqual(ids, fake.messages.map((message) => message.parts[0]!.id), 'the provider id is the first part\'s');
    assert.equal(fake.messages[0]!.parts[0]!.textLength, 152);
    assert.ok(fake.messages[1]!.parts.every((part) => part.esmClass === 0x40 && part.textLength <= 134));
  });

  it('reports a multi-part message once under its first part\'s id: delivered when every part is, undelivered when one is not', async () => {
    await setup({ receiptDelayMs: 5, outcome: (part) => (part.to.endsWith('2') && part.concat?.sequence === 2 ? 5 : 2) });
    const sink = recordingSink();
    carrier.connect(sink);
    const body = 'Unicode ✓ '.repeat(12);
    const delivered = await carrier.send(sms(1, { body }));
    const failed = await carrier.send(sms(2, { body }));
    await settle(fake, carrier);
    assert.equal(fake.submits.length, 4);
    const finals = sink.reports.filter((report) => report.status !== 'sent').map((report) => [report.providerId, report.status, report.error?.code]);
    assert.deepEqual(new Set(finals.map(String)), new Set([
      [delivered.providerId, 'delivered', undefined], [failed.providerId, 'undelivered', 'UNDELIVERABLE'],
    ].map(String)));
    assert.equal(finals.length, 2);
    assert.ok(sink.reports.every((report) => report.providerId === delivered.providerId || report.providerId === failed.providerId), 'a report under a later part\'s id');
  });

  it('answers every deliver_sm: receipts in TLVs or text become reports, malformed ones are refused with ESME_RX_P_APPN', async () => {
    await setup({ receipts: 'none' });
    const sink = recordingSink();
    carrier.connect(sink);
    const { providerId } = await carrier.send(sms(1));
    const base = { source_addr_ton: 1, source_addr: '61412000001', dest_addr_ton: 1, destination_addr: '61400000001', data_coding: 0 };
    const statuses = [
      await fake.deliver({ ...base, esm_class: 0x04, receipted_message_id: providerId, message_state: 6, short_message: Buffer.alloc(0) }),
      await fake.deliver({ ...base, esm_class: 0x04, short_message: Buffer.from(`id:${providerId} sub:001 dlvrd:001 stat:DELIVRD err:000 text:Hello`) }),
      await fake.deliver({ ...base, esm_class: 0x04, short_message: Buffer.from('id:1 stat:DELIVRD id:2 stat:UNDELIV') }),
      await fake.deliver({ ...base, esm_class: 0x04, short_message: Buffer.from('stat:DELIVRD err:000') }),
      await fake.deliver({ ...base, esm_class: 0x04, receipted_message_id: 'x'.repeat(65), message_state: 2, short_message: Buffer.alloc(0) }),
      await fake.deliver({ ...base, source_addr: '', esm_class: 0, short_message: Buffer.from('no sender') }),
      await fake.deliver({ ...base, esm_class: 0x08, short_message: Buffer.from('an SME acknowledgement') }),
    ];
    await carrier.idle();
    assert.deepEqual(statuses, [0, 0, ESME_RX_P_APPN, ESME_RX_P_APPN, ESME_RX_P_APPN, ESME_RX_P_APPN, 0]);
    assert.deepEqual(sink.reports.map((report) => [report.providerId, report.status]), [[providerId, 'sent'], [providerId, 'delivered']]);
    assert.equal(sink.received.length, 0);
    assert.equal(carrier.stats.deliversRefused, 4);
    assert.equal(carrier.stats.deliversIgnored, 1);
  });

  it('answers ESME_RX_T_APPN when the sink throws, so that the SMSC delivers again', async () => {
    await setup({ receipts: 'none' });
    carrier.connect({ status: async () => { throw new Error('store down'); }, inbound: async () => undefined });
    const { providerId } = await carrier.send(sms(1));
    const status = await fake.deliver({
      source_addr_ton: 1, source_addr: '61412000001', dest_addr_ton: 1, destination_addr: '61400000001', esm_class: 0x04, receipted_message_id: providerId,
      message_state: 2, short_message: Buffer.alloc(0),
    });
    assert.equal(status, ESME_RX_T_APPN);
    assert.equal(carrier.stats.sinkErrors, 1);
  });

  it('turns mobile-originated messages into inbound SMS, putting parts together in any order, once each', async () => {
    await setup({ receipts: 'none' });
    const sink = recordingSink();
    carrier.connect(sink);
    await fake.bound();
    const to = '+61400000001';
    const statuses = [
      ...(await fake.sendMo({ from: '+61412000009', to, parts: ['STOP'] })),
      ...(await fake.sendMo({ from: '+61412000008', to, parts: ['one, ', 'two, ', 'three'], order: [2, 0, 0, 1], reference: 200 })),
      ...(await fake.sendMo({ from: '+61412000007', to, parts: ['Привет ', '😀 мир'], dataCoding: 8, reference: 0x1234, reference16: true, order: [1, 0] })),
    ];
    await carrier.idle();
    assert.ok(statuses.every((status) => status === 0), `deliver_sm_resp ${statuses}`);
    assert.deepEqual(sink.received.map((message) => [message.from, message.to, message.body]), [
      ['+61412000009', to, 'STOP'], ['+61412000008', to, 'one, two, three'], ['+61412000007', to, 'Привет 😀 мир'],
    ]);
    assert.equal(new Set(sink.received.map((message) => message.providerId)).size, 3);
  });

  it('drops a concatenated message whose parts never all arrive, and counts it', async () => {
    await setup({ receipts: 'none' }, { reassembly: { timeoutMs: 100, maxMessages: 10 } });
    const sink = recordingSink();
    carrier.connect(sink);
    await fake.bound();
    await fake.sendMo({ from: '+61412000008', to: FROM, parts: ['never ', 'complete'], order: [0] });
    await until(() => carrier.stats.partsDropped === 1, 2000, 'the incomplete message to be dropped');
    await fake.sendMo({ from: '+61412000008', to: FROM, parts: ['never ', 'complete'], order: [1] });
    await carrier.idle();
    assert.equal(sink.received.length, 0, 'a part of a dropped message completed another');
  });

  it('submits a throttled part again after a backoff, and it is accepted once', async () => {
    await setup();
    fake.throttle({ burst: 3 });
    const started = performance.now();
    const { providerId } = await carrier.send(sms(1));
    assert.ok(performance.now() - started >= 100 + 200 + 400 - 20, 'no backoff between throttled submits');
    fake.throttle({ burst: 2, status: ESME_RMSGQFUL });
    await carrier.send(sms(2));
    assert.equal(fake.attempts, 7);
    assert.deepEqual(fake.submits.map((part) => part.id)[0], providerId);
    assert.equal(fake.messages.length, 2);
    assert.equal(carrier.stats.throttled, 5);
  });

  it('fails a send throttled past queueTimeoutMs with a retryable error naming the status, and other statuses as refusals', async () => {
    await setup({}, { queueTimeoutMs: 300 });
    fake.throttle({ burst: 1000 });
    const throttled = await carrier.send(sms(1)).then(() => null, (error: unknown) => error);
    assert.ok(isCarrierError(throttled) && throttled.retryable && throttled.code === 'carrier.unavailable' && throttled.providerCode === 'ESME_RTHROTTLED', String(throttled));
    fake.throttle({ burst: 1, status: ESME_RINVDSTADR });
    const refused = await carrier.send(sms(2)).then(() => null, (error: unknown) => error);
    assert.ok(isCarrierError(refused) && !refused.retryable && refused.field === 'to', String(refused));
    assert.match(refused.message, /ESME_RINVDSTADR/);
    assert.equal(fake.submits.length, 0);
  });

  it('keeps at most windowSize submits without a response, and at most tps in any second', async () => {
    await setup({ receipts: 'none' }, { windowSize: 3 });
    fake.hold(true);
    const held = Array.from({ length: 6 }, (_, index) => carrier.send(sms(index)).catch((error: unknown) => error));
    await until(() => fake.submits.length === 3, 2000, 'three submits');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(fake.submits.length, 3, 'more than the window went');
    assert.equal(carrier.stats.waiting, 3);
    await carrier.close();
    const refused = await Promise.all(held.slice(3));
    assert.ok(refused.every((error) => isCarrierError(error) && error.retryable), 'the sends waiting when the carrier closed');
    await fake.close();

    await setup({ receipts: 'none' }, { windowSize: 50, tps: 100 });
    await carrier.send(sms(999));
    const started = performance.now();
    await Promise.all(Array.from({ length: 150 }, (_, index) => carrier.send(sms(index))));
    const times = fake.submits.map((part) => part.at);
    // Counted where the SMSC reads them: loopback and event-loop jitter may move a few by a millisecond or two.
    const busiest = Math.max(...times.map((at) => times.filter((other) => other >= at && other < at + 1000).length));
    assert.ok(busiest <= 103, `${busiest} submits within one second`);
    assert.ok(performance.now() - started >= 950, 'the second hundred went within the first second');
  });

  it('binds again after the connection drops, and sends waiting meanwhile go once, after it', async () => {
    await setup({ receipts: 'none' });
    await carrier.send(sms(1));
    fake.drop('destroy');
    await until(() => carrier.stats.state !== 'bound', 2000, 'the carrier to see the drop');
    const waiting = carrier.send(sms(2));
    await fake.bound(2);
    await within(waiting, 2000, 'the send made while the bind was down');
    assert.equal(carrier.stats.drops, 1);
    assert.equal(carrier.stats.binds, 2);
    assert.deepEqual(fake.messages.map((message) => message.to), ['61412000001', '61412000002']);
  });

  it('never sends again a part whose response was lost with the connection: the send stays unanswered', async () => {
    await setup({ receipts: 'none' });
    fake.hold(true);
    const lost = carrier.send(sms(1));
    await until(() => fake.submits.length === 1, 2000, 'the submit');
    fake.drop('destroy');
    fake.hold(false);
    await fake.bound(2);
    await carrier.send(sms(2));
    assert.equal(await pendingAfter(lost, 300), 'pending');
    assert.deepEqual(fake.submits.map((part) => part.to), ['61412000001', '61412000002']);
    assert.equal(carrier.stats.unknown, 1);
  });

  it('checks the bind with enquire_link, and binds again when the SMSC stops answering', async () => {
    await setup({ receipts: 'none' }, { enquireLinkMs: 30, responseTimeoutMs: 150 });
    carrier.connect(recordingSink());
    await until(() => fake.enquireLinks >= 3, 3000, 'three enquire_link');
    fake.silence(true);
    await until(() => carrier.stats.drops === 1, 3000, 'the silent bind to be dropped');
    fake.silence(false);
    await fake.bound(2);
    await carrier.send(sms(1));
  });

  it('fails sends with a retryable error within queueTimeoutMs while the SMSC refuses the bind or cannot be reached', async () => {
    await setup({ password: 'other' }, { queueTimeoutMs: 200 });
    const started = performance.now();
    const refused = await carrier.send(sms(1)).then(() => null, (error: unknown) => error);
    assert.ok(isCarrierError(refused) && refused.retryable && refused.code === 'carrier.unavailable', String(refused));
    assert.match(refused.message, /ESME_RINVPASWD/);
    assert.ok(performance.now() - started < 1500);
    assert.ok(fake.binds.length >= 1 && fake.binds.every((bind) => !bind.ok));
    const port = fake.port;
    await fake.close();
    const unreachable = createSmppCarrier({ host: '127.0.0.1', port, systemId: 'pbx', password: 'secret', queueTimeoutMs: 200, reconnect: { minMs: 20, maxMs: 50 } });
    open.push(unreachable);
    const error = await unreachable.send(sms(1)).then(() => null, (reason: unknown) => reason);
    assert.ok(isCarrierError(error) && error.retryable, String(error));
  });

  it('refuses a recipient or sender it cannot address without touching the SMSC', async () => {
    await setup();
    for (const overrides of [{ to: '0412345678' }, { from: 'not a sender!' }, { body: '' }]) {
      const error = await carrier.send(sms(1, overrides)).then(() => null, (reason: unknown) => reason);
      assert.ok(isCarrierError(error) && !error.retryable, JSON.stringify(overrides));
    }
    assert.equal(fake.attempts, 0);
  });
});

describe('createSmppCarrier without the smpp package', () => {
  it('fails with an error naming the package to install', { timeout: 30_000 }, async () => {
    const printed = await withoutPackage('smpp', `
      const { createSmppCarrier } = await import(${JSON.stringify(new URL('../../adapters/smpp/index.ts', import.meta.url).href)});
      const carrier = createSmppCarrier({ host: '127.0.0.1', port: 1, systemId: 'pbx', password: 'x', queueTimeoutMs: 2000 });
      const error = await carrier.send({ messageId: 'm', from: '+61400000001', to: '+61412000000', body: 'Hi', encoding: 'GSM-7', segments: 1 }).catch((error) => error);
      await carrier.close();
      console.log(JSON.stringify([error.code, error.message]));
    `);
    assert.deepEqual(printed, ['dependency.missing', 'createSmppCarrier needs the package "smpp": npm install smpp']);
  });
});
