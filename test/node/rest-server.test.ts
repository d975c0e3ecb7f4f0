import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compileErrors, validate } from '@readme/openapi-parser';
import { createHttpBackend } from '../../adapters/http/index.js';
import { createRestServer } from '../../adapters/rest-server/index.js';
import { createSmsClient } from '../../src/client.js';
import { SMS_EVENT_TYPES, type SmsEvent } from '../../src/model/index.js';
import type { SmsBackend } from '../../src/ports/backend.js';
import type { BackendHarness } from '../contract/backend.contract.js';
import { NUMBERS, handset, withWorld } from '../contract/backend/world.js';
import { authenticate, createHttpFixture, tokenFor } from '../fixtures/http-backend.js';
import { createLocalFixture } from '../fixtures/local-backend.js';

const harness = (options: Parameters<typeof createHttpFixture>[1] = {}): BackendHarness => ({
  name: 'http',
  capabilities: { manualClock: true, emailToSms: true, crash: true },
  createBackend: () => createHttpFixture({}, options),
});

/** The URL of the world's REST server. */
const urlOf = (w: { fx: unknown }) => (w.fx as { url: string }).url;

/** Waits for the world's engine, not for the fixture's own event streams (the test reads streams of its own). */
const settleEngine = (w: { fx: unknown }) => (w.fx as { settleEngine(): Promise<void> }).settleEngine();

async function problem(response: Response): Promise<Record<string, unknown>> {
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  return (await response.json()) as Record<string, unknown>;
}

/** Reads a raw event stream until `done(text so far)` holds, or fails after 5 s. */
async function readStream(response: Response, done: (text: string) => boolean): Promise<string> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const timer = setTimeout(() => void reader.cancel(), 5000);
  try {
    while (!done(text)) {
      const { done: ended, value } = await reader.read();
      if (ended) break;
      text += value;
    }
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => undefined);
  }
  return text;
}

