import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { createTwilioCarrier, type TwilioCarrierOptions, verifyTwilioSignature } from '../../adapters/twilio/index.js';
import { recordingSink } from '../contract/carrier.contract.js';
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN } from '../fixtures/fake-twilio.js';
import { startTwilioWorld } from '../fixtures/twilio-harness.js';

describe('verifyTwilioSignature', () => {
  // The worked example of the provider's webhook security page (Validating requests): auth token 12345, this URL
  // and these POST parameters give the signature GvWf1cFY/Q7PnoempGyD5oXAezc=. The signed text is
  // 'https://mycompany.com/myapp.php?foo=1&bar=2CallSidCA1234567890ABCDECaller+14158675310Digits1234From+14158675310To+18005551212'.
  const example = {
    authToken: '12345',
    url: 'https://mycompany.com/myapp.php?foo=1&bar=2',
    params: { Digits: '1234', To: '+18005551212', From: '+14158675310', Caller: '+14158675310', CallSid: 'CA1234567890ABCDE' },
    signature: 'GvWf1cFY/Q7PnoempGyD5oXAezc=',
  };

  it("accepts the provider's published example", async () => {
    assert.equal(await verifyTwilioSignature(example), true);
  });

  it('refuses a tampered parameter, an added one, another URL, another token, and a missing or malformed signature', async () => {
    assert.equal(await verifyTwilioSignature({ ...example, params: { ...example.params, Digits: '9999' } }), false);
    assert.equal(await verifyTwilioSignature({ ...example, params: { ...example.params, Extra: '' } }), false);
    assert.equal(await verifyTwilioSignature({ ...example, url: 'http://mycompany.com/myapp.php?foo=1&bar=2' }), false);
    assert.equal(await verifyTwilioSignature({ ...example, url: 'https://mycompany.com/myapp.php?foo=1&bar=3' }), false);
    assert.equal(await verifyTwilioSignature({ ...example, authToken: '12346' }), false);
    for (const signature of [undefined, null, '', 'GvWf1cFY', 'GvWf1cFY/Q7PnoempGyD5oXAezc', '!vWf1cFY/Q7PnoempGyD5oXAezc=', `${example.signature}AAAA`]) {
      assert.equal(await verifyTwilioSignature({ ...example, signature }), false, String(signature));
    }
  });

  it('agrees with an HMAC-SHA1 computed by node:crypto, for Unicode values and repeated names', async () => {
    const url = 'https://sms.example.com/v1/webhooks/twilio/inbound?ref=a%20b';
    const text = `${url}BodyGrüße 😀 & = +FromACMEMediaUrl0aMediaUrl0b`;
    const signature = createHmac('sha1', 'secret').update(text, 'utf8').digest('base64');
    assert.equal(await verifyTwilioSignature({ authToken: 'secret', url, params: { MediaUrl0: ['b', 'a'], From: 'ACME', Body: 'Grüße 😀 & = +' }, signature }), true);
  });
});

const PUBLIC = 'https://sms.example.com';
const INBOUND_PATH = '/v1/webhooks/twilio/inbound';
const STATUS_PATH = '/v1/webhooks/twilio/status';
const SID = (digit: string) => `SM${digit.repeat(32)}`;

function sign(url: string, params: Record<string, string>, token = FAKE_AUTH_TOKEN): string {
  const text = url + Object.keys(params).sort().map((name) => name + params[name]).join('');
  return createHmac('sha1', token).update(text, 'utf8').digest('base64');
}

/** A webhook as the provider posts it: a form signed for `signedUrl`, arriving at `url`. */
function webhook(url: string, params: Record<string, string>, options: { signedUrl?: string; signature?: string | null; contentType?: string; body?: string } = {}): Request {
  const headers = new Headers({ 'content-type': options.contentType ?? 'application/x-www-form-urlencoded' });
  const signature = options.signature === undefined ? sign(options.signedUrl ?? url, params) : options.signature;
  if (signature !== null) headers.set('x-twilio-signature', signature);
  return new Request(url, { method: 'POST', headers, body: options.body ?? new URLSearchParams(params).toString() });
}

