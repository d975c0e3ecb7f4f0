import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTwilioCarrier } from '../../adapters/twilio/index.js';
import { isCarrierError, type CarrierError } from '../../src/errors/carrier-error.js';
import { isValidationError } from '../../src/errors/validation-error.js';
import type { Clock, OutboundSms } from '../../src/ports/carrier.js';
import { countSegments } from '../../src/segments.js';
import { recordingSink, runCarrierContract } from '../contract/carrier.contract.js';
import { startFakeTwilio } from '../fixtures/fake-twilio.js';
import { startTwilioWorld, type TwilioWorld } from '../fixtures/twilio-harness.js';

runCarrierContract({
  name: 'Twilio carrier against the fake API, webhooks through a forwarder',
  async create() {
    const world = await startTwilioWorld();
    return { carrier: world.carrier, settle: () => world.settle(), close: () => world.close() };
  },
});

let next = 0;
function sms(to: string, body = 'Hello', from = '+61400000001'): OutboundSms {
  const count = countSegments(body);
  return { messageId: `msg-${++next}`, from, to, body, encoding: count.encoding, segments: count.segments };
}

/** The error a send was refused with. */
async function refusal(promise: Promise<unknown>): Promise<CarrierError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  assert.ok(isCarrierError(error), `expected a CarrierError, got ${String(error)}`);
  return error;
}

/** Whether a promise settles within `ms` of real time. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = promise.then(() => true as const, () => true as const);
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The system clock, except that each wait is recorded and lasts no real time. */
function recordingClock(): { clock: Clock; waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    clock: {
      now: () => Date.now(),
      setTimeout: (callback, ms) => (waits.push(ms), setTimeout(callback, 0)),
      clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
    },
  };
}

describe('Twilio carrier: the request', () => {
  it('posts a form with basic auth to the account\'s Messages resource, with the sender, the service and a status callback naming the message', async () => {
    const world = await startTwilioWorld({ carrier: { messagingServiceSid: `MG${'c3'.repeat(16)}` } });
    try {
      const message = sms('+61412000001', 'Grüße 😀');
      const { providerId } = await world.carrier.send(message);
      const [request] = world.fake.requests;
      assert.equal(request?.answer, 201);
      assert.equal(request.form.To, '+61412000001');
      assert.equal(request.form.From, '+61400000001');
      assert.equal(request.form.Body, 'Grüße 😀');
      assert.equal(request.form.MessagingServiceSid, `MG${'c3'.repeat(16)}`);
      assert.equal(request.form.StatusCallback, `${world.forwarder.statusUrl}?ref=${message.messageId}#rc=5&rp=5xx,ct,rt`);
      assert.ok(world.fake.messages.has(providerId));
    } finally {
      await world.close();
    }
  });

  it("sends through the messaging service's sender pool, or from an alpha tag, with from: 'service'", async () => {
    const world = await startTwilioWorld({ carrier: { messagingServiceSid: `MG${'c3'.repeat(16)}`, from: 'service' } });
    try {
      await world.carrier.send(sms('+61412000001'));
      await world.carrier.send(sms('+61412000002', 'Hi', 'ACME Corp'));
      assert.equal(world.fake.requests[0]?.form.From, undefined);
      assert.equal(world.fake.requests[1]?.form.From, 'ACME Corp');
    } finally {
      await world.close();
    }
  });

  it('authenticates with an API key and secret in place of the auth token', async () => {
    const apiKey = { sid: `SK${'d4'.repeat(16)}`, secret: 'key-secret' };
    const fake = await startFakeTwilio({ apiKey });
    try {
      const carrier = createTwilioCarrier({ accountSid: fake.accountSid, apiKey: apiKey.sid, apiSecret: apiKey.secret, baseUrl: fake.baseUrl });
      assert.match((await carrier.send(sms('+61412000001'))).providerId, /^SM[0-9a-f]{32}$/);
      const wrong = createTwilioCarrier({ accountSid: fake.accountSid, apiKey: apiKey.sid, apiSecret: 'not it', baseUrl: fake.baseUrl });
      const error = await refusal(wrong.send(sms('+61412000001')));
      assert.equal(error.code, 'carrier.rejected');
      assert.equal(error.providerCode, '20003');
      assert.equal(error.retryable, false);
    } finally {
      await fake.close();
    }
  });

  it('refuses options that cannot work with a ValidationError naming the option', () => {
    const accountSid = `AC${'a1'.repeat(16)}`;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ accountSid: 'AC123', authToken: 't' }, 'accountSid'],
      [{ accountSid }, 'authToken'],
      [{ accountSid, apiKey: `SK${'d4'.repeat(16)}` }, 'apiSecret'],
      [{ accountSid, authToken: 't', from: 'service' }, 'messagingServiceSid'],
      [{ accountSid, authToken: 't', statusCallback: 'not a url' }, 'statusCallback'],
      [{ accountSid, authToken: 't', retry: { attempts: 0 } }, 'retry.attempts'],
    ];
    for (const [options, field] of cases) {
      assert.throws(() => createTwilioCarrier(options as never), (error: unknown) => isValidationError(error) && error.field === field, field);
    }
  });
});