describe('REST server: callers it must refuse', () => {
  it('answers a request without a token, or with a forged one, 401 with WWW-Authenticate: Bearer and nothing else', withWorld(harness(), async (w) => {
    const forged = tokenFor(w.principals.alice).replace(/\.[^.]+$/, '.AAAA');
    const attempts: Record<string, string>[] = [{}, { authorization: `Bearer ${forged}` }, { authorization: 'Basic YWxpY2U6eA==' }];
    for (const headers of attempts) {
      const response = await fetch(`${urlOf(w)}/v1/conversations`, { headers });
      assert.equal(response.status, 401);
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer/);
      const body = await problem(response);
      assert.deepEqual([body.status, body.code, body.items], [401, 'http.unauthorized', undefined]);
    }
  }));

  it('refuses a token for a user the directory does not know (403), and stores nothing', withWorld(harness(), async (w) => {
    const stranger = { organisationId: w.id, userId: 'mallory', role: 'user' as const };
    const response = await fetch(`${urlOf(w)}/v1/conversations`, { headers: { authorization: `Bearer ${tokenFor(stranger)}` } });
    assert.equal(response.status, 403);
    assert.equal((await problem(response)).name, 'PermissionError');
    const users = await w.admin.directory.users({ limit: 500 });
    assert.ok(!users.items.some((user) => user.id === 'mallory'));
  }));

  it("never shows a user another user's conversation by id: 404, and none of its messages", withWorld(harness(), async (w) => {
    await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'For Alice only' });
    await w.fx.settle();
    const [conversation] = (await w.alice.conversations.list()).items;
    const asDave = { authorization: `Bearer ${tokenFor(w.principals.dave)}` };
    for (const path of [`/v1/conversations/${conversation!.id}`, `/v1/conversations/${conversation!.id}/messages`]) {
      const response = await fetch(`${urlOf(w)}${path}`, { headers: asDave });
      const text = await response.text();
      assert.ok([403, 404].includes(response.status), `${path}: ${response.status}`);
      assert.doesNotMatch(text, /For Alice only/);
    }
    const read = await fetch(`${urlOf(w)}/v1/conversations/${conversation!.id}/read`, { method: 'POST', headers: asDave });
    assert.equal(read.status, 404);
    assert.equal((await w.alice.conversations.get(conversation!.id)).unreadCount, 1);
  }));

  it('refuses malformed JSON (400 naming the body), another media type (415) and a body over the limit (413)', withWorld(harness({ server: { limits: { bodyBytes: 2048 } } }), async (w) => {
    const auth = { authorization: `Bearer ${tokenFor(w.principals.alice)}` };
    const send = (body: string, type: string) => fetch(`${urlOf(w)}/v1/messages`, { method: 'POST', headers: { ...auth, 'content-type': type }, body });
    const malformed = await send('{"channel":"sms","to":', 'application/json');
    assert.equal(malformed.status, 400);
    assert.deepEqual(await problem(malformed).then((body) => [body.name, body.field]), ['ValidationError', 'body']);
    const text = await send('channel=sms', 'text/plain');
    assert.equal(text.status, 415);
    await problem(text);
    const large = await send(JSON.stringify({ channel: 'sms', to: handset(1), body: 'x'.repeat(4096) }), 'application/json');
    assert.equal(large.status, 413);
    await problem(large);
    await w.fx.settle();
    assert.deepEqual(w.fx.sent(), []);
  }));

  it('reads ids with CR/LF or ../ in the path as ids: no header injected, no other route reached', withWorld(harness(), async (w) => {
    const auth = { authorization: `Bearer ${tokenFor(w.principals.admin)}` };
    for (const id of ['x\r\nSet-Cookie: stolen=1', '../users', '..%2F..%2Fsettings']) {
      const response = await fetch(`${urlOf(w)}/v1/numbers/${encodeURIComponent(id)}`, { headers: auth });
      assert.equal(response.status, 404, id);
      assert.equal(response.headers.get('set-cookie'), null);
      const body = await problem(response);
      assert.equal(body.name, 'NotFoundError');
    }
    const raw = await fetch(`${urlOf(w)}/v1/numbers/..%2F..%2Fsettings`, { headers: auth });
    assert.equal(raw.status, 404);
    await assert.rejects(w.admin.numbers.get('..'), { name: 'ValidationError' });
  }));
});

