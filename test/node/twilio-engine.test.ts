import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createRestServer } from '../../adapters/rest-server/index.js';
import type { TwilioWebhooks } from '../../adapters/twilio/index.js';
import { createLocalBackend, type LocalBackend } from '../../src/engine/local-backend.js';
import { countSegments } from '../../src/segments.js';
import { handset } from '../fixtures/desk-campaign.js';
import { salesDesk } from '../fixtures/sales-desk.js';
import { startTwilioWorld, type TwilioWorld, type TwilioWorldOptions } from '../fixtures/twilio-harness.js';
import type { WebhookForwarder } from '../fixtures/webhook-forwarder.js';

/**
 * The carrier's webhooks served by the REST server at /v1/webhooks/twilio/*, as a deployment mounts them. The server
 * is up before the carrier (whose callback URL names it) and the engine (which needs the carrier) exist: it reaches
 * the engine through `engine.backend` once that is set.
 */
function restServerWebhooks(engine: { backend: LocalBackend | null }) {
  return async (webhooks: TwilioWebhooks): Promise<WebhookForwarder> => {
    const server = createRestServer({
      backend: new Proxy({} as LocalBackend, { get: (_target, key) => engine.backend![key as keyof LocalBackend] }),
      authenticate: () => null,
      webhooks: { twilio: webhooks },
    });
    const listening = await server.listen({ hostname: '127.0.0.1' });
    return {
      origin: listening.url,
      inboundUrl: `${listening.url}/v1/webhooks/twilio/inbound`,
      statusUrl: `${listening.url}/v1/webhooks/twilio/status`,
      async close() {
        await listening.close();
        await server.close();
      },
    };
  };
}

/** The local engine over the memory store, sending through the Twilio carrier to the fake provider. */
async function engineOnTwilio(options: TwilioWorldOptions & { carrierTimeoutMs?: number; viaRestServer?: boolean } = {}) {
  const engine: { backend: LocalBackend | null } = { backend: null };
  const world = await startTwilioWorld({ ...options, ...(options.viaRestServer && { serveWebhooks: restServerWebhooks(engine) }) });
  const backend = createLocalBackend({ store: createMemoryStore(), carrier: world.carrier, carrierTimeoutMs: options.carrierTimeoutMs });
  engine.backend = backend;
  const desk = await salesDesk(backend, { segmentsPerSecond: 0 });
  return { world, backend, ...desk };
}

async function closeAll(world: TwilioWorld, backend: LocalBackend): Promise<void> {
  await backend.close();
  await world.close();
}