describe('Twilio carrier: refusals and reports', () => {
  let world: TwilioWorld;
  before(async () => {
    world = await startTwilioWorld({ fake: { unsubscribed: ['+61412000009'], undeliverable: { '+61412000008': '30003' } } });
  });
  after(() => world.close());

  it('maps 21211 to a refusal of the recipient that is not retryable', async () => {
    const error = await refusal(world.carrier.send(sms('+0412345678')));
    assert.equal(error.code, 'carrier.rejected');
    assert.equal(error.providerCode, '21211');
    assert.equal(error.field, 'to');
    assert.equal(error.retryable, false);
  });

  it('maps 21610 to carrier.opted_out', async () => {
    const error = await refusal(world.carrier.send(sms('+61412000009')));
    assert.equal(error.code, 'carrier.opted_out');
    assert.equal(error.providerCode, '21610');
    assert.equal(error.retryable, false);
  });

  it("maps any other code to a refusal that carries the provider's code and message", async () => {
    world.fake.script({ kind: 'error', status: 400, code: 21408, message: 'Permission to send an SMS has not been enabled for the region' });
    const error = await refusal(world.carrier.send(sms('+61412000001')));
    assert.equal(error.code, 'carrier.rejected');
    assert.equal(error.providerCode, '21408');
    assert.match(error.message, /Permission to send an SMS has not been enabled/);
    assert.equal(error.retryable, false);
    assert.equal(world.fake.requests.at(-1)?.answer, 400);
  });

  it('reports sent then delivered, and undelivered with the reason of 30003', async () => {
    const sink = recordingSink();
    const disconnect = world.carrier.connect(sink);
    const delivered = await world.carrier.send(sms('+61412000001'));
    const undelivered = await world.carrier.send(sms('+61412000008'));
    await world.settle();
    disconnect();
    const of = (id: string) => sink.reports.filter((report) => report.providerId === id).map((report) => [report.status, report.error]);
    assert.deepEqual(of(delivered.providerId), [['sent', undefined], ['delivered', undefined]], 'queued is not a port status');
    assert.deepEqual(of(undelivered.providerId), [['sent', undefined], ['undelivered', { code: '30003', message: 'Unreachable destination handset.' }]]);
  });
});

