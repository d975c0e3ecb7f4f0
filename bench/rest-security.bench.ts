// What the REST server's security pieces cost per request, one at a time and in one process: bearer token
// verification (HS256 with a secret, RS256 and ES256 with a local JWKS, a garbage token refused), Idempotency-Key
// claims on the memory store (a new key answered, a replay), and the rate limiter with buckets being evicted.
// The server's own bench (`npm run bench -- server`) measures them inside real requests.
import * as jose from 'jose';
import { createMemoryStore } from '../adapters/memory-store/index.js';
import { createIdempotencyKeys } from '../adapters/rest-server/idempotency.js';
import { jwtAuthenticator, mintToken } from '../adapters/rest-server/jwt.js';
import { createRateLimiter } from '../adapters/rest-server/rate-limit.js';
import type { Principal } from '../src/model/index.js';
import { rate, table } from './support.js';

const secret = 'a-bench-secret-of-at-least-32-bytes!';
const issuer = 'https://portal.test';
const audience = 'pbx-sms';
const principal: Principal = { organisationId: 'acme', userId: 'alice', role: 'user', extensionId: '201' };
const rows: Record<string, string>[] = [];

/** Runs `work` `count` times in sequence after a warm-up, and adds a row with its rate and mean time. */
async function time(name: string, count: number, work: (index: number) => unknown): Promise<void> {
  for (let index = 0; index < Math.min(count, 1000); index++) await work(index);
  const started = performance.now();
  for (let index = 0; index < count; index++) await work(index);
  const ms = performance.now() - started;
  rows.push({ what: name, count: count.toLocaleString('en-US'), rate: rate(count, ms), each: `${((ms / count) * 1000).toFixed(1)} µs` });
}

const request = (token: string): Request => new Request('http://127.0.0.1/v1/messages', { headers: { authorization: `Bearer ${token}` } });

const hmac = jwtAuthenticator({ secret, issuer, audience });
const hmacRequest = request(await mintToken({ secret, issuer, audience, principal, expiresIn: 3600 }));
await time('HS256 token verified', 20_000, () => hmac(hmacRequest));
for (const alg of ['RS256', 'ES256'] as const) {
  const { publicKey, privateKey } = await jose.generateKeyPair(alg, { extractable: true });
  const jwks = { keys: [{ ...(await jose.exportJWK(publicKey)), kid: 'k1', alg }] };
  const token = await new jose.SignJWT({ org: 'acme', role: 'user' })
    .setProtectedHeader({ alg, kid: 'k1' }).setSubject('alice').setIssuer(issuer).setAudience(audience).setExpirationTime('1h')
    .sign(privateKey);
  const authenticate = jwtAuthenticator({ jwks, issuer, audience });
  const signed = request(token);
  await time(`${alg} token verified (local JWKS)`, 10_000, () => authenticate(signed));
}
const garbage = request('AAAA.BBBB.CCCC');
await time('garbage token refused', 50_000, () => hmac(garbage));

const body = JSON.stringify({ channel: 'sms', to: '+61412345678', body: 'Your appointment is confirmed for 10:30.' });
const answer = { status: 201, headers: { 'content-type': 'application/json', location: '/v1/messages/m1' }, body: '{"id":"m1"}' };
const keys = createIdempotencyKeys({ store: createMemoryStore() });
await time('Idempotency-Key: new key, answered (memory store)', 20_000, async (index) => {
  const outcome = await keys.begin({ principal, key: `new-${index}-${Math.random()}`, method: 'POST', path: '/v1/messages', body });
  if (outcome.kind === 'new') await outcome.finish(answer);
});
const first = await keys.begin({ principal, key: 'replayed', method: 'POST', path: '/v1/messages', body });
if (first.kind === 'new') await first.finish(answer);
await time('Idempotency-Key: replay (memory store)', 20_000, () => keys.begin({ principal, key: 'replayed', method: 'POST', path: '/v1/messages', body }));

const limiter = createRateLimiter({ requestsPerMinute: 600, maxKeys: 10_000 });
await time('rate limit: one caller', 1_000_000, () => limiter.take('acme:alice'));
await time('rate limit: 100k callers over 10k buckets', 1_000_000, (index) => limiter.take(`acme:user-${index % 100_000}`));

table(rows);
