import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, it } from 'node:test';
import { createHttpBackend } from '../../adapters/http/index.js';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createRestServer, jwtAuthenticator } from '../../adapters/rest-server/index.js';
import { createSmsClient } from '../../src/client.js';
import type { SmsBackend } from '../../src/ports/backend.js';
import type { BackendHarness } from '../contract/backend.contract.js';
import { handset, withWorld } from '../contract/backend/world.js';
import { createHttpFixture, tokenFor } from '../fixtures/http-backend.js';
import { listenOnLoopback } from '../fixtures/loopback-server.js';

const harness = (options: Parameters<typeof createHttpFixture>[1] = {}): BackendHarness => ({
  name: 'http',
  capabilities: { manualClock: true, emailToSms: true, crash: true },
  createBackend: () => createHttpFixture({}, options),
});

const urlOf = (w: { fx: unknown }) => (w.fx as { url: string }).url;

/** A POST of JSON to the world's server as a principal, with an `Idempotency-Key` when given. */
function post(w: { fx: unknown }, path: string, principal: object, body: unknown, key?: string): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${tokenFor(principal as never)}`, 'content-type': 'application/json' };
  if (key !== undefined) headers['idempotency-key'] = key;
  return fetch(`${urlOf(w)}/v1${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('REST server: Idempotency-Key', () => {
  it('replays a send retried with the same key without sending twice, refuses the key for another body, and keeps keys per user', withWorld(harness(), async (w) => {
    const send = { channel: 'sms', to: handset(1), body: 'Once only' };
    const first = await post(w, '/messages', w.principals.alice, send, 'key-1');
    assert.equal(first.status, 201);
    const message = (await first.json()) as { id: string };
    const again = await post(w, '/messages', w.principals.alice, send, 'key-1');
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(((await again.json()) as { id: string }).id, message.id);
    const other = await post(w, '/messages', w.principals.alice, { ...send, body: 'Another' }, 'key-1');
    assert.equal(other.status, 422);
    assert.equal(((await other.json()) as { code: string }).code, 'idempotency.mismatch');
    // Bob's key of the same name is his own.
    const bobs = await post(w, '/messages', w.principals.bob, { ...send, to: handset(2) }, 'key-1');
    assert.equal(bobs.status, 201);
    assert.equal(bobs.headers.get('idempotent-replayed'), null);
    await w.fx.settle();

    assert.equal(w.fx.sent().filter((sms) => sms.to === handset(1)).length, 1);
    assert.equal(w.fx.sent().filter((sms) => sms.to === handset(2)).length, 1);
  }));

  it('gives two concurrent requests with one key one effect', withWorld(harness(), async (w) => {
    const send = { channel: 'sms', to: handset(3), body: 'Concurrent' };
    const answers = await Promise.all([1, 2, 3].map(() => post(w, '/messages', w.principals.alice, send, 'same')));
    const statuses = answers.map((response) => response.status);
    assert.ok(statuses.includes(201), String(statuses));
    assert.ok(statuses.every((status) => status === 201 || status === 409), String(statuses));
    for (const response of answers.filter((r) => r.status === 409)) assert.ok(Number(response.headers.get('retry-after')) > 0);
    await w.fx.settle();
    assert.equal(w.fx.sent().filter((sms) => sms.to === handset(3)).length, 1);
  }));

  it('sends once when the HTTP backend retries a send whose response was dropped', withWorld(harness(), async (w) => {
    let dropped = 0;
    const backend = createHttpBackend({
      baseUrl: urlOf(w),
      token: tokenFor,
      retries: 2,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const response = await fetch(request);
        if (request.method === 'POST' && new URL(request.url).pathname === '/v1/messages' && dropped === 0) {
          dropped += 1;
          await response.arrayBuffer();
          throw new TypeError('fetch failed: the connection was reset');
        }
        return response;
      },
    });
    try {
      const alice = createSmsClient({ backend, principal: w.principals.alice });
      const message = await alice.messages.send({ channel: 'sms', to: handset(4), body: 'Dropped answer' });
      assert.equal(dropped, 1);
      await w.fx.settle();
      assert.equal(w.fx.sent().filter((sms) => sms.to === handset(4)).length, 1);
      assert.equal((await alice.messages.list(message.conversationId!)).items.length, 1);
    } finally {
      await backend.close();
    }
  }));
});