describe('Twilio carrier: retries', () => {
  it('retries 429 and 5xx, waiting as Retry-After says or else backing off, and sends the message once', async () => {
    const { clock, waits } = recordingClock();
    const world = await startTwilioWorld({ carrier: { clock } });
    try {
      world.fake.script(
        { kind: 'error', status: 429, code: 20429, message: 'Too Many Requests', retryAfter: '2' },
        { kind: 'error', status: 503, code: 20503, message: 'Service unavailable' },
      );
      const { providerId } = await world.carrier.send(sms('+61412000001'));
      assert.deepEqual(world.fake.requests.map((request) => request.answer), [429, 503, 201]);
      assert.deepEqual(waits, [2000, 1000], 'Retry-After: 2, then the backoff of the second attempt (500 ms × 2)');
      assert.deepEqual([...world.fake.messages.keys()], [providerId]);
    } finally {
      await world.close();
    }
  });

  it('gives up after the attempts allowed with a retryable carrier.unavailable', async () => {
    const { clock } = recordingClock();
    const world = await startTwilioWorld({ carrier: { clock, retry: { attempts: 3 } } });
    try {
      const busy = { kind: 'error', status: 500, code: 20500, message: 'Internal Server Error' } as const;
      world.fake.script(busy, busy, busy, busy);
      const error = await refusal(world.carrier.send(sms('+61412000001')));
      assert.equal(error.code, 'carrier.unavailable');
      assert.equal(error.retryable, true);
      assert.equal(world.fake.requests.length, 3);
    } finally {
      await world.close();
    }
  });

  it('gives up at once when Retry-After asks for more than the retry budget allows', async () => {
    const { clock, waits } = recordingClock();
    const world = await startTwilioWorld({ carrier: { clock, retry: { totalMs: 5000 } } });
    try {
      world.fake.script({ kind: 'error', status: 429, code: 20429, message: 'Too Many Requests', retryAfter: '6' });
      const error = await refusal(world.carrier.send(sms('+61412000001')));
      assert.equal(error.code, 'carrier.unavailable');
      assert.equal(world.fake.requests.length, 1);
      assert.deepEqual(waits, []);
    } finally {
      await world.close();
    }
  });

  it('never retries a refusal (4xx)', async () => {
    const world = await startTwilioWorld();
    try {
      world.fake.script({ kind: 'error', status: 400, code: 21617, message: 'The concatenated message body exceeds the 1600 character limit.' });
      const error = await refusal(world.carrier.send(sms('+61412000001')));
      assert.equal(error.field, 'body');
      assert.equal(world.fake.requests.length, 1);
    } finally {
      await world.close();
    }
  });
});

describe('Twilio carrier: a send whose fate is unknown', () => {
  for (const answer of [{ kind: 'hang', create: false }, { kind: 'drop', create: false }, { kind: 'error', status: 504, code: 20504, message: 'Gateway Timeout' }] as const) {
    it(`is never sent again and does not settle (${answer.kind === 'error' ? 'HTTP 504' : `the provider ${answer.kind}s`})`, async () => {
      // Retries wait no real time here: one would show within the window.
      const world = await startTwilioWorld({ carrier: { timeoutMs: 100, clock: recordingClock().clock } });
      try {
        world.fake.script(answer);
        const send = world.carrier.send(sms('+61412000001'));
        assert.equal(await settlesWithin(send, 400), false, 'the send settled: the engine would not hold it unknown');
        assert.equal(world.fake.requests.length, 1, 'the request was sent again');
      } finally {
        await world.close();
      }
    });
  }

  it('settles with the SID a status callback names it by, when the provider did create it', async () => {
    const world = await startTwilioWorld({ carrier: { timeoutMs: 200 } });
    try {
      world.fake.script({ kind: 'hang', create: true });
      const { providerId } = await world.carrier.send(sms('+61412000001'));
      assert.deepEqual([...world.fake.messages.keys()], [providerId]);
      assert.equal(world.fake.requests.length, 1);
    } finally {
      await world.close();
    }
  });

  it('answered 201 without a message SID is unknown too, not sent again', async () => {
    let calls = 0;
    const carrier = createTwilioCarrier({
      accountSid: `AC${'a1'.repeat(16)}`, authToken: 'token', baseUrl: 'http://127.0.0.1:9',
      fetch: async () => (calls++, new Response('{"status":"queued"}', { status: 201, headers: { 'content-type': 'application/json' } })),
    });
    assert.equal(await settlesWithin(carrier.send(sms('+61412000001')), 300), false);
    assert.equal(calls, 1);
  });

  it('is retried when the connection was never made', async () => {
    const { clock } = recordingClock();
    let calls = 0;
    const carrier = createTwilioCarrier({
      accountSid: `AC${'a1'.repeat(16)}`, authToken: 'token', baseUrl: 'http://127.0.0.1:9', clock,
      fetch: async () => {
        calls++;
        if (calls === 1) throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
        return new Response(JSON.stringify({ sid: `SM${'e5'.repeat(16)}`, status: 'queued' }), { status: 201 });
      },
    });
    assert.equal((await carrier.send(sms('+61412000001'))).providerId, `SM${'e5'.repeat(16)}`);
    assert.equal(calls, 2);
  });
});