describe('REST server: errors, documents and streams', () => {
  it('answers an unexpected error 500 with an error id it logged, and no stack', async () => {
    const logged: Record<string, unknown>[] = [];
    const broken = { settings: { get: async () => { throw new Error('database password is hunter2'); } } } as unknown as SmsBackend;
    const server = createRestServer({ backend: broken, authenticate: () => ({ userId: 'admin', role: 'admin' }), logger: { error: (_message, details) => logged.push(details) } });
    const response = await server.fetch(new Request('http://localhost/v1/settings'));
    assert.equal(response.status, 500);
    const text = await response.text();
    assert.doesNotMatch(text, /hunter2|at .*\.ts/);
    const body = JSON.parse(text) as { errorId: string };
    assert.match(body.errorId, /^[0-9a-f-]{36}$/);
    assert.equal(logged[0]?.errorId, body.errorId);
    assert.match(String((logged[0]?.error as Error).message), /hunter2/);
  });

  it('serves an OpenAPI 3.1 document a validator accepts, and a reference page of it', async () => {
    const server = createRestServer({ backend: {} as SmsBackend, authenticate: () => null });
    const response = await server.fetch(new Request('http://localhost/v1/openapi.json'));
    assert.equal(response.status, 200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { oneOf?: { properties: { type: { enum: string[] } } }[] }> } };
    assert.equal(document.openapi, '3.1.0');
    const result = await validate(structuredClone(document) as never);
    assert.ok(result.valid, result.valid ? '' : compileErrors(result));
    assert.ok(document.paths['/v1/campaigns/{id}/recipients']?.get);
    const events = document.paths['/v1/events']?.get as { parameters: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
    assert.deepEqual(events.responses['200']?.content, { 'text/event-stream': { schema: { $ref: '#/components/schemas/SmsEvent' } } });
    assert.deepEqual(events.parameters.map((parameter) => `${parameter.in} ${parameter.name}`).sort(), ['header Last-Event-ID', 'query after']);
    assert.ok(events.responses['429']);
    assert.deepEqual(document.components.schemas.SmsEvent?.oneOf?.map((option) => option.properties.type.enum[0]), [...SMS_EVENT_TYPES]);
    const page = await server.fetch(new Request('http://localhost/v1/reference'));
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const html = await page.text();
    assert.match(html, /campaigns\.start/);
    assert.doesNotMatch(html, /<script|https?:\/\//);
  });

  it('streams only what the principal may see, resumes after Last-Event-ID, beats, caps streams per user and ends them on close', withWorld(harness({ server: { events: { heartbeatMs: 50, streamsPerUser: 2 } } }), async (w) => {
    const events = (principal: object, headers: Record<string, string> = {}) =>
      fetch(`${urlOf(w)}/v1/events`, { headers: { authorization: `Bearer ${tokenFor(principal as never)}`, ...headers } });
    const first = await events(w.principals.alice);
    const daves = await events(w.principals.dave);
    const received: SmsEvent[] = [];
    const bob = createSmsClient({ backend: w.fx.backend, principal: w.principals.bob });
    const stop = bob.on('message.received', () => undefined);
    await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'One' });
    await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'Two' });
    await settleEngine(w);
    const text = await readStream(first, (sofar) => (sofar.match(/event: message.received/g) ?? []).length >= 2 && sofar.includes(': heartbeat'));
    for (const frame of text.split('\n\n').filter((part) => part.startsWith('id: '))) received.push(JSON.parse(frame.split('\ndata: ')[1]!) as SmsEvent);
    assert.deepEqual(received.filter((event) => event.type === 'message.received').map((event) => (event as SmsEvent<'message.received'>).data.message.body), ['One', 'Two']);
    assert.match(text, /: heartbeat/);
    const daveText = await readStream(daves, (sofar) => sofar.includes(': heartbeat'));
    assert.doesNotMatch(daveText, /One|Two/);
    // Resume after the first message's event: only what came after it.
    const one = received.find((event) => event.type === 'message.received')!;
    const resumed = await readStream(await events(w.principals.alice, { 'last-event-id': String(one.id) }), (sofar) => sofar.includes('message.received'));
    assert.doesNotMatch(resumed, /"body":"One"/);
    assert.match(resumed, /"body":"Two"/);
    const bad = await events(w.principals.alice, { 'last-event-id': '1\r\nx' }).catch(() => null);
    assert.ok(bad === null || bad.status === 400);
    // Two streams per user: a third is refused until one ends.
    const open = [await events(w.principals.carol), await events(w.principals.carol)];
    const third = await events(w.principals.carol);
    assert.equal(third.status, 429);
    assert.ok(Number(third.headers.get('retry-after')) > 0);
    await open[0]!.body!.cancel();
    let again = await events(w.principals.carol);
    for (let attempt = 0; attempt < 50 && again.status === 429; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      again = await events(w.principals.carol);
    }
    assert.equal(again.status, 200, 'a stream the client ended frees its place');
    await again.body!.cancel();
    await open[1]!.body!.cancel();
    stop();
  }));

  it('ends every open event stream when the server closes', async () => {
    const fx = await createLocalFixture();
    const admin = { userId: 'admin', role: 'admin' as const };
    await fx.backend.directory.me(admin);
    const server = createRestServer({ backend: fx.backend, authenticate: () => admin });
    const listening = await server.listen();
    const response = await fetch(`${listening.url}/v1/events`);
    assert.equal(response.status, 200);
    const ended = readStream(response, () => false);
    await listening.close();
    assert.match(await ended, /^retry: \d+/);
    await fx.close();
  });
});

