import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSimulatedCarrier, createSimulatedNotifier, type SimulatedCarrierOptions } from '../../adapters/simulated-carrier/index.js';
import { createManualClock } from '../../src/engine/clock.js';
import { isCarrierError } from '../../src/errors/carrier-error.js';
import { isValidationError } from '../../src/errors/validation-error.js';
import type { OutboundSms } from '../../src/ports/carrier.js';
import { recordingSink, runCarrierContract } from '../contract/carrier.contract.js';

runCarrierContract({
  name: 'simulated carrier on a manual clock, with latency, refusals, duplicates, late reports and replies',
  create() {
    const clock = createManualClock();
    const carrier = createSimulatedCarrier({
      seed: 11, clock, latencyMs: [10, 200], deliveryRate: 0.8, failureRate: 0.2,
      reports: { duplicates: 0.3, outOfOrder: 0.3, lateMs: 500 }, replies: { rate: 0.3, delayMs: [100, 1000] },
    });
    return { carrier, settle: () => clock.runAll() };
  },
});

runCarrierContract({
  name: 'simulated carrier on the system clock at zero latency',
  create() {
    const carrier = createSimulatedCarrier({ seed: 12 });
    return { carrier, settle: () => carrier.flush() };
  },
});

runCarrierContract({
  name: 'simulated carrier without alpha tags, settled by flush on a manual clock',
  create() {
    const clock = createManualClock();
    const carrier = createSimulatedCarrier({ seed: 13, clock, latencyMs: 250, capabilities: { alphaTags: false, segmentsPerSecondPerSender: 1 } });
    return { carrier, settle: () => carrier.flush() };
  },
});

const FROM = '+61400000001';

function sms(index: number, overrides: Partial<OutboundSms> = {}): OutboundSms {
  return { messageId: `m${index}`, from: FROM, to: `+614${String(10_000_000 + index).padStart(8, '0')}`, body: `Hello ${index}`, encoding: 'GSM-7', segments: 1, ...overrides };
}

/** Sends `count` messages one after the other; refusals are kept as errors. */
async function sendAll(carrier: ReturnType<typeof createSimulatedCarrier>, count: number, make = sms): Promise<Array<string | Error>> {
  const out: Array<string | Error> = [];
  for (let index = 0; index < count; index++) {
    out.push(await carrier.send(make(index)).then((answer) => answer.providerId, (error: Error) => error));
  }
  return out;
}

