import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createRestServer } from '../../adapters/rest-server/index.js';
import { createTwilioCarrier, type TwilioCarrier } from '../../adapters/twilio/index.js';
import { createLocalBackend } from '../../src/engine/local-backend.js';
import { handset } from '../fixtures/desk-campaign.js';
import { startFakeTwilio } from '../fixtures/fake-twilio.js';
import { salesDesk } from '../fixtures/sales-desk.js';

describe('REST server: carriers\' webhooks', () => {
  it('takes the provider\'s signed status callbacks and inbound messages without a token and hands them to the engine', async () => {
    let carrier: TwilioCarrier | null = null;
    const engine = { backend: null as ReturnType<typeof createLocalBackend> | null };
    const server = createRestServer({
      backend: new Proxy({} as ReturnType<typeof createLocalBackend>, { get: (_target, key) => engine.backend![key as keyof typeof engine.backend] }),
      authenticate: () => null,
      webhooks: { twilio: { inbound: (request) => carrier!.webhooks.inbound(request), status: (request) => carrier!.webhooks.status(request) } },
      limits: { bodyBytes: 4096 },
    });
    const listening = await server.listen({ hostname: '127.0.0.1' });
    const fake = await startFakeTwilio({ inboundUrl: `${listening.url}/v1/webhooks/twilio/inbound` });
    carrier = createTwilioCarrier({ accountSid: fake.accountSid, authToken: fake.authToken, baseUrl: fake.baseUrl, statusCallback: `${listening.url}/v1/webhooks/twilio/status`, timeoutMs: 2000 });
    const backend = createLocalBackend({ store: createMemoryStore(), carrier });
    engine.backend = backend;
    try {
      const { admin, alice, number } = await salesDesk(backend, { segmentsPerSecond: 0 });
      const message = await alice.messages.send({ channel: 'sms', to: handset(1), body: 'Hello' });
      const deadline = Date.now() + 10_000;
      while ((await alice.messages.get(message.id)).status !== 'delivered') {
        assert.ok(Date.now() < deadline, 'not delivered within 10 s');
        await backend.idle();
        await fake.settle();
      }
      assert.ok(fake.posts.every((p) => p.attempts.every((a) => a === 200)), JSON.stringify(fake.posts.map((p) => p.attempts)));
      assert.equal(await fake.sendInbound({ from: handset(2), to: number.e164, body: 'STOP' }), 200);
      await backend.idle();
      assert.deepEqual((await admin.blocklist.list()).items.map((entry) => [entry.e164, entry.source]), [[handset(2), 'opt-out']]);
      // A post the provider did not sign is refused by the handler, through the server.
      const forged = await fetch(`${listening.url}/v1/webhooks/twilio/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'bm9wZQ==' },
        body: new URLSearchParams({ AccountSid: fake.accountSid, MessageSid: 'SM1', From: handset(3), To: number.e164, Body: 'STOP' }),
      });
      assert.equal(forged.status, 403);
      const large = await fetch(`${listening.url}/v1/webhooks/twilio/inbound`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `Body=${'x'.repeat(8192)}` });
      assert.equal(large.status, 413);
      assert.equal((await admin.blocklist.list()).items.length, 1);
      const document = (await (await fetch(`${listening.url}/v1/openapi.json`)).json()) as { paths: Record<string, { post?: { security?: unknown[] } }> };
      assert.deepEqual(document.paths['/v1/webhooks/twilio/status']?.post?.security, []);
    } finally {
      await backend.close();
      await fake.close();
      await listening.close();
    }
  });
});
