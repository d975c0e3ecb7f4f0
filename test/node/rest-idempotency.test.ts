import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { createIdempotencyKeys, type IdempotencyOutcome, type IdempotentRequest } from '../../adapters/rest-server/idempotency.js';
import { createManualClock } from '../../src/engine/clock.js';
import { isValidationError } from '../../src/errors/validation-error.js';
import type { Principal } from '../../src/model/index.js';
import { SYSTEM_SCOPE, type Store } from '../../src/ports/store.js';

const HOUR = 3_600_000;
const alice: Principal = { organisationId: 'acme', userId: 'alice', role: 'user' };
const bob: Principal = { organisationId: 'acme', userId: 'bob', role: 'user' };
const send = (principal: Principal, body = '{"to":"+61412345678","body":"hi"}', key = 'key-1'): IdempotentRequest => ({
  principal, key, method: 'POST', path: '/v1/messages', body,
});
const created = (id: string) => ({
  status: 201,
  headers: { 'content-type': 'application/json', location: `/v1/messages/${id}`, date: 'Mon, 07 Dec 2026 03:00:00 GMT', 'set-cookie': 'a=b' },
  body: JSON.stringify({ id }),
});

function setUp(options: { ttlMs?: number; maxBodyBytes?: number; pendingTimeoutMs?: number; purgeBatch?: number } = {}) {
  const store = createMemoryStore();
  const clock = createManualClock();
  return { store, clock, keys: createIdempotencyKeys({ store, clock, ...options }) };
}

function assertNew(outcome: IdempotencyOutcome): Extract<IdempotencyOutcome, { kind: 'new' }> {
  assert.equal(outcome.kind, 'new');
  return outcome as Extract<IdempotencyOutcome, { kind: 'new' }>;
}

const stored = (store: Store, scope: string) => store.scope(scope).collection('idempotencyKeys');

