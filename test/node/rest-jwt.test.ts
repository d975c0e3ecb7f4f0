import assert from 'node:assert/strict';
import { withoutPackage } from '../fixtures/without-package.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import * as jose from 'jose';
import { jwtAuthenticator, mintToken } from '../../adapters/rest-server/jwt.js';
import { createManualClock } from '../../src/engine/clock.js';
import { isSmsError } from '../../src/errors/sms-error.js';
import { isValidationError } from '../../src/errors/validation-error.js';
import type { Principal } from '../../src/model/index.js';

const secret = 'a-test-secret-of-at-least-32-bytes!!';
const issuer = 'https://portal.test';
const audience = 'pbx-sms';
const alice: Principal = { organisationId: 'acme', userId: 'alice', role: 'user', extensionId: '201', departmentId: 'sales' };
const START = Date.UTC(2026, 0, 1);

function request(authorization?: string | string[]): Request {
  const headers = new Headers();
  for (const value of [authorization ?? []].flat()) headers.append('authorization', value);
  return new Request('http://127.0.0.1/v1/conversations', { headers });
}

const bearer = (token: string): Request => request(`Bearer ${token}`);

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Signs arbitrary claims and header with jose, for tokens `mintToken` would never make. */
async function sign(claims: jose.JWTPayload, key: jose.CryptoKey | Uint8Array, header: jose.JWTHeaderParameters = { alg: 'HS256' }): Promise<string> {
  return new jose.SignJWT(claims).setProtectedHeader(header).sign(key);
}

const nowSeconds = (clock: { now(): number }): number => Math.floor(clock.now() / 1000);

