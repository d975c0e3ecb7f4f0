/**
 * Bearer tokens for the REST server: `jwtAuthenticator` turns a request's `Authorization: Bearer <JWT>` into a
 * `Principal` (or null), and `mintToken` lets a host portal that already has a session mint one for it. Built on
 * `jose`, an optional peer dependency loaded on first use.
 */
import * as z from 'zod';
import { SmsError } from '../../src/errors/sms-error.js';
import { ValidationError } from '../../src/errors/validation-error.js';
import { systemClock } from '../../src/engine/clock.js';
import { parseInput } from '../../src/engine/validate.js';
import { Principal } from '../../src/model/directory.js';
import type { Clock } from '../../src/ports/carrier.js';
import { createVerifiedTokens } from './verified-tokens.js';

type Jose = typeof import('jose');

/** Which claim of the token holds each field of the principal. */
export type PrincipalClaims = { [K in keyof Principal]?: string };

/** The claims `mintToken` writes and `jwtAuthenticator` reads unless told otherwise. */
export const DEFAULT_PRINCIPAL_CLAIMS = {
  organisationId: 'org',
  userId: 'sub',
  role: 'role',
  extensionId: 'ext',
  departmentId: 'dept',
} as const satisfies Required<PrincipalClaims>;

/** Signed with a shared secret (`secret`). */
export const HMAC_ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const;
/** Signed with a private key whose public half is in a JWKS (`jwks`, `jwksUrl`). */
export const PUBLIC_KEY_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'] as const;
export type JwtAlgorithm = (typeof HMAC_ALGORITHMS)[number] | (typeof PUBLIC_KEY_ALGORITHMS)[number];

export interface JwtAuthenticatorOptions {
  /** The shared secret of HMAC-signed tokens (HS256): at least 32 bytes. Give exactly one of `secret`, `jwksUrl`, `jwks`. */
  secret?: string | Uint8Array;
  /** Where the identity provider publishes its public keys (RS256, ES256...), fetched and cached by jose. */
  jwksUrl?: string | URL;
  /** The identity provider's public keys, given directly: `{ keys: [...] }`. */
  jwks?: { keys: readonly Record<string, unknown>[] };
  /** The `iss` a token must carry (one of them, given several). */
  issuer: string | readonly string[];
  /** The `aud` a token must carry (one of them, given several). */
  audience: string | readonly string[];
  /**
   * The algorithms accepted. HMAC ones only with `secret`, public-key ones only with a JWKS, so that a public key can
   * never be used as an HMAC secret; `none` is never accepted.
   * @default ['HS256'] with `secret`, ['RS256', 'ES256'] with a JWKS
   */
  algorithms?: readonly JwtAlgorithm[];
  /**
   * How far the token's `exp` and `nbf` may be off the server's clock.
   * @default 5
   */
  clockToleranceSeconds?: number;
  /**
   * Which claims make the principal: claim names for some fields (the others keep their default claim), or a
   * function of the verified payload. Either way the result is parsed with the `Principal` schema: a token whose
   * claims do not make a valid principal authenticates no one.
   * @default { organisationId: 'org', userId: 'sub', role: 'role', extensionId: 'ext', departmentId: 'dept' }
   */
  claims?: PrincipalClaims | ((payload: Readonly<Record<string, unknown>>) => unknown);
  /**
   * The longest `Authorization` token read; a longer one is refused unread.
   * @default 8192
   */
  maxTokenLength?: number;
  /**
   * How long a fetch of `jwksUrl` may take.
   * @default 5000
   */
  jwksTimeoutMs?: number;
  /**
   * After a fetch of `jwksUrl`, how long a token naming an unknown key (`kid`) is refused without fetching again:
   * forged tokens cannot make the server hammer the identity provider.
   * @default 30_000
   */
  jwksCooldownMs?: number;
  /**
   * The clock `exp` and `nbf` are checked against.
   * @default systemClock
   */
  clock?: Clock;
}

/** Reads a request's bearer token: who is calling, or null. */
export type Authenticate = (request: Request) => Promise<Principal | null>;