describe('HTTP backend', () => {
  it('fetches the token of a principal again once when the server refuses it, and sends an Idempotency-Key only on what sends or creates', withWorld(harness(), async (w) => {
    const seen: { method: string; path: string; key: string | null }[] = [];
    let calls = 0;
    const backend = createHttpBackend({
      baseUrl: urlOf(w),
      token: (principal) => (++calls === 1 ? 'expired' : tokenFor(principal)),
      fetch: async (input, init) => {
        const request = new Request(input, init);
        seen.push({ method: request.method, path: new URL(request.url).pathname, key: request.headers.get('idempotency-key') });
        return fetch(request);
      },
    });
    const alice = createSmsClient({ backend, principal: w.principals.alice });
    try {
      const message = await alice.messages.send({ channel: 'sms', to: handset(1), body: 'Hi' });
      assert.equal(calls, 2);
      assert.equal((await alice.messages.get(message.id)).body, 'Hi');
      await alice.conversations.setMuted(message.conversationId!, true);
      const sends = seen.filter((request) => request.path === '/v1/messages');
      assert.equal(sends.length, 2, 'the refused send and the one with the new token');
      assert.ok(sends.every((request) => request.key !== null) && sends[0]!.key === sends[1]!.key, 'one key for the one send');
      assert.ok(seen.filter((request) => request.method !== 'POST').every((request) => request.key === null));
      await assert.rejects(alice.messages.get('nope'), (error: Error & { resource?: string }) => error.name === 'NotFoundError' && error.resource === 'message');
    } finally {
      await backend.close();
    }
  }));

  it('reconnects a broken event stream and resumes after the last event it received', withWorld(harness(), async (w) => {
    let streams = 0;
    const aborts: AbortController[] = [];
    const backend = createHttpBackend({
      baseUrl: urlOf(w),
      token: tokenFor,
      events: { initialDelayMs: 10, maxDelayMs: 50 },
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (!request.url.endsWith('/v1/events')) return fetch(request);
        streams += 1;
        const cut = new AbortController();
        aborts.push(cut);
        // The stream passes through a pipe the test can break (a signal fetch derives could be garbage-collected).
        const response = await fetch(request);
        const pipe = new TransformStream<Uint8Array, Uint8Array>();
        void response.body?.pipeTo(pipe.writable, { signal: cut.signal }).catch(() => undefined);
        return new Response(pipe.readable, { status: response.status, headers: response.headers });
      },
    });
    const alice = createSmsClient({ backend, principal: w.principals.alice });
    const bodies: string[] = [];
    const stop = alice.on('message.received', ({ message }) => bodies.push(message.body));
    try {
      const until = async (done: () => boolean) => {
        for (let wait = 0; wait < 500 && !done(); wait++) await new Promise((resolve) => setTimeout(resolve, 10));
      };
      await alice.directory.me();
      await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'Before the break' });
      await settleEngine(w);
      await until(() => bodies.length === 1);
      // The connection breaks; the backend opens another and asks for what came after the last event it received.
      aborts[0]!.abort();
      await until(() => streams >= 2);
      await w.fx.inject({ from: handset(1), to: NUMBERS.alice, body: 'After the break' });
      await settleEngine(w);
      await until(() => bodies.length >= 2);
      assert.deepEqual(bodies, ['Before the break', 'After the break']);
      assert.ok(streams >= 2);
    } finally {
      stop();
      await backend.close();
    }
  }));

  it('ends the stream on the server when a subscription stops, even after a garbage collection', withWorld(harness(), async (w) => {
    // fetch's own abort signal may be collected once it has answered; stopping must still reach the server.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const stops = [w.principals.alice, w.principals.bob, w.principals.alice].map((principal) => w.fx.backend.subscribe(principal, () => undefined));
    await w.fx.settle();
    for (let round = 0; round < 3; round++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    stops.forEach((stop) => stop());
    // The fixture's settle waits until the server holds exactly the streams the client has open (here none).
    await w.fx.settle();
  }));

  it('refuses a malformed principal before any request, and names a missing token', () => {
    assert.throws(() => createHttpBackend({ baseUrl: 'http://127.0.0.1:1', token: undefined as never }), /token/);
    assert.throws(() => createHttpBackend({ baseUrl: 'not a url', token: 'x' }), { name: 'ValidationError' });
    assert.equal(typeof authenticate, 'function');
  });
});