describe('jwtAuthenticator with a secret (HS256)', () => {
  const clock = createManualClock({ start: START });
  const authenticate = jwtAuthenticator({ secret, issuer, audience, clock });

  it('turns a token minted by mintToken into its principal', async () => {
    const token = await mintToken({ secret, issuer, audience, principal: alice, clock });
    assert.deepEqual(await authenticate(bearer(token)), alice);
    assert.deepEqual(await authenticate(request(`bearer  ${token}`)), alice, 'the scheme is case-insensitive');
    const operator = await mintToken({ secret, issuer, audience, principal: { userId: 'ops', role: 'operator' }, clock });
    assert.deepEqual(await authenticate(bearer(operator)), { userId: 'ops', role: 'operator' });
  });

  it('reads the Authorization header only, and nothing malformed', async () => {
    const token = await mintToken({ secret, issuer, audience, principal: alice, clock });
    const elsewhere = new Request(`http://127.0.0.1/v1/events?access_token=${token}`, { headers: { cookie: `token=${token}` } });
    assert.equal(await authenticate(elsewhere), null);
    assert.equal(await authenticate(request()), null);
    for (const header of [token, `Basic ${token}`, 'Bearer', 'Bearer ', `Bearer ${token} extra`, `Token ${token}`, `Bearer ${token}.x`]) {
      assert.equal(await authenticate(request(header)), null, header.slice(0, 20));
    }
    assert.equal(await authenticate(request([`Bearer ${token}`, `Bearer ${token}`])), null, 'two Authorization headers');
  });

  it('refuses a token for another issuer or audience', async () => {
    const other = await mintToken({ secret, issuer: 'https://evil.test', audience, principal: alice, clock });
    assert.equal(await authenticate(bearer(other)), null);
    const elsewhere = await mintToken({ secret, issuer, audience: 'another-api', principal: alice, clock });
    assert.equal(await authenticate(bearer(elsewhere)), null);
  });

  it('refuses an expired token, beyond the clock tolerance', async () => {
    const local = createManualClock({ start: START });
    const auth = jwtAuthenticator({ secret, issuer, audience, clock: local, clockToleranceSeconds: 5 });
    const token = await mintToken({ secret, issuer, audience, principal: alice, clock: local, expiresIn: 60 });
    assert.deepEqual(await auth(bearer(token)), alice, 'a token verified (and remembered) is never trusted past its exp');
    await local.advance(64_000);
    assert.deepEqual(await auth(bearer(token)), alice, 'within exp + tolerance');
    await local.advance(2000);
    assert.equal(await auth(bearer(token)), null);
  });

  it('refuses a token not yet valid, and one without exp', async () => {
    const now = nowSeconds(clock);
    const base = { sub: 'alice', role: 'user', iss: issuer, aud: audience };
    const key = new TextEncoder().encode(secret);
    assert.equal(await authenticate(bearer(await sign({ ...base, exp: now + 600, nbf: now + 60 }, key))), null);
    assert.deepEqual(await authenticate(bearer(await sign({ ...base, exp: now + 600, nbf: now }, key))), { userId: 'alice', role: 'user' });
    assert.equal(await authenticate(bearer(await sign(base, key))), null, 'a token that never expires');
  });

  it('refuses a bad signature, a tampered payload and another secret', async () => {
    const token = await mintToken({ secret, issuer, audience, principal: alice, clock });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    assert.equal(await authenticate(bearer(`${header}.${payload}.${flipped}`)), null);
    const admin = b64({ ...jose.decodeJwt(token), role: 'admin' });
    assert.equal(await authenticate(bearer(`${header}.${admin}.${signature}`)), null);
    const forged = await mintToken({ secret: 'another-secret-of-at-least-32-bytes!!', issuer, audience, principal: alice, clock });
    assert.equal(await authenticate(bearer(forged)), null);
  });

  it('refuses alg none, and an algorithm it was not given', async () => {
    const claims = { sub: 'alice', role: 'admin', iss: issuer, aud: audience, exp: nowSeconds(clock) + 600 };
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    assert.equal(await authenticate(bearer(unsigned)), null);
    assert.equal(await authenticate(bearer(`${unsigned}AAAA`)), null, 'alg none with a made-up signature');
    const hs512 = await sign(claims, new TextEncoder().encode(secret), { alg: 'HS512' });
    assert.equal(await authenticate(bearer(hs512)), null);
    const both = jwtAuthenticator({ secret, issuer, audience, clock, algorithms: ['HS256', 'HS512'] });
    assert.deepEqual(await both(bearer(hs512)), { userId: 'alice', role: 'admin' });
  });

  it('refuses a token whose claims make no valid principal, without throwing its content', async () => {
    const now = nowSeconds(clock);
    const key = new TextEncoder().encode(secret);
    const base = { iss: issuer, aud: audience, exp: now + 600 };
    for (const claims of [
      { sub: 'alice', role: 'root' },
      { sub: 'alice' },
      { role: 'user' },
      { sub: 'x'.repeat(129), role: 'user' },
      { sub: 'alice', role: 'user', org: 42 },
      { sub: 'alice', role: 'user', ext: { $ne: null } },
      { sub: 'alice', role: 'user', org: '' },
    ]) {
      assert.equal(await authenticate(bearer(await sign({ ...base, ...claims }, key))), null, JSON.stringify(claims));
    }
  });

  it('refuses oversized and garbage tokens unread', async () => {
    const token = await mintToken({ secret, issuer, audience, principal: alice, clock });
    const padded = `${b64({ alg: 'HS256' })}.${'A'.repeat(20_000)}.${token.split('.')[2]}`;
    assert.equal(await authenticate(bearer(padded)), null);
    const exact = jwtAuthenticator({ secret, issuer, audience, clock, maxTokenLength: token.length });
    assert.deepEqual(await exact(bearer(token)), alice);
    const short = jwtAuthenticator({ secret, issuer, audience, clock, maxTokenLength: token.length - 1 });
    assert.equal(await short(bearer(token)), null, 'longer than maxTokenLength');
    const garbage = ['a.b.c', '...', 'AAAA.BBBB.CCCC', `${b64('x')}.${b64([])}.AAAA`, `${b64({ alg: 'HS256' })}.%%%.AAAA`, '\u00e9.\u00e9.\u00e9'];
    for (const value of garbage) assert.equal(await authenticate(bearer(value)), null, value);
    assert.equal(await authenticate(bearer(`${b64({ alg: 'HS256' })}.${Buffer.from('not json').toString('base64url')}.AAAA`)), null);
  });

  it('maps other claim names, or a function of the payload', async () => {
    const now = nowSeconds(clock);
    const key = new TextEncoder().encode(secret);
    const claims = { iss: issuer, aud: audience, exp: now + 600, tenant: 'acme', uid: 'bob', sub: 'ignored', role: 'admin' };
    const named = jwtAuthenticator({ secret, issuer, audience, clock, claims: { organisationId: 'tenant', userId: 'uid' } });
    assert.deepEqual(await named(bearer(await sign(claims, key))), { organisationId: 'acme', userId: 'bob', role: 'admin' });
    const mapped = jwtAuthenticator({
      secret, issuer, audience, clock,
      claims: (payload) => ({ userId: payload.uid, role: payload.role === 'admin' ? 'admin' : 'user', organisationId: payload.tenant }),
    });
    assert.deepEqual(await mapped(bearer(await sign(claims, key))), { organisationId: 'acme', userId: 'bob', role: 'admin' });
    const throwing = jwtAuthenticator({ secret, issuer, audience, clock, claims: () => { throw new Error('boom'); } });
    assert.equal(await throwing(bearer(await sign(claims, key))), null);
  });

  it('accepts several issuers or audiences', async () => {
    const auth = jwtAuthenticator({ secret, issuer: ['https://a.test', issuer], audience: ['x', audience], clock });
    assert.deepEqual(await auth(bearer(await mintToken({ secret, issuer, audience, principal: alice, clock }))), alice);
  });
});

