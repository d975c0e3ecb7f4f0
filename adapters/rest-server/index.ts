/**
 * pbx-sms/adapters/rest-server: any `SmsBackend` as a REST API (hono, OpenAPI 3.1, problem+json errors, Server-Sent
 * Events). Runs on Node (`listen`) or any runtime with Web-standard `fetch`. Needs the optional packages `hono`,
 * `@hono/zod-openapi` and `@hono/node-server`.
 * @packageDocumentation
 */
export { createRestServer } from './server.js';
export type { ListenOptions, ListeningServer, RestServer } from './server.js';
export type { RestServerLogger, RestServerOptions } from './options.js';