const Secret = z.union([z.string(), z.instanceof(Uint8Array)]).refine(
  (secret) => bytesOf(secret).byteLength >= 32,
  'A secret of at least 32 bytes (256 bits) is required',
);
const Names = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const ClockTolerance = z.number().int().min(0).max(300).default(5);
const MaxTokenLength = z.number().int().min(64).max(65_536).default(8192);
const JwksTimeoutMs = z.number().int().positive().max(60_000).default(5000);
const JwksCooldownMs = z.number().int().min(0).max(86_400_000).default(30_000);
const Jwks = z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1) });
const ClaimNames = z.object({
  organisationId: z.string().min(1).optional(),
  userId: z.string().min(1).optional(),
  role: z.string().min(1).optional(),
  extensionId: z.string().min(1).optional(),
  departmentId: z.string().min(1).optional(),
}).strict();
/** Three base64url parts: a compact JWS. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const BEARER = /^Bearer +(\S+)$/i;

/**
 * Authenticates requests by their `Authorization: Bearer <JWT>` header, for `createRestServer({ authenticate })`.
 * A missing or malformed header, and a token that is unsigned (`alg: none`), badly signed, expired, not yet valid,
 * for another issuer or audience, or whose claims make no valid principal, all give null (the server answers 401);
 * nothing of the token is ever thrown or logged. Only an unreachable `jwksUrl` throws, an `SmsError` with code
 * `auth.keys_unavailable`, so that the server answers 503 rather than telling a client its token is bad.
 * A token verified once is trusted for up to a minute (never past its `exp`) without checking its signature again.
 * Options are checked at once: a bad one is a `ValidationError` naming it.
 *
 * @example
 * const authenticate = jwtAuthenticator({
 *   jwksUrl: 'https://id.example.com/.well-known/jwks.json',
 *   issuer: 'https://id.example.com/',
 *   audience: 'pbx-sms',
 *   claims: { organisationId: 'tenant' },
 * });
 * const server = createRestServer({ backend, authenticate });
 */
export function jwtAuthenticator(options: JwtAuthenticatorOptions): Authenticate {
  const sources = (['secret', 'jwksUrl', 'jwks'] as const).filter((name) => options[name] !== undefined);
  if (sources.length !== 1) {
    throw new ValidationError('Give exactly one of `secret`, `jwksUrl` and `jwks`: where the signing keys are.', {
      field: sources[1] ?? 'secret',
    });
  }
  const source = sources[0]!;
  const secret = options.secret === undefined ? undefined : bytesOf(option(Secret, options.secret, 'secret'));
  const jwksUrl = options.jwksUrl === undefined ? undefined : option(z.url({ protocol: /^https?$/ }), String(options.jwksUrl), 'jwksUrl');
  const jwks = options.jwks === undefined ? undefined : option(Jwks, options.jwks, 'jwks');
  const allowed: readonly string[] = secret ? HMAC_ALGORITHMS : PUBLIC_KEY_ALGORITHMS;
  const algorithms = option(
    z.array(z.string().refine((alg) => allowed.includes(alg), `Only ${allowed.join(', ')} with \`${source}\``)).min(1),
    options.algorithms ?? (secret ? ['HS256'] : ['RS256', 'ES256']),
    'algorithms',
  );
  const issuer = option(Names, options.issuer, 'issuer');
  const audience = option(Names, options.audience, 'audience');
  const clockTolerance = option(ClockTolerance, options.clockToleranceSeconds, 'clockToleranceSeconds');
  const maxTokenLength = option(MaxTokenLength, options.maxTokenLength, 'maxTokenLength');
  const timeoutDuration = option(JwksTimeoutMs, options.jwksTimeoutMs, 'jwksTimeoutMs');
  const cooldownDuration = option(JwksCooldownMs, options.jwksCooldownMs, 'jwksCooldownMs');
  const toPrincipal = principalReader(options.claims);
  const clock = options.clock ?? systemClock;

  type Key = Parameters<Jose['jwtVerify']>[1];
  let ready: Promise<{ jose: Jose; key: Key }> | undefined;
  const setUp = async (): Promise<{ jose: Jose; key: Key }> => {
    const jose = await loadJose('jwtAuthenticator');
    if (secret) return { jose, key: hmacKeys(secret) };
    try {
      const key = jwksUrl
        ? jose.createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration, cooldownDuration })
        : jose.createLocalJWKSet(jwks as Parameters<Jose['createLocalJWKSet']>[0]);
      return { jose, key };
    } catch (error) {
      throw keysUnavailable('The `jwks` option is not a JSON Web Key Set of public keys.', error);
    }
  };

  const verified = createVerifiedTokens();
  return async (request) => {
    const token = bearerToken(request, maxTokenLength);
    if (token === null) return null;
    const known = verified.get(token, clock.now());
    if (known) return { ...known };
    ready ??= setUp();
    const { jose, key } = await ready;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jose.jwtVerify(token, key, {
        algorithms: [...algorithms],
        issuer: typeof issuer === 'string' ? issuer : [...issuer],
        audience: typeof audience === 'string' ? audience : [...audience],
        clockTolerance,
        currentDate: new Date(clock.now()),
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (jwksUrl && keysUnreadable(jose, error)) {
        throw keysUnavailable(`The signing keys at ${jwksUrl} could not be read.`, error);
      }
      return null;
    }
    const principal = toPrincipal(payload);
    if (principal && typeof payload.exp === 'number') verified.set(token, principal, payload.exp * 1000, clock.now());
    return principal;
  };
}

export interface MintTokenOptions {
  /** The secret the server's `jwtAuthenticator` was given: at least 32 bytes. */
  secret: string | Uint8Array;
  issuer: string;
  audience: string;
  /** Who the token speaks for; checked with the `Principal` schema. */
  principal: Principal;
  /**
   * How long the token is valid, in seconds.
   * @default 900 (15 minutes)
   */
  expiresIn?: number;
  /**
   * The clock `iat` and `exp` are counted from.
   * @default systemClock
   */
  clock?: Clock;
}