describe('REST server: rate limit, timeout, keys unavailable', () => {
  it('answers 429 with Retry-After to a principal over its rate, and not to another', withWorld(harness(), async (w) => {
    const local = (w.fx as unknown as { local: SmsBackend }).local;
    const principals: Record<string, object> = { alice: w.principals.alice, bob: w.principals.bob };
    const server = createRestServer({ backend: local, authenticate: (request) => (principals[request.headers.get('x-user') ?? ''] ?? null) as never, rateLimit: { requestsPerMinute: 60, burst: 3 } });
    const get = (user: string) => server.fetch(new Request('http://localhost/v1/me', { headers: { 'x-user': user } }));
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get('alice')).status);
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    const refused = await get('alice');
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    assert.equal(((await refused.json()) as { code: string }).code, 'http.rate_limited');
    assert.equal((await get('bob')).status, 200);
    // Without a principal: refused by authentication, before the limit.
    assert.equal((await get('nobody')).status, 401);
    await server.close();
  }));

  it('answers 503 to a request that takes longer than the timeout, but lets the event stream last', async () => {
    const admin = { userId: 'admin', role: 'admin' as const };
    const slow = {
      settings: { get: () => new Promise((resolve) => setTimeout(() => resolve({}), 300)) },
      subscribe: () => () => undefined,
    } as unknown as SmsBackend;
    const server = createRestServer({ backend: slow, authenticate: () => admin, limits: { requestTimeoutMs: 50 } });
    const response = await server.fetch(new Request('http://localhost/v1/settings'));
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.equal(((await response.json()) as { code: string }).code, 'http.timeout');
    assert.ok(Number(response.headers.get('retry-after')) >= 1);
    const stream = await server.fetch(new Request('http://localhost/v1/events'));
    assert.equal(stream.status, 200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await stream.body!.cancel();
    await server.close();
  });

  it('answers 503 with Retry-After, not 401, when the signing keys cannot be fetched', async () => {
    const gone = await listenOnLoopback(createServer((_request, response) => response.writeHead(500).end('down')));
    try {
      const authenticate = jwtAuthenticator({ jwksUrl: `${gone.origin}/jwks.json`, issuer: 'portal', audience: 'pbx-sms', jwksTimeoutMs: 1000 });
      const server = createRestServer({ backend: {} as SmsBackend, authenticate });
      const token = `${Buffer.from('{"alg":"RS256","kid":"k1"}').toString('base64url')}.${Buffer.from('{"sub":"alice"}').toString('base64url')}.c2ln`;
      const response = await server.fetch(new Request('http://localhost/v1/me', { headers: { authorization: `Bearer ${token}` } }));
      assert.equal(response.status, 503);
      assert.ok(Number(response.headers.get('retry-after')) >= 1);
      const body = (await response.json()) as { code: string };
      assert.equal(body.code, 'auth.keys_unavailable');
    } finally {
      await gone.close();
    }
  });

  it('keeps idempotency keys in the store it is given, shared by two servers over one backend', withWorld(harness(), async (w) => {
    const store = createMemoryStore();
    const local = (w.fx as unknown as { local: SmsBackend }).local;
    const auth = (request: Request) => (request.headers.get('x-user') === 'alice' ? w.principals.alice : null);
    const servers = [createRestServer({ backend: local, authenticate: auth, idempotency: { store } }), createRestServer({ backend: local, authenticate: auth, idempotency: { store } })];
    const send = (server: (typeof servers)[number]) => server.fetch(new Request('http://localhost/v1/messages', {
      method: 'POST',
      headers: { 'x-user': 'alice', 'content-type': 'application/json', 'idempotency-key': 'shared' },
      body: JSON.stringify({ channel: 'sms', to: handset(9), body: 'Across instances' }),
    }));
    assert.equal((await send(servers[0]!)).status, 201);
    const replay = await send(servers[1]!);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    await w.fx.settle();
    assert.equal(w.fx.sent().filter((sms) => sms.to === handset(9)).length, 1);
    await Promise.all(servers.map((server) => server.close()));
  }));
});