function inboundForm(overrides: Record<string, string> = {}): Record<string, string> {
  return { AccountSid: FAKE_ACCOUNT_SID, MessageSid: SID('1'), SmsSid: SID('1'), From: '+61412000001', To: '+61480000001', Body: 'STOP', NumMedia: '0', SmsStatus: 'received', ...overrides };
}

function statusForm(overrides: Record<string, string> = {}): Record<string, string> {
  return { AccountSid: FAKE_ACCOUNT_SID, MessageSid: SID('2'), MessageStatus: 'delivered', SmsStatus: 'delivered', To: '+61412000001', ...overrides };
}

function connected(options: Partial<TwilioCarrierOptions> = {}) {
  const carrier = createTwilioCarrier({ accountSid: FAKE_ACCOUNT_SID, authToken: FAKE_AUTH_TOKEN, baseUrl: 'http://127.0.0.1:9', ...options });
  const sink = recordingSink();
  carrier.connect(sink);
  return { carrier, sink };
}

describe('Twilio webhooks', () => {
  it('hands an inbound message to the sink and answers an empty TwiML response', async () => {
    const { carrier, sink } = connected();
    const response = await carrier.webhooks.inbound(webhook(PUBLIC + INBOUND_PATH, inboundForm({ Body: 'Grüße 😀' })));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/xml/);
    assert.match(await response.text(), /<Response\/>$/);
    assert.equal(sink.received.length, 1);
    const [message] = sink.received;
    assert.deepEqual({ ...message, receivedAt: undefined }, { providerId: SID('1'), from: '+61412000001', to: '+61480000001', body: 'Grüße 😀', receivedAt: undefined });
    assert.ok(!Number.isNaN(Date.parse(message!.receivedAt)));
  });

  it('maps status callbacks to reports, with the reason of 30003–30008, and ignores statuses the engine has no use for', async () => {
    const { carrier, sink } = connected();
    const post = (form: Record<string, string>) => carrier.webhooks.status(webhook(PUBLIC + STATUS_PATH, statusForm(form)));
    for (const status of ['queued', 'accepted', 'sending']) assert.equal((await post({ MessageStatus: status })).status, 200);
    assert.equal((await post({ MessageStatus: 'sent' })).status, 200);
    assert.equal((await post({ MessageStatus: 'failed', ErrorCode: '30007' })).status, 200);
    assert.equal((await post({ MessageStatus: 'undelivered', ErrorCode: '30005' })).status, 200);
    assert.equal((await post({ MessageStatus: 'undelivered', ErrorCode: '30450' })).status, 200);
    assert.deepEqual(sink.reports.map((report) => [report.status, report.error]), [
      ['sent', undefined],
      ['failed', { code: '30007', message: 'Message filtered by the carrier.' }],
      ['undelivered', { code: '30005', message: 'Unknown destination handset.' }],
      ['undelivered', { code: '30450', message: 'The provider reported error 30450.' }],
    ]);
  });

  it('refuses with 403 a tampered parameter, a signature for another URL, or none, and hands nothing over', async () => {
    const { carrier, sink } = connected();
    const url = PUBLIC + INBOUND_PATH;
    const tampered = webhook(url, inboundForm({ Body: 'START' }), { signature: sign(url, inboundForm({ Body: 'STOP' })) });
    const otherUrl = webhook(url, inboundForm(), { signedUrl: `${PUBLIC}/elsewhere` });
    const otherToken = webhook(url, inboundForm(), { signature: sign(url, inboundForm(), 'another token') });
    const unsigned = webhook(url, inboundForm(), { signature: null });
    for (const request of [tampered, otherUrl, otherToken, unsigned]) assert.equal((await carrier.webhooks.inbound(request)).status, 403);
    const status = webhook(PUBLIC + STATUS_PATH, statusForm(), { signature: null });
    assert.equal((await carrier.webhooks.status(status)).status, 403);
    assert.equal(sink.received.length + sink.reports.length, 0);
  });

  it('verifies against webhookBaseUrl behind a proxy that rewrites the URL', async () => {
    const internal = `http://10.0.0.5:8080${INBOUND_PATH}?route=a`;
    const signedUrl = `${PUBLIC}${INBOUND_PATH}?route=a`;
    const behindProxy = connected({ webhookBaseUrl: PUBLIC });
    assert.equal((await behindProxy.carrier.webhooks.inbound(webhook(internal, inboundForm(), { signedUrl }))).status, 200);
    const unaware = connected();
    assert.equal((await unaware.carrier.webhooks.inbound(webhook(internal, inboundForm(), { signedUrl }))).status, 403);
  });

  it('refuses every webhook without an auth token to verify it', async () => {
    const { carrier } = connected({ authToken: undefined, apiKey: `SK${'d4'.repeat(16)}`, apiSecret: 'secret' });
    assert.equal((await carrier.webhooks.inbound(webhook(PUBLIC + INBOUND_PATH, inboundForm()))).status, 403);
  });

  it('refuses signed bodies that do not fit with 400, and other accounts, types, methods and sizes', async () => {
    const { carrier, sink } = connected({ maxWebhookBytes: 4096 });
    const inbound = (params: Record<string, string>) => carrier.webhooks.inbound(webhook(PUBLIC + INBOUND_PATH, params));
    const status = (params: Record<string, string>) => carrier.webhooks.status(webhook(PUBLIC + STATUS_PATH, params));
    const { MessageSid: _, ...noSid } = inboundForm();
    assert.equal((await inbound(noSid)).status, 400);
    assert.equal((await inbound(inboundForm({ MessageSid: 'SM123' }))).status, 400);
    assert.equal((await inbound(inboundForm({ From: '' }))).status, 400);
    assert.equal((await inbound(inboundForm({ To: '+6'.padEnd(41, '1') }))).status, 400);
    assert.equal((await status(statusForm({ ErrorCode: 'abc' }))).status, 400);
    assert.equal((await status(statusForm({ MessageStatus: 'DELIVERED; drop table' }))).status, 400);
    assert.equal((await inbound(inboundForm({ AccountSid: `AC${'ff'.repeat(16)}` }))).status, 403);
    assert.equal((await inbound(inboundForm({ Body: 'x'.repeat(5000) }))).status, 413);
    const json = webhook(PUBLIC + INBOUND_PATH, inboundForm(), { contentType: 'application/json', body: JSON.stringify(inboundForm()) });
    assert.equal((await carrier.webhooks.inbound(json)).status, 415);
    assert.equal((await carrier.webhooks.inbound(new Request(PUBLIC + INBOUND_PATH))).status, 405);
    assert.equal(sink.received.length + sink.reports.length, 0);
  });

  it('answers 503 while no sink is connected, and 500 when the sink fails, so that the provider tries again', async () => {
    const carrier = createTwilioCarrier({ accountSid: FAKE_ACCOUNT_SID, authToken: FAKE_AUTH_TOKEN });
    assert.equal((await carrier.webhooks.inbound(webhook(PUBLIC + INBOUND_PATH, inboundForm()))).status, 503);
    const disconnect = carrier.connect({ inbound: async () => Promise.reject(new Error('store down')), status: async () => undefined });
    assert.equal((await carrier.webhooks.inbound(webhook(PUBLIC + INBOUND_PATH, inboundForm()))).status, 500);
    disconnect();
    assert.equal((await carrier.webhooks.status(webhook(PUBLIC + STATUS_PATH, statusForm()))).status, 503);
  });

  it('takes inbound messages the fake provider posts, signed, through an HTTP server', async () => {
    const world = await startTwilioWorld();
    try {
      assert.equal(await world.fake.sendInbound({ from: '+61412000001', to: '+61480000001', body: 'Hello there' }), 503, 'no sink yet');
      const sink = recordingSink();
      world.carrier.connect(sink);
      assert.equal(await world.fake.sendInbound({ from: '+61412000001', to: '+61480000001', body: 'Hello there' }), 200);
      assert.deepEqual(sink.received.map(({ from, to, body }) => ({ from, to, body })), [{ from: '+61412000001', to: '+61480000001', body: 'Hello there' }]);
    } finally {
      await world.close();
    }
  });
});