const ExpiresIn = z.number().int().positive().max(31 * 86_400).default(900);

/**
 * Mints an HS256 token for a principal, with the claims `jwtAuthenticator` reads by default (`org`, `sub`, `role`,
 * `ext`, `dept`) and `iss`, `aud`, `iat`, `exp`. For a host portal that already has a session: it mints a token when
 * its user opens the SMS pages and hands it to `createHttpBackend({ token })`.
 *
 * @example
 * const token = await mintToken({
 *   secret: process.env.PBX_SMS_SECRET,
 *   issuer: 'https://portal.example.com',
 *   audience: 'pbx-sms',
 *   principal: { organisationId: 'acme', userId: 'alice', role: 'user', extensionId: '201' },
 *   expiresIn: 3600,
 * });
 */
export async function mintToken(options: MintTokenOptions): Promise<string> {
  const secret = bytesOf(option(Secret, options.secret, 'secret'));
  const issuer = option(z.string().min(1), options.issuer, 'issuer');
  const audience = option(z.string().min(1), options.audience, 'audience');
  const principal = option(Principal, options.principal, 'principal');
  const expiresIn = option(ExpiresIn, options.expiresIn, 'expiresIn');
  const now = Math.floor((options.clock ?? systemClock).now() / 1000);
  const claims: Record<string, string> = {};
  for (const [field, claim] of Object.entries(DEFAULT_PRINCIPAL_CLAIMS)) {
    const value = principal[field as keyof Principal];
    if (value !== undefined && field !== 'userId') claims[claim] = value;
  }
  const jose = await loadJose('mintToken');
  return new jose.SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(principal.userId)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .sign(secret);
}

/**
 * The secret as an HMAC key for each algorithm a token names, imported once (jose imports a raw secret again for every
 * token, which doubles the cost of a verification). jose checks the algorithm against `algorithms` before asking.
 */
function hmacKeys(secret: Uint8Array): (header: { alg?: string }) => Promise<CryptoKey> {
  const keys = new Map<string, Promise<CryptoKey>>();
  return ({ alg = '' }) => {
    let key = keys.get(alg);
    if (!key) {
      key = crypto.subtle.importKey('raw', secret as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: `SHA-${alg.slice(2)}` }, false, ['verify']);
      keys.set(alg, key);
    }
    return key;
  };
}

/** The token of `Authorization: Bearer <token>`, or null when the header is missing, malformed or too long. */
function bearerToken(request: Request, maxLength: number): string | null {
  const header = request.headers.get('authorization');
  if (header === null || header.length > maxLength + 16) return null;
  const token = BEARER.exec(header)?.[1];
  return token !== undefined && token.length <= maxLength && COMPACT_JWS.test(token) ? token : null;
}

/** Maps a verified payload to a principal, or null when its claims make none. */
function principalReader(claims: JwtAuthenticatorOptions['claims']): (payload: Record<string, unknown>) => Principal | null {
  if (typeof claims === 'function') {
    return (payload) => {
      try {
        return parsePrincipal(claims(payload));
      } catch {
        return null;
      }
    };
  }
  const names = { ...DEFAULT_PRINCIPAL_CLAIMS, ...option(ClaimNames, claims ?? {}, 'claims') };
  return (payload) => {
    const fields: Record<string, unknown> = {};
    for (const [field, claim] of Object.entries(names)) {
      const value = Object.hasOwn(payload, claim) ? payload[claim] : undefined;
      if (value !== undefined && value !== null) fields[field] = value;
    }
    return parsePrincipal(fields);
  };
}

function parsePrincipal(value: unknown): Principal | null {
  const result = Principal.safeParse(value);
  return result.success ? result.data : null;
}

/** A failure to read the keys themselves (timeout, network, a non-200 or non-JSON answer), not a bad token. */
function keysUnreadable(jose: Jose, error: unknown): boolean {
  if (!(error instanceof jose.errors.JOSEError)) return true;
  return ['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID', 'ERR_JOSE_GENERIC'].includes(error.code);
}

function keysUnavailable(message: string, cause: unknown): SmsError {
  return new SmsError('auth.keys_unavailable', message, { cause });
}

/** Parses one option; a bad value is a `ValidationError` whose field names the option (`algorithms.0`, `claims.role`). */
function option<S extends z.ZodType>(schema: S, value: unknown, name: string): z.output<S> {
  return (parseInput(z.object({ [name]: schema }), { [name]: value }, name) as Record<string, z.output<S>>)[name]!;
}

function bytesOf(secret: string | Uint8Array): Uint8Array {
  return typeof secret === 'string' ? new TextEncoder().encode(secret) : secret.slice();
}

/** jose, loaded on first use; an error naming the package when it is not installed. */
async function loadJose(caller: string): Promise<Jose> {
  try {
    return await import('jose');
  } catch (error) {
    throw new SmsError('dependency.missing', `${caller} needs the package "jose": npm install jose`, { cause: error });
  }
}