describe('jwtAuthenticator options and mintToken', () => {
  it('refuses bad options at once, naming them', () => {
    const cases: Array<[Parameters<typeof jwtAuthenticator>[0], string]> = [
      [{ issuer, audience }, 'secret'],
      [{ secret, jwks: { keys: [{ kty: 'oct' }] }, issuer, audience }, 'jwks'],
      [{ secret: 'short', issuer, audience }, 'secret'],
      [{ secret, issuer: '', audience }, 'issuer'],
      [{ secret, issuer, audience: [] }, 'audience'],
      [{ secret, issuer, audience, algorithms: ['RS256'] }, 'algorithms.0'],
      [{ jwks: { keys: [{ kty: 'RSA' }] }, issuer, audience, algorithms: ['HS256'] }, 'algorithms.0'],
      [{ jwksUrl: 'file:///etc/keys.json', issuer, audience }, 'jwksUrl'],
      [{ secret, issuer, audience, clockToleranceSeconds: -1 }, 'clockToleranceSeconds'],
      [{ secret, issuer, audience, claims: { role: '' } }, 'claims.role'],
      [{ secret, issuer, audience, claims: { tenant: 'org' } as never }, 'claims'],
    ];
    for (const [options, field] of cases) {
      assert.throws(() => jwtAuthenticator(options), (error) => isValidationError(error) && error.field === field, field);
    }
  });

  it('mints only for a valid principal and a long enough secret', async () => {
    await assert.rejects(
      mintToken({ secret, issuer, audience, principal: { userId: 'alice', role: 'king' } as never }),
      (error) => isValidationError(error) && error.field === 'principal.role',
    );
    await assert.rejects(mintToken({ secret: 'short', issuer, audience, principal: alice }), (error) => isValidationError(error) && error.field === 'secret');
    await assert.rejects(mintToken({ secret, issuer, audience, principal: alice, expiresIn: 0 }), (error) => isValidationError(error) && error.field === 'expiresIn');
  });

  it('mints iss, aud, iat, exp and the default claims', async () => {
    const clock = createManualClock({ start: START });
    const token = await mintToken({ secret, issuer, audience, principal: alice, clock, expiresIn: 120 });
    assert.deepEqual(jose.decodeProtectedHeader(token), { alg: 'HS256', typ: 'JWT' });
    assert.deepEqual(jose.decodeJwt(token), {
      org: 'acme', sub: 'alice', role: 'user', ext: '201', dept: 'sales',
      iss: issuer, aud: audience, iat: START / 1000, exp: START / 1000 + 120,
    });
  });
});

describe('without jose installed', () => {
  it('fails with an error naming the package to install', { timeout: 30_000 }, async () => {
    const printed = await withoutPackage('jose', `
      const { jwtAuthenticator, mintToken } = await import(${JSON.stringify(new URL('../../adapters/rest-server/jwt.ts', import.meta.url).href)});
      const options = { secret: ${JSON.stringify(secret)}, issuer: 'i', audience: 'a' };
      const errors = [];
      await mintToken({ ...options, principal: { userId: 'u', role: 'user' } }).catch((error) => errors.push([error.code, error.message]));
      await jwtAuthenticator(options)(new Request('http://127.0.0.1/', { headers: { authorization: 'Bearer a.b.c' } }))
        .catch((error) => errors.push([error.code, error.message]));
      console.log(JSON.stringify(errors));
    `);
    assert.deepEqual(printed, [
      ['dependency.missing', 'mintToken needs the package "jose": npm install jose'],
      ['dependency.missing', 'jwtAuthenticator needs the package "jose": npm install jose'],
    ]);
  });
});