describe('createSimulatedCarrier', () => {
  it('is deterministic for a seed: the same sends give the same ids, outcomes, reports and replies', async () => {
    const options: SimulatedCarrierOptions = {
      seed: 42, deliveryRate: 0.7, failureRate: 0.2, replies: { rate: 0.3, bodies: ['STOP', 'Thanks', 'Who is this?'] },
      reports: { duplicates: 0.2, outOfOrder: 0.2 }, latencyMs: [0, 50],
    };
    async function run(seed: number | string) {
      const clock = createManualClock();
      const carrier = createSimulatedCarrier({ ...options, seed, clock });
      const sink = recordingSink();
      carrier.connect(sink);
      const answers = Promise.all(Array.from({ length: 300 }, (_, index) => carrier.send(sms(index)).then((a) => a.providerId, (e: Error) => e.message)));
      await clock.runAll();
      return { answers: await answers, sent: carrier.sent.map(({ providerId, outcome, reply }) => ({ providerId, outcome, reply })), reports: sink.reports, inbound: sink.received };
    }
    const [first, second, other] = [await run(42), await run(42), await run(43)];
    assert.deepEqual(second, first);
    assert.notDeepEqual(other.sent.map((entry) => entry.outcome), first.sent.map((entry) => entry.outcome));
    assert.ok(first.inbound.length > 0 && first.reports.length > 300);
    assert.deepEqual((await run('forty-two')).answers, (await run('forty-two')).answers);
  });

  it('refuses about failureRate of sends and delivers about deliveryRate of the rest, over 10k sends', async () => {
    const carrier = createSimulatedCarrier({ seed: 3, deliveryRate: 0.9, failureRate: 0.1, retryableShare: 0.25, log: true });
    const results = await sendAll(carrier, 10_000);
    const refusals = results.filter((result): result is Error => result instanceof Error);
    assert.ok(Math.abs(refusals.length - 1000) < 150, `refused ${refusals.length}`);
    assert.ok(refusals.every(isCarrierError));
    const retryable = refusals.filter((error) => isCarrierError(error) && error.retryable && error.code === 'carrier.unavailable').length;
    assert.ok(Math.abs(retryable - refusals.length * 0.25) < 75, `retryable ${retryable} of ${refusals.length}`);
    const stats = carrier.stats;
    assert.equal(stats.accepted, 10_000 - refusals.length);
    assert.equal(stats.rejected, refusals.length);
    assert.equal(stats.delivered + stats.undelivered, stats.accepted);
    assert.ok(Math.abs(stats.delivered / stats.accepted - 0.9) < 0.015, `delivered ${stats.delivered} of ${stats.accepted}`);
    assert.equal(carrier.sent.filter((entry) => entry.outcome === 'delivered').length, stats.delivered);
  });

  it('reports sent, then delivered or undelivered with a reason, after the sender has had its answer', async () => {
    const carrier = createSimulatedCarrier({ seed: 5, deliveryRate: 0.5 });
    const sink = recordingSink();
    carrier.connect(sink);
    const ids = (await sendAll(carrier, 40)) as string[];
    assert.equal(sink.reports.length, 0, 'a report overtook the answer to send');
    await carrier.flush();
    for (const id of ids) {
      const statuses = sink.reports.filter((report) => report.providerId === id);
      assert.equal(statuses.length, 2);
      assert.equal(statuses[0]!.status, 'sent');
      assert.ok(statuses[1]!.status === 'delivered' || statuses[1]!.status === 'undelivered');
      if (statuses[1]!.status === 'undelivered') assert.match(statuses[1]!.error?.code ?? '', /^\d+$/);
      else assert.equal(statuses[1]!.error, undefined);
    }
    assert.ok(sink.reports.some((report) => report.status === 'undelivered'));
    assert.equal(carrier.stats.reports, 80);
    assert.equal(carrier.stats.pending, 0);
  });

  it('has recipients answer at about the reply rate, from their number to the sender, after the delay', async () => {
    const clock = createManualClock({ start: 0 });
    const carrier = createSimulatedCarrier({ seed: 9, clock, replies: { rate: 0.05, delayMs: 60_000 } });
    const sink = recordingSink();
    carrier.connect(sink);
    await sendAll(carrier, 10_000);
    await clock.advance(59_999);
    assert.equal(sink.received.length, 0);
    await clock.advance(1);
    assert.ok(Math.abs(sink.received.length - 500) < 110, `replies ${sink.received.length}`);
    assert.equal(sink.received.length, carrier.stats.replies);
    const recipients = new Set(carrier.sent.map((entry) => entry.message.to));
    for (const message of sink.received) {
      assert.equal(message.body, 'STOP');
      assert.equal(message.to, FROM);
      assert.ok(recipients.has(message.from));
      assert.equal(message.receivedAt, new Date(60_000).toISOString());
    }
    assert.equal(new Set(sink.received.map((message) => message.providerId)).size, sink.received.length);
  });

  it('never answers an alpha tag, answers a sender at most once, and takes bodies from a function', async () => {
    const seen: string[] = [];
    const carrier = createSimulatedCarrier({
      seed: 2, replies: { rate: 1, delayMs: 0, bodies: (to, body, rng) => (seen.push(`${to}:${body}`), rng.chance(0.5) ? `Re: ${body}` : null) },
    });
    const sink = recordingSink();
    carrier.connect(sink);
    await sendAll(carrier, 20, (index) => sms(index, { from: 'ACME' }));
    await carrier.flush();
    assert.equal(sink.received.length, 0);
    assert.equal(seen.length, 0);
    await sendAll(carrier, 40);
    await sendAll(carrier, 40);
    await carrier.flush();
    assert.ok(sink.received.length > 5 && sink.received.length < 35, `replies ${sink.received.length}`);
    assert.equal(new Set(sink.received.map((message) => message.from)).size, sink.received.length, 'a handset answered twice');
    const bodyTo = new Map(carrier.sent.map((entry) => [entry.message.to, entry.message.body]));
    for (const message of sink.received) assert.equal(message.body, `Re: ${bodyTo.get(message.from)}`);
  });

  it('sends duplicate final reports and late sent reports when asked', async () => {
    const clock = createManualClock({ start: 0 });
    const carrier = createSimulatedCarrier({ seed: 4, clock, latencyMs: 100, reports: { duplicates: 1, outOfOrder: 1, lateMs: 1000 } });
    const sink = recordingSink();
    carrier.connect(sink);
    const pending = carrier.send(sms(1));
    await clock.advance(200);
    const { providerId } = await pending;
    assert.deepEqual(sink.reports.map((report) => report.status), ['delivered']);
    await clock.advance(1000);
    const reports = sink.reports.filter((report) => report.providerId === providerId);
    assert.deepEqual(reports.map((report) => report.status), ['delivered', 'sent', 'delivered']);
    assert.equal(reports[1]!.at, new Date(100).toISOString(), 'a late report keeps the time of the event');
    assert.deepEqual(reports[2], reports[0]);
    assert.equal(carrier.stats.duplicates, 1);
    assert.equal(carrier.stats.outOfOrder, 1);
  });

  it('sends neither duplicates nor late reports unless asked', async () => {
    const carrier = createSimulatedCarrier({ seed: 4 });
    const sink = recordingSink();
    carrier.connect(sink);
    await sendAll(carrier, 200);
    await carrier.flush();
    assert.equal(sink.reports.length, 400);
    for (let index = 0; index < sink.reports.length; index += 2) {
      assert.equal(sink.reports[index]!.status, 'sent');
      assert.equal(sink.reports[index + 1]!.providerId, sink.reports[index]!.providerId);
    }
  });

  it('refuses an alpha tag when it supports none, an invalid sender, an invalid recipient and an empty body', async () => {
    const noAlpha = createSimulatedCarrier({ capabilities: { alphaTags: false } });
    const cases: Array<[ReturnType<typeof createSimulatedCarrier>, Partial<OutboundSms>, string, string]> = [
      [noAlpha, { from: 'ACME' }, 'from', '21612'],
      [createSimulatedCarrier(), { from: 'Far too long a tag' }, 'from', '21212'],
      [createSimulatedCarrier(), { to: '0412 345 678' }, 'to', '21211'],
      [createSimulatedCarrier(), { body: '' }, 'body', '21602'],
    ];
    for (const [carrier, overrides, field, providerCode] of cases) {
      await assert.rejects(carrier.send(sms(1, overrides)), (error: unknown) => {
        assert.ok(isCarrierError(error));
        assert.equal(error.code, 'carrier.rejected');
        assert.equal(error.retryable, false);
        assert.equal(error.field, field);
        assert.equal(error.providerCode, providerCode);
        return true;
      });
    }
    assert.equal(noAlpha.stats.rejected, 1);
    assert.equal(noAlpha.sent[0]?.outcome, 'rejected');
    const withAlpha = createSimulatedCarrier();
    assert.match((await withAlpha.send(sms(1, { from: 'ACME' }))).providerId, /^SM/);
    assert.match((await withAlpha.send(sms(2, { from: '72000' }))).providerId, /^SM/, 'a short code sends');
  });

  it('hands an injected SMS to the sink before inject resolves, filling in its id and time', async () => {
    const clock = createManualClock({ start: 5000 });
    const carrier = createSimulatedCarrier({ clock });
    const sink = recordingSink();
    carrier.connect(sink);
    const message = await carrier.inject({ from: '+61412000111', to: '72000', body: 'SALES Call me back' });
    assert.deepEqual(sink.received, [message]);
    assert.match(message.providerId, /^MM/);
    assert.equal(message.receivedAt, new Date(5000).toISOString());
    const given = await carrier.inject({ from: '+61412000111', to: FROM, body: 'STOP', providerId: 'X1', receivedAt: '2025-01-01T00:00:00.000Z' });
    assert.equal(given.providerId, 'X1');
    assert.notEqual(message.providerId, (await carrier.inject({ from: '+61412000111', to: '72000', body: 'SALES Call me back' })).providerId);
    assert.equal(carrier.stats.injected, 3);
    await assert.rejects(carrier.inject({ from: '', to: FROM, body: 'x' }), isValidationError);
  });

  it('holds injected messages while disconnected and delivers them on connection', async () => {
    const carrier = createSimulatedCarrier();
    await carrier.inject({ from: '+61412000111', to: FROM, body: 'STOP' });
    assert.equal(carrier.stats.pending, 1);
    const sink = recordingSink();
    carrier.connect(sink);
    await carrier.flush();
    assert.equal(sink.received.length, 1);
    assert.equal(carrier.stats.pending, 0);
  });

  it('answers a send after its latency on the manual clock, then reports as time passes', async () => {
    const clock = createManualClock({ start: 0 });
    const carrier = createSimulatedCarrier({ clock, latencyMs: 500, reports: { deliveryMs: 2000 } });
    const sink = recordingSink();
    let answer: string | null = null;
    const answeredFirst: boolean[] = [];
    carrier.connect({ ...sink, status: (report) => (answeredFirst.push(answer !== null), sink.status(report)) });
    void carrier.send(sms(1)).then((result) => (answer = result.providerId));
    await clock.advance(499);
    assert.equal(answer, null);
    await clock.advance(1);
    assert.match(answer ?? '', /^SM/);
    assert.deepEqual(sink.reports.map((report) => [report.status, report.at]), [['sent', new Date(500).toISOString()]]);
    await clock.advance(1999);
    assert.equal(sink.reports.length, 1);
    await clock.advance(1);
    assert.deepEqual(sink.reports.map((report) => report.status), ['sent', 'delivered']);
    assert.deepEqual(answeredFirst, [true, true], 'a report overtook the answer to send');
  });

  it('draws latency from a range and refuses after the latency too', async () => {
    const clock = createManualClock({ start: 0 });
    const carrier = createSimulatedCarrier({ clock, latencyMs: [100, 300], failureRate: 1 });
    let settled = 0;
    const attempts = Array.from({ length: 50 }, (_, index) => carrier.send(sms(index)).catch((error: unknown) => (settled++, error)));
    await clock.advance(99);
    assert.equal(settled, 0);
    await clock.advance(201);
    assert.equal(settled, 50);
    assert.ok((await Promise.all(attempts)).every(isCarrierError));
  });

  it('answers at zero latency without a timer per message, and flush runs ahead of a manual clock', async () => {
    const clock = createManualClock({ start: 0 });
    const carrier = createSimulatedCarrier({ clock });
    const sink = recordingSink();
    carrier.connect(sink);
    const ids = await Promise.all(Array.from({ length: 1000 }, (_, index) => carrier.send(sms(index))));
    assert.equal(ids.length, 1000);
    assert.ok(clock.pending() <= 1, `${clock.pending()} timers for 1000 sends`);
    await carrier.flush();
    assert.equal(sink.reports.length, 2000);
    assert.equal(clock.now(), 0);
    assert.equal(clock.pending(), 0);
  });

  it('delivers to the latest sink only, and an older disconnect leaves it connected', async () => {
    const carrier = createSimulatedCarrier();
    const first = recordingSink();
    const second = recordingSink();
    const disconnectFirst = carrier.connect(first);
    carrier.connect(second);
    disconnectFirst();
    await sendAll(carrier, 3);
    await carrier.flush();
    assert.equal(first.reports.length, 0);
    assert.equal(second.reports.length, 6);
  });

  it('counts a sink that throws and goes on delivering', async () => {
    const carrier = createSimulatedCarrier();
    const delivered: string[] = [];
    carrier.connect({
      async status(report) {
        if (report.status === 'sent') throw new Error('database down');
        delivered.push(report.status);
      },
      async inbound() {},
    });
    await sendAll(carrier, 5);
    await carrier.flush();
    assert.equal(carrier.stats.sinkErrors, 5);
    assert.deepEqual(delivered, ['delivered', 'delivered', 'delivered', 'delivered', 'delivered']);
  });

  it('takes capability overrides, and keeps no log when told not to', async () => {
    const carrier = createSimulatedCarrier({ capabilities: { segmentsPerSecondPerSender: 10 }, log: false });
    assert.deepEqual(carrier.capabilities, { alphaTags: true, segmentsPerSecondPerSender: 10 });
    await sendAll(carrier, 3);
    assert.equal(carrier.sent.length, 0);
    assert.equal(carrier.stats.accepted, 3);
  });

  it('refuses out-of-range options with a ValidationError naming the option', () => {
    const bad: Array<[SimulatedCarrierOptions, string]> = [
      [{ deliveryRate: 1.5 }, 'deliveryRate'],
      [{ failureRate: -0.1 }, 'failureRate'],
      [{ latencyMs: [300, 100] }, 'latencyMs'],
      [{ latencyMs: Number.NaN }, 'latencyMs'],
      [{ replies: { rate: 2 } }, 'replies.rate'],
      [{ reports: { duplicates: 3 } }, 'reports.duplicates'],
      [{ capabilities: { segmentsPerSecondPerSender: -1 } }, 'capabilities.segmentsPerSecondPerSender'],
    ];
    for (const [options, field] of bad) {
      assert.throws(() => createSimulatedCarrier(options), (error: unknown) => isValidationError(error) && error.field === field, field);
    }
  });
});

describe('createSimulatedNotifier', () => {
  it('records each e-mail in its outbox and calls onEmail', async () => {
    const seen: string[] = [];
    const notifier = createSimulatedNotifier({ onEmail: (email) => void seen.push(email.subject) });
    await notifier.sendEmail({ to: 'sales@example.com', subject: 'Keyword SALES', text: 'Call me back' });
    await notifier.sendEmail({ to: 'ops@example.com', subject: 'Reply', text: 'Thanks' });
    assert.deepEqual(notifier.outbox, [
      { to: 'sales@example.com', subject: 'Keyword SALES', text: 'Call me back' },
      { to: 'ops@example.com', subject: 'Reply', text: 'Thanks' },
    ]);
    assert.deepEqual(seen, ['Keyword SALES', 'Reply']);
  });

  it('fails the send when onEmail rejects, keeping the e-mail on record', async () => {
    const notifier = createSimulatedNotifier({ onEmail: async () => Promise.reject(new Error('smtp down')) });
    await assert.rejects(notifier.sendEmail({ to: 'a@example.com', subject: 's', text: 't' }), /smtp down/);
    assert.equal(notifier.outbox.length, 1);
  });
});