/** Lets the engine and the fake run until `done` holds, for at most `limitMs`. */
async function until(world: TwilioWorld, backend: LocalBackend, done: () => Promise<boolean>, limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    await backend.idle();
    await world.settle();
    if (await done()) return;
    if (Date.now() > deadline) throw new Error(`Not done after ${limitMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the local engine on the Twilio carrier', () => {
  it('blocklists a recipient the provider refuses with 21610 (unsubscribed there)', async () => {
    const { world, backend, admin, alice } = await engineOnTwilio({ fake: { unsubscribed: ['+61412000009'] } });
    try {
      const message = await alice.messages.send({ channel: 'sms', to: '+61412000009', body: 'Hello' });
      await backend.idle();
      const failed = await alice.messages.get(message.id);
      assert.equal(failed.status, 'failed');
      assert.equal(failed.error?.code, 'carrier.opted_out');
      const entries = (await admin.blocklist.list()).items;
      assert.deepEqual(entries.map((entry) => [entry.e164, entry.source]), [['+61412000009', 'opt-out']]);
      assert.equal(world.fake.messages.size, 0);
    } finally {
      await closeAll(world, backend);
    }
  });

  /** Alice sends one message; the provider reads the request and never answers (having created the message, or not). */
  async function sendIntoAHang(create: boolean) {
    const engine = await engineOnTwilio({ carrier: { timeoutMs: 100 }, carrierTimeoutMs: 300 });
    engine.world.fake.script({ kind: 'hang', create });
    const message = await engine.alice.messages.send({ channel: 'sms', to: '+61412000001', body: 'Hello' });
    return { ...engine, message };
  }

  it('holds a message whose request hung as unknown and never sends it again', async () => {
    const { world, backend, alice, message } = await sendIntoAHang(false);
    try {
      await backend.idle();
      assert.equal((await alice.messages.get(message.id)).status, 'unknown');
      await world.settle();
      await new Promise((resolve) => setTimeout(resolve, 300));
      await backend.idle();
      assert.equal((await alice.messages.get(message.id)).status, 'unknown');
      assert.equal(world.fake.requests.length, 1, 'sent again');
    } finally {
      await closeAll(world, backend);
    }
  });

  it('delivers a message whose answer was lost once its status callbacks name it, sent once', async () => {
    const { world, backend, alice, message } = await sendIntoAHang(true);
    try {
      await until(world, backend, async () => (await alice.messages.get(message.id)).status === 'delivered', 10_000);
      const [sid] = world.fake.messages.keys();
      assert.equal((await alice.messages.get(message.id)).providerId, sid);
      assert.equal(world.fake.requests.length, 1);
    } finally {
      await closeAll(world, backend);
    }
  });

  it('takes an inbound message once, however often the provider posts it', async () => {
    const { world, backend, alice } = await engineOnTwilio();
    try {
      const sid = `SM${'9'.repeat(32)}`;
      for (let post = 0; post < 2; post++) assert.equal(await world.fake.sendInbound({ sid, from: '+61412000001', to: '+61480000001', body: 'Are you open?' }), 200);
      await backend.idle();
      const [conversation] = (await alice.conversations.list()).items;
      assert.deepEqual((await alice.messages.list(conversation!.id)).items.map((message) => message.body), ['Are you open?']);
    } finally {
      await closeAll(world, backend);
    }
  });

  it('sends a 300-recipient campaign with a Unicode two-part body: one message to each, every receipt applied through the REST server', async () => {
    const { world, backend, alice, number } = await engineOnTwilio({ viaRestServer: true });
    try {
      const body = 'Здравствуйте! Ваша запись подтверждена на завтра в 10:00. Ответьте STOP, чтобы отписаться от рассылки.';
      const count = countSegments(body);
      assert.deepEqual([count.encoding, count.segments], ['UCS-2', 2]);
      const recipients = Array.from({ length: 300 }, (_, index) => ({ e164: handset(index + 1), fields: {}, line: index + 2 }));
      const upload = await alice.campaigns.createUpload({ name: 'recipients.csv', columns: ['phone'], phoneColumn: 'phone', recipients, errors: [], duplicates: [] });
      const campaign = await alice.campaigns.create({ name: 'Reminder', sender: { type: 'number', numberId: number.id }, body, recipients: { uploadId: upload.id } });
      await alice.campaigns.start(campaign.id);
      await until(world, backend, async () => (await alice.campaigns.get(campaign.id)).counts.delivered === 300);

      const done = await alice.campaigns.get(campaign.id);
      assert.equal(done.status, 'completed');
      assert.equal(done.counts.failed, 0);
      const sent = [...world.fake.messages.values()];
      assert.equal(world.fake.requests.length, 300, 'one request per recipient');
      assert.deepEqual(sent.map((message) => message.to).sort(), recipients.map((recipient) => recipient.e164).sort(), 'each recipient exactly once');
      assert.ok(sent.every((message) => message.body === body && message.segments === 2 && message.from === '+61480000001'));
      const callbacks = world.fake.posts.filter((post) => post.url.startsWith(world.forwarder.statusUrl));
      assert.equal(callbacks.length, 900, 'queued, sent and delivered for each');
      assert.ok(callbacks.every((post) => post.attempts.at(-1) === 200), 'every status callback was taken');
      const stats = backend.stats();
      assert.equal(stats.reportsDropped, 0);
      assert.equal(stats.reportsHeld, 0);
    } finally {
      await closeAll(world, backend);
    }
  });
});
