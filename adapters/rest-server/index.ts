/**
 * pbx-sms/adapters/rest-server: any `SmsBackend` as a REST API (hono, OpenAPI 3.1, problem+json errors, Server-Sent
 * Events), with bearer tokens (`jwtAuthenticator`, `mintToken`), `Idempotency-Key`, a per-principal rate limit and
 * carriers' webhooks. Runs on Node (`listen`) or any runtime with Web-standard `fetch`. Needs the optional packages
 * `hono`, `@hono/zod-openapi` and `@hono/node-server` (and `jose` for tokens).
 * @packageDocumentation
 */
export { createRestServer } from './server.js';
export type { ListenOptions, ListeningServer, RestServer } from './server.js';
export type { RestServerLogger, RestServerOptions, RestServerWebhooks } from './options.js';
export { jwtAuthenticator, mintToken } from './jwt.js';
export type { Authenticate, JwtAlgorithm, JwtAuthenticatorOptions, MintTokenOptions, PrincipalClaims } from './jwt.js';