describe('createIdempotencyKeys', () => {
  it('replays the first response, with its content headers only, to the same request', async () => {
    const { store, keys } = setUp();
    const first = assertNew(await keys.begin(send(alice)));
    await first.finish(created('m1'));
    const again = await keys.begin(send(alice));
    assert.deepEqual(again, {
      kind: 'replay',
      response: { status: 201, headers: { 'content-type': 'application/json', location: '/v1/messages/m1' }, body: '{"id":"m1"}' },
    });
    const bytes = new TextEncoder().encode(send(alice).body as string);
    assert.equal((await keys.begin({ ...send(alice), body: bytes, method: 'post' })).kind, 'replay', 'the same bytes, the method in any case');
    assert.equal(await stored(store, 'acme').count(), 1);
    assert.equal((await stored(store, 'acme').get('alice:key-1'))?.state, 'done');
  });

  it('refuses the same key for another request', async () => {
    const { keys } = setUp();
    await assertNew(await keys.begin(send(alice))).finish(created('m1'));
    assert.deepEqual(await keys.begin(send(alice, '{"to":"+61412345678","body":"hello"}')), { kind: 'mismatch' });
    assert.deepEqual(await keys.begin({ ...send(alice), path: '/v1/campaigns' }), { kind: 'mismatch' });
    assert.deepEqual(await keys.begin({ ...send(alice), method: 'PUT' }), { kind: 'mismatch' });
    const pending = assertNew(await keys.begin(send(alice, 'a', 'key-2')));
    assert.deepEqual(await keys.begin(send(alice, 'b', 'key-2')), { kind: 'mismatch' }, 'also while the first runs');
    await pending.abandon();
  });

  it('says in progress while the first request runs, and lets a retry take over a key left pending too long', async () => {
    const { clock, keys } = setUp({ pendingTimeoutMs: 60_000 });
    const first = assertNew(await keys.begin(send(alice)));
    assert.deepEqual(await keys.begin(send(alice)), { kind: 'in-progress', retryAfterSeconds: 1 });
    await clock.advance(59_999);
    assert.equal((await keys.begin(send(alice))).kind, 'in-progress');
    await clock.advance(1);
    const second = assertNew(await keys.begin(send(alice)));
    assert.equal((await keys.begin(send(alice))).kind, 'in-progress', 'the takeover holds the key');
    await first.finish(created('late'));
    assert.equal((await keys.begin(send(alice))).kind, 'in-progress', 'the request that lost the key settles nothing');
    await second.finish(created('m2'));
    const replay = await keys.begin(send(alice));
    assert.equal(replay.kind === 'replay' && replay.response.body, '{"id":"m2"}');
  });

  it('forgets a key after the ttl, counted from its response, and purges expired keys in bounded batches', async () => {
    const { store, clock, keys } = setUp({ ttlMs: 24 * HOUR, purgeBatch: 100 });
    const first = assertNew(await keys.begin(send(alice)));
    await clock.advance(HOUR);
    await first.finish(created('m1'));
    await clock.advance(24 * HOUR - 1);
    assert.equal((await keys.begin(send(alice))).kind, 'replay');
    await clock.advance(1);
    assertNew(await keys.begin(send(alice, 'another body')));

    const collection = stored(store, 'acme');
    const past = new Date(clock.now() - 1).toISOString();
    await collection.insertMany(Array.from({ length: 250 }, (_, i) => ({
      id: `old:${i}`, fingerprint: 'x', state: 'done' as const, status: 201, headers: {}, body: '', createdAt: past, expiresAt: past,
    })));
    await clock.advance(60_000);
    await keys.begin(send(bob, 'x', 'k1'));
    assert.equal(await collection.count({ id: { $in: Array.from({ length: 250 }, (_, i) => `old:${i}`) } }), 150, 'one batch');
    await clock.advance(30_000);
    await keys.begin(send(bob, 'x', 'k2'));
    assert.equal(await collection.count(), 153, 'at most one purge a minute per organisation');
    await clock.advance(30_000);
    await keys.begin(send(bob, 'x', 'k3'));
    assert.equal(await collection.count(), 54);
    assert.equal(await stored(store, 'other').count(), 0);
  });

  it('gives one "new" to requests racing on one key, on one instance or two', async () => {
    const { store, clock, keys } = setUp();
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => keys.begin(send(alice))));
    assert.deepEqual(outcomes.map((outcome) => outcome.kind).sort(), ['in-progress', 'in-progress', 'in-progress', 'in-progress', 'in-progress', 'in-progress', 'in-progress', 'new']);
    const other = createIdempotencyKeys({ store, clock });
    const [a, b] = await Promise.all([keys.begin(send(bob)), other.begin(send(bob))]);
    assert.deepEqual([a.kind, b.kind].sort(), ['in-progress', 'new']);
    await ((a.kind === 'new' ? a : b) as Extract<IdempotencyOutcome, { kind: 'new' }>).finish(created('b1'));
    assert.equal((await other.begin(send(bob))).kind, 'replay', 'the other instance replays it');
  });

  it('keeps each caller apart: two users, two organisations, an operator and a user with the same key', async () => {
    const { store, keys } = setUp();
    const callers: Principal[] = [
      alice,
      bob,
      { organisationId: 'globex', userId: 'alice', role: 'user' },
      { userId: 'alice', role: 'user' },
      { userId: 'alice', role: 'operator' },
    ];
    for (const [index, principal] of callers.entries()) {
      await assertNew(await keys.begin(send(principal))).finish(created(`m${index}`));
    }
    for (const [index, principal] of callers.entries()) {
      const outcome = await keys.begin(send(principal));
      assert.equal(outcome.kind === 'replay' && outcome.response.body, `{"id":"m${index}"}`, JSON.stringify(principal));
    }
    assert.deepEqual(
      await keys.begin(send({ userId: 'alice', role: 'operator', organisationId: 'acme' })),
      { kind: 'mismatch' },
      'an operator acting into an organisation with a key it used elsewhere',
    );
    assert.equal(await stored(store, SYSTEM_SCOPE).count(), 1, 'operators keep their keys in the system scope');
    assert.equal(await stored(store, 'default').count(), 1, 'a principal without organisation belongs to the default one');
    const colon: Principal = { organisationId: 'acme', userId: 'alice:key', role: 'user' };
    const { keys: fresh } = setUp();
    await assertNew(await fresh.begin(send(alice, 'same', 'key:1'))).finish(created('a'));
    assert.deepEqual(await fresh.begin(send(colon, 'same', '1')), { kind: 'mismatch' }, 'a user id that makes the same store key never replays');
  });

  it('lets the client retry after abandon or a 5xx response, and settles a key once', async () => {
    const { keys } = setUp();
    await assertNew(await keys.begin(send(alice))).abandon();
    await assertNew(await keys.begin(send(alice))).finish({ status: 503, body: '{"title":"Unavailable"}' });
    const third = assertNew(await keys.begin(send(alice)));
    await third.finish(created('m3'));
    await third.abandon();
    await third.finish(created('m4'));
    const replay = await keys.begin(send(alice));
    assert.equal(replay.kind === 'replay' && replay.response.body, '{"id":"m3"}');
    const fourth = assertNew(await keys.begin(send(alice, 'x', 'key-4')));
    await fourth.abandon();
    await fourth.finish(created('m5'));
    assert.equal((await keys.begin(send(alice, 'x', 'key-4'))).kind, 'new', 'finish after abandon keeps nothing');
  });

  it('keeps the status and location of a response too large to keep, so that a retry still has no second effect', async () => {
    const { keys } = setUp({ maxBodyBytes: 10 });
    await assertNew(await keys.begin(send(alice))).finish(created('a-long-message-id'));
    assert.deepEqual(await keys.begin(send(alice)), {
      kind: 'replay', response: { status: 201, headers: { location: '/v1/messages/a-long-message-id' }, body: '' },
    });
  });

  it('refuses a key that is empty, too long or not printable ASCII', async () => {
    const { keys } = setUp();
    for (const key of ['', 'k'.repeat(256), 'line\nbreak', 'caf\u00e9', 'tab\t', '\u0000']) {
      await assert.rejects(keys.begin(send(alice, 'x', key)), (error) => isValidationError(error) && error.field === 'Idempotency-Key', JSON.stringify(key));
    }
    for (const key of ['k'.repeat(255), 'a b ~!', '6f1c7a8e-6d2b-4b53-9d4e-2f0e8c3a1b90']) assert.equal((await keys.begin(send(alice, 'x', key))).kind, 'new');
  });

  it('refuses bad options', () => {
    const store = createMemoryStore();
    for (const [name, value] of [['ttlMs', 0], ['maxBodyBytes', -1], ['pendingTimeoutMs', 1.5], ['purgeBatch', 0]] as const) {
      assert.throws(() => createIdempotencyKeys({ store, [name]: value }), (error) => isValidationError(error) && error.field === name);
    }
  });
});