describe('jwtAuthenticator with public keys (RS256, ES256)', () => {
  const clock = createManualClock({ start: START });
  let rsa: jose.GenerateKeyPairResult;
  let ec: jose.GenerateKeyPairResult;
  let jwks: { keys: jose.JWK[] };

  before(async () => {
    rsa = await jose.generateKeyPair('RS256', { extractable: true });
    ec = await jose.generateKeyPair('ES256', { extractable: true });
    jwks = {
      keys: [
        { ...(await jose.exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
        { ...(await jose.exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
      ],
    };
  });

  const claims = (): jose.JWTPayload => ({ sub: 'alice', role: 'user', org: 'acme', iss: issuer, aud: audience, exp: nowSeconds(clock) + 600 });

  it('verifies RS256 and ES256 tokens against a local JWKS', async () => {
    const authenticate = jwtAuthenticator({ jwks, issuer, audience, clock });
    const expected = { organisationId: 'acme', userId: 'alice', role: 'user' };
    assert.deepEqual(await authenticate(bearer(await sign(claims(), rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }))), expected);
    assert.deepEqual(await authenticate(bearer(await sign(claims(), ec.privateKey, { alg: 'ES256', kid: 'ec-1' }))), expected);
    const esOnly = jwtAuthenticator({ jwks, issuer, audience, clock, algorithms: ['ES256'] });
    assert.equal(await esOnly(bearer(await sign(claims(), rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }))), null);
  });

  it('refuses a token signed by a key outside the JWKS, and an HMAC token signed with the public key', async () => {
    const authenticate = jwtAuthenticator({ jwks, issuer, audience, clock });
    const stranger = await jose.generateKeyPair('RS256');
    assert.equal(await authenticate(bearer(await sign(claims(), stranger.privateKey, { alg: 'RS256', kid: 'rsa-1' }))), null);
    assert.equal(await authenticate(bearer(await sign(claims(), stranger.privateKey, { alg: 'RS256' }))), null);
    const pem = new TextEncoder().encode(await jose.exportSPKI(rsa.publicKey));
    assert.equal(await authenticate(bearer(await sign(claims(), pem, { alg: 'HS256', kid: 'rsa-1' }))), null);
  });

  describe('from a jwksUrl on 127.0.0.1', () => {
    let server: Server;
    let base: string;
    let served: { keys: jose.JWK[] } | null = null;
    let status = 200;
    let requests = 0;

    before(async () => {
      server = createServer((req, res) => {
        requests++;
        if (req.url === '/hang') return; // never answers
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(served ?? jwks));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    after(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('fetches the keys once, and again for an unknown key only after the cooldown', { timeout: 10_000 }, async () => {
      served = { keys: [jwks.keys[0]!] };
      requests = 0;
      const authenticate = jwtAuthenticator({ jwksUrl: `${base}/jwks.json`, issuer, audience, clock, jwksCooldownMs: 300 });
      const rsaToken = await sign(claims(), rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' });
      assert.equal((await authenticate(bearer(rsaToken)))?.userId, 'alice');
      assert.equal((await authenticate(bearer(rsaToken)))?.userId, 'alice');
      assert.equal(requests, 1, 'the keys are cached');
      const ecToken = await sign(claims(), ec.privateKey, { alg: 'ES256', kid: 'ec-1' });
      served = jwks; // the identity provider adds a key
      assert.equal(await authenticate(bearer(ecToken)), null, 'within the cooldown, an unknown key is refused unfetched');
      assert.equal(requests, 1);
      await new Promise((resolve) => setTimeout(resolve, 350));
      assert.equal((await authenticate(bearer(ecToken)))?.userId, 'alice', 'after the cooldown, the new key is fetched');
      assert.equal(requests, 2);
    });

    it('throws auth.keys_unavailable, never the token, when the keys cannot be read', { timeout: 10_000 }, async () => {
      const token = await sign(claims(), rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' });
      const unavailable = (error: unknown): boolean =>
        isSmsError(error) && error.code === 'auth.keys_unavailable' && !error.message.includes(token.split('.')[1]!);
      const hanging = jwtAuthenticator({ jwksUrl: `${base}/hang`, issuer, audience, clock, jwksTimeoutMs: 200 });
      await assert.rejects(hanging(bearer(token)), unavailable);
      status = 500;
      try {
        const failing = jwtAuthenticator({ jwksUrl: `${base}/jwks.json`, issuer, audience, clock });
        await assert.rejects(failing(bearer(token)), unavailable);
      } finally {
        status = 200;
      }
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const refused = jwtAuthenticator({ jwksUrl: `http://127.0.0.1:${port}/jwks.json`, issuer, audience, clock });
      await assert.rejects(refused(bearer(token)), unavailable);
      assert.equal(await refused(request('Bearer garbage')), null, 'a malformed token is refused before any fetch');
    });
  });
});
